package io.github.usereventbus.runtime.internal;

import io.github.usereventbus.runtime.PublishLimits;
import io.github.usereventbus.runtime.EventEntry;
import io.github.usereventbus.runtime.PublishResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers events published one at a time by concurrent callers into full PutEvents requests: a batch
 * is sent when it holds as many entries as a request may, when the next entry would make it too large,
 * or when the oldest entry has waited the linger time. Events not yet acknowledged are bounded; past
 * the bound, publishing fails at once with a clear message instead of queueing without end. The
 * publisher owns closing: it flushes, then waits for the futures it handed out.
 */
public final class AutoBatcher {

    private final RetryingSender sender;
    private final PublishLimits limits;
    private final Duration linger;
    private final int maxOutstanding;
    private final ScheduledExecutorService scheduler;

    private final List<EventEntry> buffer = new ArrayList<>();
    private final List<CompletableFuture<PublishResult>> waiting = new ArrayList<>();
    private final List<CompletableFuture<PublishResult>> outstanding = new ArrayList<>();
    private long bufferedBytes;
    private ScheduledFuture<?> lingerTimer;

    public AutoBatcher(RetryingSender sender, PublishLimits limits, Duration linger, int maxOutstanding,
            ScheduledExecutorService scheduler) {
        this.sender = sender;
        this.limits = limits;
        this.linger = linger;
        this.maxOutstanding = maxOutstanding;
        this.scheduler = scheduler;
    }

    /**
     * Adds the events of one call to the current batch, all or none.
     *
     * @return one future per event, in order
     * @throws IllegalStateException if fewer than {@code events.size()} places are free under
     *                               {@code maxOutstanding}; then none of the events was taken
     */
    public synchronized List<CompletableFuture<PublishResult>> addAll(List<EventEntry> events) {
        outstanding.removeIf(CompletableFuture::isDone);
        if (outstanding.size() + events.size() > maxOutstanding) {
            throw new IllegalStateException("the batching buffer is full: " + outstanding.size() + " events are"
                    + " waiting for EventBridge (maxBuffered " + maxOutstanding + ") and " + events.size()
                    + " more were published; nothing of this call was sent; publish more slowly, wait for"
                    + " earlier results, or raise maxBuffered");
        }
        List<CompletableFuture<PublishResult>> results = new ArrayList<>(events.size());
        for (EventEntry event : events) {
            results.add(add(event));
        }
        return results;
    }

    private CompletableFuture<PublishResult> add(EventEntry event) {
        if (!buffer.isEmpty() && bufferedBytes + event.size() > limits.maxRequestBytes()) {
            flushLocked();
        }
        CompletableFuture<PublishResult> result = new CompletableFuture<>();
        buffer.add(event);
        waiting.add(result);
        outstanding.add(result);
        bufferedBytes += event.size();
        if (buffer.size() >= limits.maxEntriesPerRequest()) {
            flushLocked();
        } else if (lingerTimer == null) {
            lingerTimer = scheduler.schedule(this::flush, linger.toNanos(), TimeUnit.NANOSECONDS);
        }
        return result;
    }

    /** Sends what is buffered now. */
    public synchronized void flush() {
        flushLocked();
    }

    private void flushLocked() {
        if (lingerTimer != null) {
            lingerTimer.cancel(false);
            lingerTimer = null;
        }
        if (buffer.isEmpty()) {
            return;
        }
        List<EventEntry> batch = new ArrayList<>(buffer);
        List<CompletableFuture<PublishResult>> results = new ArrayList<>(waiting);
        buffer.clear();
        waiting.clear();
        bufferedBytes = 0;
        List<CompletableFuture<PublishResult>> sent = sender.send(batch);
        for (int i = 0; i < sent.size(); i++) {
            CompletableFuture<PublishResult> target = results.get(i);
            sent.get(i).whenComplete((r, error) -> {
                if (error != null) {
                    target.completeExceptionally(error);
                } else {
                    target.complete(r);
                }
            });
        }
    }
}

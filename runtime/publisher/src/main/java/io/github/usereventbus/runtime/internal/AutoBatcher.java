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
import java.util.concurrent.TimeoutException;

/**
 * Gathers events published one at a time by concurrent callers into full PutEvents requests: a batch
 * is sent when it holds as many entries as a request may, when the next entry would make it too large,
 * or when the oldest entry has waited the linger time. Events not yet acknowledged are bounded; past
 * the bound, publishing fails at once with a clear message instead of queueing without end.
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
    private boolean closed;

    public AutoBatcher(RetryingSender sender, PublishLimits limits, Duration linger, int maxOutstanding,
            ScheduledExecutorService scheduler) {
        this.sender = sender;
        this.limits = limits;
        this.linger = linger;
        this.maxOutstanding = maxOutstanding;
        this.scheduler = scheduler;
    }

    /**
     * Adds an event to the current batch.
     *
     * @throws IllegalStateException if the batcher is closed, or {@code maxOutstanding} events are
     *                               already waiting for EventBridge
     */
    public synchronized CompletableFuture<PublishResult> add(EventEntry event) {
        if (closed) {
            throw new IllegalStateException("the publisher is closed");
        }
        outstanding.removeIf(CompletableFuture::isDone);
        if (outstanding.size() >= maxOutstanding) {
            throw new IllegalStateException("the batching buffer is full: " + outstanding.size() + " events are"
                    + " waiting for EventBridge (maxBuffered " + maxOutstanding + "); publish more slowly, wait"
                    + " for earlier results, or raise maxBuffered");
        }
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

    /** Sends what is buffered and waits, up to {@code timeout}, for every outstanding event's result. */
    public void close(Duration timeout) throws TimeoutException {
        List<CompletableFuture<PublishResult>> pending;
        synchronized (this) {
            closed = true;
            flushLocked();
            pending = new ArrayList<>(outstanding);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // results complete normally; nothing to report here
        }
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

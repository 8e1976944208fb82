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
    /** When the oldest buffered event was added ({@link System#nanoTime}). */
    private long oldestAdded;
    /** At most one: it flushes the buffer once its oldest event has waited the linger time. */
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
     * Adds the events of one call to the current batch, all or none. Full batches are sent after the lock
     * is released: the SDK marshals and signs a request in the caller's thread, and holding the lock
     * meanwhile would make every publishing thread wait for it.
     *
     * @return one future per event, in order
     * @throws IllegalStateException if fewer than {@code events.size()} places are free under
     *                               {@code maxOutstanding}; then none of the events was taken
     */
    public List<CompletableFuture<PublishResult>> addAll(List<EventEntry> events) {
        List<Batch> full = new ArrayList<>();
        List<CompletableFuture<PublishResult>> results = new ArrayList<>(events.size());
        synchronized (this) {
            outstanding.removeIf(CompletableFuture::isDone);
            if (outstanding.size() + events.size() > maxOutstanding) {
                throw new IllegalStateException("the batching buffer is full: " + outstanding.size() + " events are"
                        + " waiting for EventBridge (maxBuffered " + maxOutstanding + ") and " + events.size()
                        + " more were published; nothing of this call was sent; publish more slowly, wait for"
                        + " earlier results, or raise maxBuffered");
            }
            for (EventEntry event : events) {
                results.add(add(event, full));
            }
        }
        full.forEach(this::send);
        return results;
    }

    /** Events taken from the buffer to be sent together, with the futures handed out for them. */
    private record Batch(List<EventEntry> events, List<CompletableFuture<PublishResult>> results) {
    }

    private CompletableFuture<PublishResult> add(EventEntry event, List<Batch> full) {
        if (!buffer.isEmpty() && bufferedBytes + event.size() > limits.maxRequestBytes()) {
            full.add(take());
        }
        CompletableFuture<PublishResult> result = new CompletableFuture<>();
        if (buffer.isEmpty()) {
            oldestAdded = System.nanoTime();
        }
        buffer.add(event);
        waiting.add(result);
        outstanding.add(result);
        bufferedBytes += event.size();
        if (buffer.size() >= limits.maxEntriesPerRequest()) {
            full.add(take());
        } else if (lingerTimer == null) {
            // a full batch leaves the timer be: the next buffer reuses it (see lingered), so that a busy
            // publisher does not schedule and cancel a timer, waking the scheduler's thread, for every request
            lingerTimer = scheduler.schedule(this::lingered, linger.toNanos(), TimeUnit.NANOSECONDS);
        }
        return result;
    }

    /** The timer fired: sends the buffer if its oldest event has waited the linger time, else waits the rest. */
    private void lingered() {
        Batch batch = null;
        synchronized (this) {
            lingerTimer = null;
            if (buffer.isEmpty()) {
                return;
            }
            long left = linger.toNanos() - (System.nanoTime() - oldestAdded);
            if (left > 0) {
                lingerTimer = scheduler.schedule(this::lingered, left, TimeUnit.NANOSECONDS);
            } else {
                batch = take();
            }
        }
        if (batch != null) {
            send(batch);
        }
    }

    /** Sends what is buffered now. */
    public void flush() {
        Batch batch;
        synchronized (this) {
            batch = buffer.isEmpty() ? null : take();
            cancelLinger();
        }
        if (batch != null) {
            send(batch);
        }
    }

    private void cancelLinger() {
        if (lingerTimer != null) {
            lingerTimer.cancel(false);
            lingerTimer = null;
        }
    }

    /** Empties the buffer into a batch; called with the lock held and the buffer not empty. */
    private Batch take() {
        Batch batch = new Batch(new ArrayList<>(buffer), new ArrayList<>(waiting));
        buffer.clear();
        waiting.clear();
        bufferedBytes = 0;
        return batch;
    }

    private void send(Batch batch) {
        List<CompletableFuture<PublishResult>> sent = sender.send(batch.events());
        for (int i = 0; i < sent.size(); i++) {
            CompletableFuture<PublishResult> target = batch.results().get(i);
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

package io.github.usereventbus.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send failed entries again: exponential backoff with full jitter, a bounded number of attempts
 * and an overall deadline. Only retryable failures are retried: the per-entry codes
 * {@code InternalFailure} and {@code ThrottlingException}, and whole-request throttling, 5xx answers,
 * timeouts and broken connections.
 *
 * @param maxAttempts how many times an entry is sent at most (1 means no retry)
 * @param baseDelay   the backoff before the second attempt, doubled for each further one
 * @param maxDelay    the longest single backoff
 * @param deadline    how long a call may take in all before what is still pending is reported failed
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

    /** 5 attempts, 100 ms doubling up to 5 s, 60 s in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(60));

    /** One attempt only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60));

    /**
     * @throws IllegalArgumentException if maxAttempts is below 1
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
    }

    /** The backoff before attempt {@code attempt + 1}: uniformly random up to the capped exponential delay. */
    public Duration backoff(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return cap <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /** Per-entry error codes worth another attempt; see {@link ErrorCodes#isRetryable}. */
    public static boolean isRetryable(String errorCode) {
        return ErrorCodes.isRetryable(errorCode);
    }
}

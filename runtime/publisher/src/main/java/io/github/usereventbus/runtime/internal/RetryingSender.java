package io.github.usereventbus.runtime.internal;

import io.github.usereventbus.runtime.ErrorCodes;
import io.github.usereventbus.runtime.EventEntry;
import io.github.usereventbus.runtime.PublishResult;
import io.github.usereventbus.runtime.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Sends one batch (one PutEvents request's worth of entries) until every entry is acknowledged or has
 * failed for good. Response entries are matched to request entries by position, as the API specifies;
 * only entries that failed with a retryable code are sent again, so an acknowledged entry is never sent
 * twice by this code. Whole-request failures (throttling, 5xx, timeouts, broken connections) resend the
 * entries still pending. Never logs details.
 */
public final class RetryingSender {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingSender.class);

    private final PutEventsTransport transport;
    private final String eventBusName;
    private final String endpointId;
    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;

    public RetryingSender(PutEventsTransport transport, String eventBusName, String endpointId, RetryPolicy policy,
            ScheduledExecutorService scheduler) {
        this.transport = transport;
        this.eventBusName = eventBusName;
        this.endpointId = endpointId;
        this.policy = policy;
        this.scheduler = scheduler;
    }

    /** One future per event, in order; each completes with the event's result, never exceptionally. */
    public List<CompletableFuture<PublishResult>> send(List<EventEntry> batch) {
        List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (EventEntry event : batch) {
            CompletableFuture<PublishResult> future = new CompletableFuture<>();
            futures.add(future);
            pending.add(new Pending(event, future, null));
        }
        long deadline = System.nanoTime() + policy.deadline().toNanos();
        attempt(pending, 1, deadline);
        return futures;
    }

    private PutEventsRequestEntry entry(EventEntry event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source(event.source())
                .detailType(event.detailType())
                .detail(event.detail())
                .time(event.time())
                .resources(event.resources().isEmpty() ? null : event.resources())
                .traceHeader(event.traceHeader())
                .build();
    }

    /** An entry still to be acknowledged, with the failure of its latest attempt (null before the first). */
    private record Pending(EventEntry event, CompletableFuture<PublishResult> future, Failure lastFailure) {
        Pending failedWith(Failure failure) {
            return new Pending(event, future, failure);
        }
    }

    private record Failure(String code, String message, boolean retryable) {
    }

    private void attempt(List<Pending> pending, int attempt, long deadline) {
        List<PutEventsRequestEntry> entries = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            entries.add(entry(p.event()));
        }
        PutEventsRequest request = PutEventsRequest.builder().entries(entries).endpointId(endpointId).build();
        CompletableFuture<PutEventsResponse> call;
        try {
            call = transport.putEvents(request);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        call.whenComplete((response, error) -> {
            List<Pending> retry = new ArrayList<>();
            if (error != null) {
                Failure failure = classify(unwrap(error));
                if (failure.retryable()) {
                    pending.forEach(p -> retry.add(p.failedWith(failure)));
                } else {
                    pending.forEach(p -> fail(p, failure, attempt));
                }
                LOG.debug("PutEvents with {} entries failed on attempt {}: {} {}", pending.size(), attempt,
                        failure.code(), failure.message());
            } else {
                onResponse(pending, response, attempt, retry);
            }
            if (retry.isEmpty()) {
                return;
            }
            long backoff = policy.backoff(attempt).toNanos();
            if (attempt >= policy.maxAttempts() || System.nanoTime() + backoff > deadline) {
                LOG.warn("{} event(s) not acknowledged after {} attempt(s): {}", retry.size(), attempt,
                        retry.stream().map(p -> p.lastFailure().code()).distinct().sorted().toList());
                // each entry keeps the code of its own last failure
                retry.forEach(p -> fail(p, new Failure(p.lastFailure().code(), p.lastFailure().message()
                        + " (gave up after " + attempt + " attempt(s))", false), attempt));
                return;
            }
            try {
                scheduler.schedule(() -> attempt(retry, attempt + 1, deadline), backoff, TimeUnit.NANOSECONDS);
            } catch (RuntimeException rejected) {
                Failure closed = new Failure(ErrorCodes.PUBLISHER_CLOSED, "the publisher was closed before a retry", false);
                retry.forEach(p -> fail(p, closed, attempt));
            }
        });
    }

    private void onResponse(List<Pending> pending, PutEventsResponse response, int attempt, List<Pending> retry) {
        List<PutEventsResultEntry> results = response.entries();
        if (results.size() != pending.size()) {
            Failure broken = new Failure(ErrorCodes.MALFORMED_RESPONSE, "PutEvents answered " + results.size()
                    + " entries for " + pending.size() + " sent; the outcome of each is unknown", false);
            pending.forEach(p -> fail(p, broken, attempt));
            return;
        }
        for (int i = 0; i < results.size(); i++) {
            PutEventsResultEntry result = results.get(i);
            Pending p = pending.get(i);
            if (result.eventId() != null && result.errorCode() == null) {
                p.future().complete(PublishResult.acknowledged(p.event().event(), result.eventId(), attempt));
            } else {
                Failure failure = new Failure(result.errorCode(), result.errorMessage(),
                        ErrorCodes.isRetryable(result.errorCode()));
                if (failure.retryable()) {
                    retry.add(p.failedWith(failure));
                } else {
                    fail(p, failure, attempt);
                }
            }
        }
    }

    private static void fail(Pending p, Failure failure, int attempt) {
        p.future().complete(PublishResult.failed(p.event().event(),
                failure.code() == null ? ErrorCodes.UNKNOWN : failure.code(), failure.message(), attempt));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Whole-request failures: throttling, server errors and transport trouble (a refused or broken
     * connection, an attempt that timed out) are worth another attempt. A client that cannot make the
     * request at all (no credentials, no signer) is a configuration error, and fails at once.
     */
    static Failure classify(Throwable error) {
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            int status = service.statusCode();
            boolean retryable = service.isThrottlingException() || status >= 500 || status == 429
                    || ErrorCodes.isRetryable(code);
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            if (status == 413) {
                message = "HTTP 413: the request was too large for the endpoint; lower PublishLimits.maxRequestBytes";
            }
            return new Failure(code == null ? "HTTP" + status : code, message, retryable);
        }
        if (error instanceof SdkClientException client) {
            if (error instanceof ApiCallAttemptTimeoutException || causedByIo(error)) {
                return new Failure(ErrorCodes.CLIENT_ERROR, firstLine(client.getMessage()), true);
            }
            return new Failure(ErrorCodes.CONFIGURATION_ERROR, "the request could not be made, so it was not"
                    + " retried: " + firstLine(client.getMessage()), false);
        }
        return new Failure(error.getClass().getSimpleName(), String.valueOf(error.getMessage()), false);
    }

    private static boolean causedByIo(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The first line of an SDK message, which may go on with a provider chain's every attempt. */
    public static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}

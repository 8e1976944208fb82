package io.github.usereventbus.runtime.internal;

import io.github.usereventbus.runtime.EventEntry;
import io.github.usereventbus.runtime.PublishResult;
import io.github.usereventbus.runtime.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
            pending.add(new Pending(event, future));
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

    private record Pending(EventEntry event, CompletableFuture<PublishResult> future) {
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
            Failure last;
            if (error != null) {
                last = classify(unwrap(error));
                if (last.retryable()) {
                    retry.addAll(pending);
                } else {
                    pending.forEach(p -> fail(p, last, attempt));
                }
                LOG.debug("PutEvents with {} entries failed on attempt {}: {} {}", pending.size(), attempt,
                        last.code(), last.message());
            } else {
                last = onResponse(pending, response, attempt, retry);
            }
            if (retry.isEmpty()) {
                return;
            }
            long backoff = policy.backoff(attempt).toNanos();
            if (attempt >= policy.maxAttempts() || System.nanoTime() + backoff > deadline) {
                Failure gaveUp = new Failure(last.code(), last.message() + " (gave up after " + attempt
                        + " attempt(s))", false);
                LOG.warn("{} event(s) not acknowledged after {} attempt(s): {}", retry.size(), attempt, last.code());
                retry.forEach(p -> fail(p, gaveUp, attempt));
                return;
            }
            try {
                scheduler.schedule(() -> attempt(retry, attempt + 1, deadline), backoff, TimeUnit.NANOSECONDS);
            } catch (RuntimeException rejected) {
                Failure closed = new Failure("PublisherClosed", "the publisher was closed before a retry", false);
                retry.forEach(p -> fail(p, closed, attempt));
            }
        });
    }

    private Failure onResponse(List<Pending> pending, PutEventsResponse response, int attempt, List<Pending> retry) {
        List<PutEventsResultEntry> results = response.entries();
        if (results.size() != pending.size()) {
            Failure broken = new Failure("MalformedResponse", "PutEvents answered " + results.size()
                    + " entries for " + pending.size() + " sent; the outcome of each is unknown", false);
            pending.forEach(p -> fail(p, broken, attempt));
            return broken;
        }
        Failure last = null;
        for (int i = 0; i < results.size(); i++) {
            PutEventsResultEntry result = results.get(i);
            Pending p = pending.get(i);
            if (result.eventId() != null && result.errorCode() == null) {
                p.future().complete(PublishResult.acknowledged(p.event().event(), result.eventId(), attempt));
            } else {
                last = new Failure(result.errorCode(), result.errorMessage(), RetryPolicy.isRetryable(result.errorCode()));
                if (last.retryable()) {
                    retry.add(p);
                } else {
                    fail(p, last, attempt);
                }
            }
        }
        return last;
    }

    private static void fail(Pending p, Failure failure, int attempt) {
        p.future().complete(PublishResult.failed(p.event().event(),
                failure.code() == null ? "Unknown" : failure.code(), failure.message(), attempt));
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Whole-request failures: throttling, server errors and transport trouble are worth another attempt. */
    static Failure classify(Throwable error) {
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            int status = service.statusCode();
            boolean retryable = service.isThrottlingException() || status >= 500 || status == 429
                    || RetryPolicy.isRetryable(code);
            String message = service.awsErrorDetails() == null ? service.getMessage()
                    : service.awsErrorDetails().errorMessage();
            if (status == 413) {
                message = "HTTP 413: the request was too large for the endpoint; lower PublishLimits.maxRequestBytes";
            }
            return new Failure(code == null ? "HTTP" + status : code, message, retryable);
        }
        if (error instanceof SdkClientException) {
            return new Failure("ClientError", String.valueOf(error.getMessage()), true);
        }
        return new Failure(error.getClass().getSimpleName(), String.valueOf(error.getMessage()), false);
    }
}

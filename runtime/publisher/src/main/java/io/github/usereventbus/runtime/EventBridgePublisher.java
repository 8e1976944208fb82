package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.usereventbus.runtime.internal.AutoBatcher;
import io.github.usereventbus.runtime.internal.NettyHttp;
import io.github.usereventbus.runtime.internal.PutEventsTransport;
import io.github.usereventbus.runtime.internal.RetryingSender;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClientBuilder;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Publishes events to an EventBridge bus with PutEvents: validated against their schemas, checked
 * against EventBridge's limits, split into requests of at most 10 entries and 1 MB, retried entry by
 * entry with backoff when EventBridge says so, and mapped back to one result per event. Thread-safe.
 *
 * <pre>{@code
 * try (EventBridgePublisher publisher = EventBridgePublisher.builder()
 *         .eventBusName("user-event-bus")
 *         .build()) {
 *     new UserEventPublisher(publisher).publishUserAccountCreated(created);
 * }
 * }</pre>
 */
public final class EventBridgePublisher implements EventPublisher {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final PutEventsTransport transport;
    private final EventEntries preparer;
    private final PublishLimits limits;
    private final RetryingSender sender;
    private final AutoBatcher batcher;
    private final ScheduledExecutorService scheduler;
    private final java.time.Duration retryDeadline;
    private static final Logger LOG = LoggerFactory.getLogger(EventBridgePublisher.class);

    /** Every event accepted and not yet acknowledged or failed: what close() must account for. */
    private final Map<CompletableFuture<PublishResult>, OutgoingEvent<?>> inFlight = new ConcurrentHashMap<>();
    /** Sends hold it shared, close() exclusively: no event is accepted once close() has begun. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private EventBridgePublisher(Builder b) {
        this.limits = b.limits;
        this.retryDeadline = b.retryPolicy.deadline();
        // the validator starts while the AWS client is built: in a fresh JVM both take a while
        CompletableFuture<SchemaValidator> validator = b.validate ? SchemaValidator.prepareInBackground()
                : CompletableFuture.completedFuture(null);
        this.transport = transport(b);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("user-event-bus-retry"));
        this.preparer = new EventEntries(b.mapper, validator.exceptionally(e -> new SchemaValidator()).join(), b.limits);
        this.sender = new RetryingSender(transport, b.eventBusName, b.endpointId, b.retryPolicy, scheduler);
        this.batcher = b.linger == null ? null
                : new AutoBatcher(sender, b.limits, b.linger, b.maxBuffered, scheduler);
    }

    /**
     * A publisher to configure; only the bus name is required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public List<PublishResult> publish(List<? extends OutgoingEvent<?>> events) {
        List<PublishResult> results = new ArrayList<>(events.size());
        for (CompletableFuture<PublishResult> future : send(events)) {
            results.add(future.join());
        }
        if (results.stream().anyMatch(r -> !r.succeeded())) {
            throw new PublishException(results);
        }
        return results;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A future completes exceptionally with a {@link PublishException} holding the event's result
     * when the event failed.
     *
     * @throws InvalidEventException at once, before anything is sent, if any event is invalid
     */
    @Override
    public List<CompletableFuture<PublishResult>> publishAsync(List<? extends OutgoingEvent<?>> events) {
        return send(events).stream().map(EventBridgePublisher::failedAsException).toList();
    }

    static CompletableFuture<PublishResult> failedAsException(CompletableFuture<PublishResult> future) {
        return future.thenCompose(r -> r.succeeded() ? CompletableFuture.completedFuture(r)
                : CompletableFuture.failedFuture(new PublishException(List.of(r))));
    }

    private List<CompletableFuture<PublishResult>> send(List<? extends OutgoingEvent<?>> events) {
        List<EventEntry> prepared = preparer.prepare(events);
        closing.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the publisher is closed; nothing of this call was sent");
            }
            List<CompletableFuture<PublishResult>> futures;
            if (batcher != null) {
                futures = batcher.addAll(prepared);
            } else {
                futures = new ArrayList<>(events.size());
                for (List<EventEntry> batch : EventEntries.batches(prepared, limits)) {
                    futures.addAll(sender.send(batch));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                CompletableFuture<PublishResult> future = futures.get(i);
                inFlight.put(future, prepared.get(i).event());
                future.whenComplete((r, e) -> inFlight.remove(future));
            }
            return futures;
        } finally {
            closing.readLock().unlock();
        }
    }

    /**
     * Stops accepting events, sends what automatic batching still holds, and waits until every event
     * accepted so far is acknowledged or has failed, at most the retry policy's deadline. Events still
     * unacknowledged then fail with {@link ErrorCodes#PUBLISHER_CLOSED} (they may or may not have been
     * delivered). Then it releases the client (if it was built here) and the threads.
     *
     * <p>Every event's outcome is reported exactly once, where the caller gets it: as the exception of
     * {@link #publish} or through the future of {@link #publishAsync}, those that close() itself fails
     * included. So close() throws no {@link PublishException}: a failure is never reported twice, whether it
     * arrived before close() began or while it ran. Failures that arrive while close() runs are also logged,
     * one warning with their codes, for callers who dropped their futures.
     */
    @Override
    public void close() {
        List<CompletableFuture<PublishResult>> pending;
        Map<CompletableFuture<PublishResult>, OutgoingEvent<?>> events;
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            events = new java.util.LinkedHashMap<>(inFlight);
        } finally {
            closing.writeLock().unlock();
        }
        // what completed before close() began was reported through its future already; the rest is waited for
        pending = events.keySet().stream().filter(future -> !future.isDone()).toList();
        if (batcher != null) {
            batcher.flush();
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(retryDeadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // results complete normally; what is still pending is failed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> failed = new ArrayList<>();
        for (CompletableFuture<PublishResult> future : pending) {
            // complete() loses to a result that arrived in the meantime, so an acknowledged event stays so
            future.complete(PublishResult.failed(events.get(future), ErrorCodes.PUBLISHER_CLOSED, "not acknowledged"
                    + " within the retry deadline (" + retryDeadline + ") after close(); it may or may not have"
                    + " been delivered", 0));
            PublishResult result = future.join();
            if (!result.succeeded()) {
                failed.add(result.errorCode());
            }
        }
        scheduler.shutdownNow();
        transport.close();
        if (!failed.isEmpty()) {
            LOG.warn("{} event(s) failed while the publisher closed, each reported through its own future: {}",
                    failed.size(), failed);
        }
    }

    private static PutEventsTransport transport(Builder b) {
        if (b.asyncClient != null) {
            return PutEventsTransport.of(b.asyncClient, false);
        }
        if (b.client != null) {
            return PutEventsTransport.of(b.client, Executors.newFixedThreadPool(8, daemon("user-event-bus-send")), false);
        }
        EventBridgeAsyncClientBuilder builder = EventBridgeAsyncClient.builder()
                // retries are ours, entry by entry; the SDK's would resend whole requests
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        if (b.region != null) {
            builder.region(b.region);
        }
        if (b.endpointOverride != null) {
            builder.endpointOverride(b.endpointOverride);
        }
        if (b.credentialsProvider != null) {
            builder.credentialsProvider(b.credentialsProvider);
        }
        NettyHttp http = NettyHttp.available() ? NettyHttp.create(daemon("user-event-bus-netty")) : null;
        if (http != null) {
            builder.httpClient(http.client());
        }
        EventBridgeAsyncClient client;
        try {
            client = builder.build();
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("Unable to load region")) {
                // one short line rather than the SDK's dump of its provider chain, which stays in the cause
                throw new IllegalStateException("no AWS region found for the EventBridge client: give one with"
                        + " region(...) on EventBridgePublisher.builder(), the AWS_REGION environment variable, the"
                        + " aws.region system property, or a region in the AWS profile", e);
            }
            if (e instanceof SdkClientException) {
                String cause = RetryingSender.firstLine(e.getMessage());
                throw new IllegalStateException("the EventBridge client could not be built: "
                        + (cause.length() > 200 ? cause.substring(0, 200) + "..." : cause), e);
            }
            throw e;
        }
        return PutEventsTransport.of(client, () -> {
            client.close();
            if (http != null) {
                http.close();
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Configures an {@link EventBridgePublisher}; only the bus name is required. */
    public static final class Builder {
        private EventBridgeClient client;
        private EventBridgeAsyncClient asyncClient;
        private Region region;
        private URI endpointOverride;
        private AwsCredentialsProvider credentialsProvider;
        private String eventBusName;
        private String endpointId;
        private boolean validate = true;
        private PublishLimits limits = PublishLimits.EVENTBRIDGE;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private ObjectMapper mapper = EventEntries.defaultMapper();
        private java.time.Duration linger;
        private int maxBuffered;

        private Builder() {
        }

        /** A client of yours, kept open on close. Its own retry settings apply in addition to ours. */
        public Builder client(EventBridgeClient client) {
            this.client = client;
            return this;
        }

        /** An asynchronous client of yours, kept open on close. */
        public Builder asyncClient(EventBridgeAsyncClient asyncClient) {
            this.asyncClient = asyncClient;
            return this;
        }

        /** The region of the client built from the SDK's defaults; the default region chain otherwise. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** An endpoint for the client built from the SDK's defaults, for example a local emulator. */
        public Builder endpointOverride(URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Credentials for the client built from the SDK's defaults; the default chain otherwise. */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** The bus: a name, or an ARN (required with {@link #endpointId}). At most 1600 characters. */
        public Builder eventBusName(String eventBusName) {
            this.eventBusName = eventBusName;
            return this;
        }

        /**
         * A global endpoint's id, for example {@code abcde.veo}. Such requests are signed with SigV4a,
         * which needs the SDK's CRT auth module ({@code software.amazon.awssdk:aws-crt}) on the classpath.
         */
        public Builder endpointId(String endpointId) {
            this.endpointId = endpointId;
            return this;
        }

        /** Whether events are validated against their schemas before sending; on by default. */
        public Builder validation(boolean validate) {
            this.validate = validate;
            return this;
        }

        /**
         * @param limits the entry and request limits; {@link PublishLimits#EVENTBRIDGE} by default
         * @return this builder
         */
        public Builder limits(PublishLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @param retryPolicy when to retry; {@link RetryPolicy#DEFAULT} by default
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** The mapper that writes details; it must write java.time values as ISO strings. */
        public Builder objectMapper(ObjectMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /**
         * Gathers events published one by one from many threads into full requests: a request goes out
         * when it holds 10 entries, when the next would pass the size limit, or {@code linger} after its
         * first entry. At most {@code maxBuffered} events may wait for EventBridge at once; publishing
         * more fails at once with {@link IllegalStateException}. {@link #close()} sends what is left.
         *
         * <pre>{@code
         * EventBridgePublisher.builder().eventBusName("user-event-bus")
         *         .autoBatching(Duration.ofMillis(20), 10_000).build();
         * }</pre>
         */
        public Builder autoBatching(java.time.Duration linger, int maxBuffered) {
            if (linger == null || linger.isNegative() || maxBuffered < 1) {
                throw new IllegalArgumentException("autoBatching needs a linger of zero or more and maxBuffered of"
                        + " at least 1");
            }
            this.linger = linger;
            this.maxBuffered = maxBuffered;
            return this;
        }

        /**
         * @return the publisher
         * @throws IllegalStateException if the bus name is missing, the clients are given twice, or no region can be
         *                               found for the client built here
         */
        public EventBridgePublisher build() {
            if (eventBusName == null || eventBusName.isBlank() || eventBusName.length() > 1600) {
                throw new IllegalStateException("eventBusName is required: a bus name or ARN of at most 1600"
                        + " characters");
            }
            if (client != null && asyncClient != null) {
                throw new IllegalStateException("give either client or asyncClient, not both");
            }
            if ((client != null || asyncClient != null)
                    && (region != null || endpointOverride != null || credentialsProvider != null)) {
                throw new IllegalStateException("region, endpointOverride and credentialsProvider configure the"
                        + " client built here; set them on your own client instead");
            }
            return new EventBridgePublisher(this);
        }
    }
}

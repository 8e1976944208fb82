package io.github.usereventbus.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * An in-process event bus with EventBridge's publishing contract, for tests and development. It checks
 * events exactly as {@code EventBridgePublisher} does, assigns event ids, builds the envelopes
 * EventBridge delivers ({@code version}, {@code id}, {@code detail-type}, {@code source},
 * {@code account}, {@code time}, {@code region}, {@code resources}, {@code detail}), matches them
 * against subscriptions' event patterns with AWS's own matching engine (event-ruler) and hands them to
 * the subscribers, synchronously, on the publishing thread. Everything published is recorded.
 *
 * <p>A subscriber that throws fails the publish by default ({@link SubscriberFailedException}, after
 * every matching subscription has had the event), so a handler bug fails the test that exercises it.
 * {@link Builder#lenientSubscribers(boolean)} switches to what EventBridge does, where each target fails
 * on its own: the failure is logged and kept in {@link #subscriberFailures()}.
 *
 * <pre>{@code
 * LocalEventBus bus = LocalEventBus.builder().build();
 * bus.subscribe("audit", "{\"source\":[\"com.example.user-service\"]}", envelope -> audit.add(envelope));
 * new UserEventPublisher(bus).publishUserAccountCreated(created);
 * assertThat(bus.published()).hasSize(1);
 * }</pre>
 */
public final class LocalEventBus implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEventBus.class);

    /** What the bus delivered to one subscription. */
    public record Delivery(String subscription, String envelope) {
    }

    /** A subscription whose handler threw, with the envelope it was given and what it threw. */
    public record SubscriberFailure(String subscription, String envelope, RuntimeException error) {
    }

    /**
     * Thrown by {@code publish} when a subscriber failed (unless subscribers are lenient). The events of
     * the call were published and delivered to every matching subscription all the same.
     */
    public static final class SubscriberFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient List<SubscriberFailure> failures;

        SubscriberFailedException(List<SubscriberFailure> failures) {
            super(failures.size() + " subscriber(s) failed: " + failures.stream()
                    .map(f -> "subscription '" + f.subscription() + "' threw " + f.error())
                    .collect(java.util.stream.Collectors.joining("; ")), failures.get(0).error());
            failures.stream().skip(1).forEach(f -> addSuppressed(f.error()));
            this.failures = List.copyOf(failures);
        }

        /** Which subscriptions failed, on which envelopes, with what. */
        public List<SubscriberFailure> failures() {
            return failures;
        }
    }

    private final EventEntries preparer;
    private final ObjectMapper mapper;
    private final String account;
    private final String region;
    private final Clock clock;
    private final Machine machine = new Machine();
    private final Map<String, Consumer<String>> subscribers = new LinkedHashMap<>();
    private final List<String> published = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<SubscriberFailure> subscriberFailures = new ArrayList<>();
    private final boolean lenientSubscribers;

    private LocalEventBus(Builder b) {
        this.mapper = EventEntries.defaultMapper();
        this.preparer = new EventEntries(mapper, b.validate ? new SchemaValidator() : null, b.limits);
        this.account = b.account;
        this.region = b.region;
        this.clock = b.clock;
        this.lenientSubscribers = b.lenientSubscribers;
    }

    /**
     * A bus to configure; every setting has a default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Subscribes a handler to the envelopes that match an EventBridge event pattern.
     *
     * @param name    the subscription's name, unique on this bus (like a rule's name)
     * @param pattern an event pattern, for example {@code {"detail-type":["User Account Deleted"]}}
     * @param handler receives each matching envelope as JSON text, as an SQS target would
     * @throws IllegalArgumentException if the pattern is not a valid event pattern
     */
    public synchronized void subscribe(String name, String pattern, Consumer<String> handler) {
        Objects.requireNonNull(handler, "handler");
        String problem = JsonRuleCompiler.check(pattern);
        if (problem != null) {
            throw new IllegalArgumentException("invalid event pattern for subscription '" + name + "': " + problem);
        }
        if (subscribers.containsKey(name)) {
            throw new IllegalArgumentException("a subscription named '" + name + "' exists already");
        }
        try {
            machine.addRule(name, pattern);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid event pattern for subscription '" + name + "': " + e.getMessage(), e);
        }
        subscribers.put(name, handler);
    }

    /**
     * {@inheritDoc}
     *
     * @throws SubscriberFailedException if a subscriber threw and subscribers are not lenient; every
     *                                   event of the call was published and delivered all the same
     */
    @Override
    public List<PublishResult> publish(List<? extends OutgoingEvent<?>> events) {
        List<PublishResult> results = new ArrayList<>();
        List<SubscriberFailure> failures = new ArrayList<>();
        for (EventEntry event : preparer.prepare(events)) {
            String id = UUID.randomUUID().toString();
            String envelope = envelope(event, id);
            List<String> matches;
            synchronized (this) {
                published.add(envelope);
                try {
                    matches = machine.rulesForJSONEvent(envelope);
                } catch (Exception e) {
                    throw new IllegalStateException("event-ruler could not read an envelope built here", e);
                }
            }
            for (String subscription : matches.stream().sorted().toList()) {
                SubscriberFailure failure = deliver(subscription, envelope);
                if (failure != null) {
                    failures.add(failure);
                }
            }
            results.add(PublishResult.acknowledged(event.event(), id, 1));
        }
        if (!failures.isEmpty() && !lenientSubscribers) {
            throw new SubscriberFailedException(failures);
        }
        return results;
    }

    private SubscriberFailure deliver(String subscription, String envelope) {
        Consumer<String> handler;
        synchronized (this) {
            deliveries.add(new Delivery(subscription, envelope));
            handler = subscribers.get(subscription);
        }
        try {
            handler.accept(envelope);
            return null;
        } catch (RuntimeException e) {
            SubscriberFailure failure = new SubscriberFailure(subscription, envelope, e);
            synchronized (this) {
                subscriberFailures.add(failure);
            }
            if (lenientSubscribers) {
                // as on EventBridge, where each target fails on its own
                LOG.warn("subscription '{}' failed to handle an event: {}", subscription, e.toString());
            }
            return failure;
        }
    }

    /**
     * Publishes and delivers at once, on this thread.
     *
     * @throws SubscriberFailedException as {@link #publish(List)} does
     */
    @Override
    public List<CompletableFuture<PublishResult>> publishAsync(List<? extends OutgoingEvent<?>> events) {
        return publish(events).stream().map(CompletableFuture::completedFuture).toList();
    }

    /** Every envelope published so far, as JSON text, in order. */
    public synchronized List<String> published() {
        return List.copyOf(published);
    }

    /** Every delivery so far: which subscription received which envelope. */
    public synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Every subscriber failure so far, in order (with lenient subscribers, the only place they show). */
    public synchronized List<SubscriberFailure> subscriberFailures() {
        return List.copyOf(subscriberFailures);
    }

    /** Forgets what was published, delivered and failed; subscriptions stay. */
    public synchronized void clear() {
        published.clear();
        deliveries.clear();
        subscriberFailures.clear();
    }

    @Override
    public void close() {
        // nothing is buffered
    }

    private String envelope(EventEntry event, String id) {
        Instant time = event.time() != null ? event.time() : clock.instant();
        try {
            return Envelopes.write(mapper.readTree(event.detail()), event.detailType(), event.source(),
                    id, time, account, region, event.resources());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configures a {@link LocalEventBus}; every setting has a default. */
    public static final class Builder {
        private String account = "123456789012";
        private String region = "us-east-1";
        private Clock clock = Clock.systemUTC();
        private boolean validate = true;
        private PublishLimits limits = PublishLimits.EVENTBRIDGE;
        private boolean lenientSubscribers;

        private Builder() {
        }

        /**
         * Whether a subscriber's exception is only logged and kept in {@link #subscriberFailures()}, as
         * EventBridge keeps targets apart, instead of failing the publish; off by default, so that a
         * handler bug fails the test.
         */
        public Builder lenientSubscribers(boolean lenient) {
            this.lenientSubscribers = lenient;
            return this;
        }

        /**
         * @param account the account id in the envelopes; 123456789012 by default
         * @return this builder
         */
        public Builder account(String account) {
            this.account = Objects.requireNonNull(account, "account");
            return this;
        }

        /**
         * @param region the region in the envelopes; us-east-1 by default
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The clock that stamps events published without a time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param validate whether events are validated against their schemas; on by default
         * @return this builder
         */
        public Builder validation(boolean validate) {
            this.validate = validate;
            return this;
        }

        /**
         * @param limits the entry limits events are checked against
         * @return this builder
         */
        public Builder limits(PublishLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * @return the bus
         */
        public LocalEventBus build() {
            return new LocalEventBus(this);
        }
    }
}

package io.github.usereventbus.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes events: to EventBridge ({@code EventBridgePublisher}, in user-event-bus-publisher) or in process
 * ({@code LocalEventBus}, in user-event-bus-testkit).
 * Implementations are thread-safe. Generated publisher facades delegate to this interface.
 */
public interface EventPublisher extends AutoCloseable {

    /**
     * Publishes the events and waits for the outcome of each.
     *
     * @return one result per event, in order, all successful
     * @throws PublishException if any event failed; it carries every result
     */
    List<PublishResult> publish(List<? extends OutgoingEvent<?>> events);

    /** Publishes the events; one future per event, in order, completed with its result. */
    List<CompletableFuture<PublishResult>> publishAsync(List<? extends OutgoingEvent<?>> events);

    /**
     * Publishes one event and waits for its outcome.
     *
     * @param event the event
     * @return its result
     * @throws PublishException if it failed
     */
    default PublishResult publish(BusEvent event) {
        return publish(List.of(OutgoingEvent.of(event))).get(0);
    }

    /**
     * Publishes one event.
     *
     * @param event the event
     * @return its result to come
     */
    default CompletableFuture<PublishResult> publishAsync(BusEvent event) {
        return publishAsync(List.of(OutgoingEvent.of(event))).get(0);
    }

    /** Sends what is still buffered, then releases resources. */
    @Override
    void close();
}

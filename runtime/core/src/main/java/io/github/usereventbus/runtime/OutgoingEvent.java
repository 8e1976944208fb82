package io.github.usereventbus.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event with the optional parts of a PutEvents entry: {@code Time}, {@code Resources} and
 * {@code TraceHeader}. Immutable; the {@code with} methods return changed copies.
 *
 * <pre>{@code
 * OutgoingEvent.of(created).withTime(clock.instant()).withResources(List.of(userArn))
 * }</pre>
 *
 * @param <E>         the type of the event
 * @param event       the event
 * @param time        the event's time, or null to let EventBridge use the time of the call
 * @param resources   ARNs of the resources the event concerns; may be empty
 * @param traceHeader an X-Ray trace header (1 to 500 characters), or null
 */
public record OutgoingEvent<E extends BusEvent>(E event, Instant time, List<String> resources, String traceHeader) {

    /**
     * @throws IllegalArgumentException if the trace header is empty or over 500 characters
     */
    public OutgoingEvent {
        Objects.requireNonNull(event, "event");
        resources = List.copyOf(resources);
        if (traceHeader != null && (traceHeader.isEmpty() || traceHeader.length() > 500)) {
            throw new IllegalArgumentException("traceHeader must be 1 to 500 characters long, not "
                    + traceHeader.length());
        }
    }

    /**
     * An event without entry options.
     *
     * @param <E>   the event's type
     * @param event the event
     * @return the outgoing event
     */
    public static <E extends BusEvent> OutgoingEvent<E> of(E event) {
        return new OutgoingEvent<>(event, null, List.of(), null);
    }

    /**
     * @param time the event's time, or null for the time of the call
     * @return a copy with that time
     */
    public OutgoingEvent<E> withTime(Instant time) {
        return new OutgoingEvent<>(event, time, resources, traceHeader);
    }

    /**
     * @param resources ARNs of the resources the event concerns
     * @return a copy with those resources
     */
    public OutgoingEvent<E> withResources(List<String> resources) {
        return new OutgoingEvent<>(event, time, resources, traceHeader);
    }

    /**
     * @param traceHeader an X-Ray trace header, 1 to 500 characters, or null
     * @return a copy with that trace header
     */
    public OutgoingEvent<E> withTraceHeader(String traceHeader) {
        return new OutgoingEvent<>(event, time, resources, traceHeader);
    }
}

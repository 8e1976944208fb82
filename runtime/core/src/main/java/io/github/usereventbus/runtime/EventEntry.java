package io.github.usereventbus.runtime;

import java.time.Instant;
import java.util.List;

/**
 * An event ready to be sent: serialised, validated, checked against EventBridge's limits and sized.
 * What a transport (the EventBridge publisher, the local bus) turns into its own request entry.
 *
 * @param index  its position in the publishing call
 * @param event  the event as given
 * @param detail the detail, as JSON text
 * @param size   the entry's size by AWS's formula (see {@link EventEntries#sizeOf})
 */
public record EventEntry(int index, OutgoingEvent<?> event, String detail, int size) {

    /** The entry's {@code Source}. */
    public String source() {
        return event.event().eventSource();
    }

    /** The entry's {@code DetailType}. */
    public String detailType() {
        return event.event().eventDetailType();
    }

    /** The entry's {@code Time}, or null to let EventBridge use the time of the call. */
    public Instant time() {
        return event.time();
    }

    /** The entry's {@code Resources}, possibly empty. */
    public List<String> resources() {
        return event.resources();
    }

    /** The entry's {@code TraceHeader}, or null. */
    public String traceHeader() {
        return event.traceHeader();
    }
}

package io.github.usereventbus.runtime.internal;

import io.github.usereventbus.runtime.OutgoingEvent;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * An event ready to be sent: serialised, validated, checked and sized.
 *
 * @param index  its position in the call
 * @param event  the event as given
 * @param detail the detail JSON
 * @param entry  the PutEvents entry (without the bus name, which the transport adds)
 * @param size   its size by AWS's formula
 */
public record PreparedEvent(int index, OutgoingEvent<?> event, String detail, PutEventsRequestEntry entry, int size) {
}

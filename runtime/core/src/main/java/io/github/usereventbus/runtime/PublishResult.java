package io.github.usereventbus.runtime;

import java.util.Objects;

/**
 * What became of one published event: acknowledged with the {@code EventId} EventBridge assigned, or
 * failed with an error code and message.
 *
 * @param event        the event as it was given
 * @param eventId      the id EventBridge assigned, or null if it failed
 * @param errorCode    EventBridge's error code (for example {@code ThrottlingException}) or one of this
 *                     library's ({@code ValidationFailed}, {@code EntryTooLarge}, ...), or null on success
 * @param errorMessage what went wrong, or null on success
 * @param attempts     how many times the entry was sent (0 if it was refused before sending)
 */
public record PublishResult(OutgoingEvent<?> event, String eventId, String errorCode, String errorMessage,
        int attempts) {

    /**
     * @throws IllegalArgumentException unless exactly one of eventId and errorCode is set
     */
    public PublishResult {
        Objects.requireNonNull(event, "event");
        if ((eventId == null) == (errorCode == null)) {
            throw new IllegalArgumentException("a result has either an eventId or an errorCode");
        }
    }

    /**
     * An acknowledged event.
     *
     * @param event    the event
     * @param eventId  the id EventBridge assigned
     * @param attempts how many times it was sent
     * @return the result
     */
    public static PublishResult acknowledged(OutgoingEvent<?> event, String eventId, int attempts) {
        return new PublishResult(event, eventId, null, null, attempts);
    }

    /**
     * A failed event.
     *
     * @param event        the event
     * @param errorCode    the error code, see {@link ErrorCodes}
     * @param errorMessage what went wrong
     * @param attempts     how many times it was sent
     * @return the result
     */
    public static PublishResult failed(OutgoingEvent<?> event, String errorCode, String errorMessage, int attempts) {
        return new PublishResult(event, null, errorCode, errorMessage, attempts);
    }

    /**
     * Whether EventBridge acknowledged the event.
     *
     * @return true with an event id
     */
    public boolean succeeded() {
        return eventId != null;
    }

    /** Names the event by detail-type, never by its detail, which may hold sensitive values. */
    @Override
    public String toString() {
        String what = event.event().eventDetailType();
        return succeeded() ? what + " acknowledged as " + eventId + " after " + attempts + " attempt(s)"
                : what + " failed with " + errorCode + " after " + attempts + " attempt(s): " + errorMessage;
    }
}

package io.github.usereventbus.runtime;

import java.util.Set;

/**
 * Every error code a {@link PublishResult} can carry, in one place: EventBridge's per-entry and
 * whole-request codes, and this library's own for what happens on the client's side.
 */
public final class ErrorCodes {

    // EventBridge, per entry (the PutEvents API reference)

    /** EventBridge failed internally; worth another attempt. */
    public static final String INTERNAL_FAILURE = "InternalFailure";
    /** The account or the entry was throttled; worth another attempt after a backoff. */
    public static final String THROTTLING = "ThrottlingException";
    /** The caller may not put events on the bus. */
    public static final String ACCESS_DENIED = "AccessDeniedException";
    /** The detail is not valid JSON. */
    public static final String MALFORMED_DETAIL = "MalformedDetail";
    /** An argument of the entry is invalid. */
    public static final String INVALID_ARGUMENT = "InvalidArgument";
    /** The source is not one the caller may use, for example one starting with {@code aws.}. */
    public static final String NOT_AUTHORIZED_FOR_SOURCE = "NotAuthorizedForSourceException";
    /** The detail-type is not one the caller may use. */
    public static final String NOT_AUTHORIZED_FOR_DETAIL_TYPE = "NotAuthorizedForDetailTypeException";

    // this library's

    /**
     * The client is configured so that no request can succeed: no credentials, no region, a signer
     * missing from the classpath. Never retried.
     */
    public static final String CONFIGURATION_ERROR = "ConfigurationError";
    /** The request could not be sent or its answer not read (connection refused or reset, timeout). */
    public static final String CLIENT_ERROR = "ClientError";
    /** EventBridge answered with a different number of entries than were sent. */
    public static final String MALFORMED_RESPONSE = "MalformedResponse";
    /**
     * The publisher was closed, and its retry deadline had passed, before EventBridge acknowledged the
     * event. The event may or may not have been delivered.
     */
    public static final String PUBLISHER_CLOSED = "PublisherClosed";
    /** EventBridge reported a failure without a code. */
    public static final String UNKNOWN = "Unknown";

    private static final Set<String> RETRYABLE = Set.of(INTERNAL_FAILURE, THROTTLING);

    private ErrorCodes() {
    }

    /** Whether an entry that failed with this per-entry code is worth sending again. */
    public static boolean isRetryable(String errorCode) {
        return errorCode != null && RETRYABLE.contains(errorCode);
    }
}

package io.github.usereventbus.runtime;

/**
 * An event that can be published on an EventBridge bus. Generated event classes implement it; the
 * methods are not JSON properties (they are no getters), so they never end up in the event's detail.
 */
public interface BusEvent {

    /** The EventBridge {@code Source}, for example {@code com.example.user-service}. */
    String eventSource();

    /** The EventBridge {@code DetailType}, for example {@code User Account Created}. */
    String eventDetailType();

    /** Where the event's JSON Schema lies on the classpath, for validation before sending. */
    String eventSchema();
}

package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Handles one EventBridge envelope as a subscriber receives it. What the subscriber adapters (AWS Lambda
 * handlers, the SQS consumer) call; a generated dispatcher gives one that parses the envelope and routes
 * it to a typed handler: {@code UserEventDispatcher.tolerant().routingTo(myHandler)}.
 *
 * <p>Delivery is at least once: the same event may arrive twice (a retried PutEvents, a redelivered
 * message). Use {@link Envelope#id()}, the id EventBridge assigned, to handle each event once.
 */
@FunctionalInterface
public interface EnvelopeHandler {

    /**
     * Handles the envelope.
     *
     * @param envelope the envelope as JSON
     * @throws EnvelopeException if the envelope cannot be read, and never will be: not an EventBridge
     *                           envelope, or (in strict mode) an event or field the contract does not know
     * @throws RuntimeException  anything else the handler throws: worth another delivery
     */
    void handle(JsonNode envelope);
}

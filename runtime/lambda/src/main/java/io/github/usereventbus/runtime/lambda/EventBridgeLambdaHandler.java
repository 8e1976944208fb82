package io.github.usereventbus.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.usereventbus.runtime.EnvelopeException;
import io.github.usereventbus.runtime.EnvelopeHandler;
import io.github.usereventbus.runtime.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An AWS Lambda handler for a function that is the target of an EventBridge rule: Lambda's input is the
 * EventBridge envelope itself. Subclass it with a public no-argument constructor and name the subclass as
 * the function's handler; the team writes only its typed handler:
 *
 * <pre>{@code
 * public class AccountEventsFunction extends EventBridgeLambdaHandler {
 *     public AccountEventsFunction() {
 *         super(UserEventDispatcher.tolerant().routingTo(new AccountEvents()));
 *     }
 * }
 * }</pre>
 *
 * <p>EventBridge invokes a Lambda target asynchronously. When the handler throws, the invocation fails and
 * Lambda retries it (twice by default), then hands the event to the function's on-failure destination or
 * dead-letter queue, if one is configured: configure one, or a failed event is gone. An envelope that can
 * never be read ({@link EnvelopeException}) fails the same way, so that it reaches the destination rather
 * than vanishing; the log line names the event's id, never its detail.
 */
public class EventBridgeLambdaHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = JsonTrees.newMapper();

    private final EnvelopeHandler handler;

    /** @param handler receives each envelope, for example a generated dispatcher's {@code routingTo(...)} */
    public EventBridgeLambdaHandler(EnvelopeHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Reads the envelope and hands it to the handler; writes no output.
     *
     * @throws EnvelopeException if the input is not an EventBridge envelope this contract can read
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            LambdaLog.log(context, "the Lambda input is not JSON: " + e.getOriginalMessage());
            throw new EnvelopeException("the Lambda input is not JSON: " + e.getOriginalMessage(), e);
        }
        try {
            handler.handle(envelope);
        } catch (EnvelopeException e) {
            LambdaLog.log(context, "event " + (envelope == null ? "(none)" : envelope.path("id").asText("(no id)"))
                    + " cannot be read: " + e.getMessage());
            throw e;
        }
    }
}

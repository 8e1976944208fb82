package io.github.usereventbus.runtime.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.usereventbus.runtime.EnvelopeException;
import io.github.usereventbus.runtime.EnvelopeHandler;
import io.github.usereventbus.runtime.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An AWS Lambda handler for an SQS event source whose queue is the target of an EventBridge rule: each
 * record's body is an EventBridge envelope. Records are handled one by one; the function answers with
 * the ones that failed as partial batch failures ({@code batchItemFailures}), so that SQS redelivers only
 * those. Turn on {@code ReportBatchItemFailures} in the event source mapping
 * ({@code FunctionResponseTypes: [ReportBatchItemFailures]}); without it Lambda ignores the answer and
 * deletes the whole batch when the function returns.
 *
 * <pre>{@code
 * public class AccountEventsQueueFunction extends SqsLambdaHandler {
 *     public AccountEventsQueueFunction() {
 *         super(UserEventDispatcher.tolerant().routingTo(new AccountEvents()));
 *     }
 * }
 * }</pre>
 *
 * <p>What becomes of a record:
 * <ul>
 *   <li>handled: left out of the answer, so Lambda deletes it;</li>
 *   <li>the handler threw: reported, so SQS delivers it again after its visibility timeout;</li>
 *   <li>it can never be read (its body is not JSON, not an EventBridge envelope, or in strict mode an
 *       event or field the contract does not know): reported too, never dropped. SQS delivers it again
 *       until the queue's redrive policy ({@code maxReceiveCount}) moves it to the dead-letter queue:
 *       give the queue one. The log line names the message id, never the body.</li>
 * </ul>
 * On a FIFO queue ({@code .fifo}), the first failure also reports every later record of the batch
 * unhandled, so that order within a message group holds. Delivery is at least once: use the envelope's
 * {@code id} to handle each event once.
 */
public class SqsLambdaHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = JsonTrees.newMapper();

    private final EnvelopeHandler handler;

    /** @param handler receives each envelope, for example a generated dispatcher's {@code routingTo(...)} */
    public SqsLambdaHandler(EnvelopeHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Handles every record and writes {@code {"batchItemFailures":[{"itemIdentifier":"<messageId>"},...]}}.
     *
     * @throws IOException              if the input cannot be read or the answer written
     * @throws IllegalArgumentException if the input is not an SQS event; then the whole batch is retried
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event;
        try {
            event = JSON.readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the Lambda input is not JSON: " + e.getOriginalMessage(), e);
        }
        List<String> failed = handle(event, context);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode failures = answer.putArray("batchItemFailures");
        failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
        JSON.writeValue(output, answer);
    }

    /** The message ids of the records to report as failed, in order. */
    List<String> handle(JsonNode event, Context context) {
        JsonNode records = event == null ? null : event.get("Records");
        if (records == null || !records.isArray()) {
            throw new IllegalArgumentException("the Lambda input is not an SQS event: it has no \"Records\" array");
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String messageId = record.path("messageId").asText(null);
            if (messageId == null) {
                throw new IllegalArgumentException("record " + i + " of the SQS event has no messageId");
            }
            if (!handleRecord(record, messageId, context)) {
                failed.add(messageId);
                if (record.path("eventSourceARN").asText("").endsWith(".fifo")) {
                    for (int rest = i + 1; rest < records.size(); rest++) {
                        failed.add(records.get(rest).path("messageId").asText());
                    }
                    LambdaLog.log(context, "FIFO queue: " + (records.size() - i - 1) + " later message(s) of the"
                            + " batch left unhandled to keep their order");
                    break;
                }
            }
        }
        return failed;
    }

    private boolean handleRecord(JsonNode record, String messageId, Context context) {
        try {
            handler.handle(JSON.readTree(record.path("body").asText("")));
            return true;
        } catch (JsonProcessingException e) {
            LambdaLog.log(context, "message " + messageId + " cannot be read, its body is not JSON: "
                    + e.getOriginalMessage() + "; reported as failed until the queue's redrive policy moves it");
        } catch (EnvelopeException e) {
            LambdaLog.log(context, "message " + messageId + " cannot be read: " + e.getMessage()
                    + "; reported as failed until the queue's redrive policy moves it");
        } catch (RuntimeException e) {
            LambdaLog.log(context, "message " + messageId + " failed: " + e + "; reported for redelivery");
        }
        return false;
    }
}

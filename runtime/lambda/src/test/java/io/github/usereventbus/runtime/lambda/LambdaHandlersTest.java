package io.github.usereventbus.runtime.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.usereventbus.runtime.BusEvent;
import io.github.usereventbus.runtime.Envelope;
import io.github.usereventbus.runtime.EnvelopeException;
import io.github.usereventbus.runtime.EnvelopeHandler;
import io.github.usereventbus.runtime.NotePosted;
import io.github.usereventbus.runtime.RecordingNoteHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The AWS Lambda handlers, fed AWS's documented event formats")
class LambdaHandlersTest {

    final RecordingNoteHandler notes = new RecordingNoteHandler();
    final List<Envelope<BusEvent>> handled = notes.handled;
    final EnvelopeHandler handler = notes;

    static InputStream resource(String name) {
        return LambdaHandlersTest.class.getResourceAsStream("/lambda-events/" + name);
    }

    static JsonNode answer(SqsLambdaHandler function, String resource) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(resource(resource), out, null);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    @DisplayName("a rule's Lambda target: the envelope reaches the handler, typed, with EventBridge's event id")
    void eventBridgeTarget() throws Exception {
        new EventBridgeLambdaHandler(handler).handleRequest(resource("eventbridge-target.json"),
                new ByteArrayOutputStream(), null);
        assertThat(handled).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("6a7e8feb-b491-4cf7-a9f1-bf3703467718");
            assertThat(e.detail()).isEqualTo(new NotePosted("00000000-0000-0000-0000-000000000001", "note 1", null));
        });
    }

    @Test
    @DisplayName("a rule's Lambda target: an unreadable envelope fails the invocation, so Lambda's retries and"
            + " on-failure destination get it")
    void eventBridgeTargetUnreadable() {
        EventBridgeLambdaHandler function = new EventBridgeLambdaHandler(handler);
        assertThatThrownBy(() -> function.handleRequest(new ByteArrayInputStream(
                "{\"id\":\"x\",\"detail\":{}}".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("not an EventBridge envelope");
        assertThatThrownBy(() -> function.handleRequest(new ByteArrayInputStream(
                "not json".getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null))
                .isInstanceOf(EnvelopeException.class).hasMessageStartingWith("the Lambda input is not JSON");
        assertThat(handled).isEmpty();
    }

    @Test
    @DisplayName("an SQS batch: good records handled, a failing and an unreadable one reported as batch item failures")
    void sqsPartialBatchFailure() throws Exception {
        JsonNode answer = answer(new SqsLambdaHandler(handler), "sqs-batch.json");
        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"},"
                + "{\"itemIdentifier\":\"3f4c2b8e-1b0d-4c6e-9a57-0d1c5b7e9a10\"}]}");
        assertThat(handled).extracting(Envelope::id).containsExactly("e1", "e4");
    }

    @Test
    @DisplayName("an SQS FIFO batch stops at the first failure and reports every later record, to keep the order")
    void sqsFifo() throws Exception {
        JsonNode answer = answer(new SqsLambdaHandler(handler), "sqs-fifo-batch.json");
        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly(
                "2e1424d4-f796-459a-8184-9c92662be6da", "3f4c2b8e-1b0d-4c6e-9a57-0d1c5b7e9a10",
                "4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d");
        assertThat(handled).extracting(Envelope::id).containsExactly("e1");
    }

    @Test
    @DisplayName("an input that is no SQS event fails the whole invocation with a clear message")
    void notAnSqsEvent() {
        assertThatThrownBy(() -> new SqsLambdaHandler(handler).handleRequest(resource("eventbridge-target.json"),
                new ByteArrayOutputStream(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the Lambda input is not an SQS event: it has no \"Records\" array");
    }
}

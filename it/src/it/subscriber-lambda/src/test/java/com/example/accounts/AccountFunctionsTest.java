package com.example.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.accounts.events.Profile;
import com.example.accounts.events.Reason;
import com.example.accounts.events.Role;
import com.example.accounts.events.UserAccountCreated;
import com.example.accounts.events.UserAccountDeleted;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.usereventbus.runtime.Envelopes;
import io.github.usereventbus.runtime.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The functions fed what AWS hands them: an EventBridge envelope, and an SQS batch. */
class AccountFunctionsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final UserAccountCreated CREATED = UserAccountCreated.builder()
            .userId(UUID.fromString("6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22")).username("ada").email("ada@example.com")
            .createdAt(Instant.parse("2026-11-28T12:00:00Z"))
            .profile(Profile.builder().displayName("Ada").locale("en-GB").build()).roles(Set.of(Role.MEMBER)).build();
    static final UserAccountDeleted DELETED = UserAccountDeleted.builder().userId(new UUID(1, 1))
            .deletedAt(Instant.parse("2026-11-29T08:00:00Z")).reason(Reason.FRAUD_DETECTED).build();
    static final UserAccountDeleted DELETED_WHILE_STORE_DOWN = DELETED.toBuilder().userId(new UUID(0, 7)).build();

    @BeforeEach
    void forget() {
        AccountEvents.SEEN.clear();
    }

    static String sqsEvent(List<String> bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < bodies.size(); i++) {
            ObjectNode record = records.addObject();
            record.put("messageId", "m" + i);
            record.put("receiptHandle", "AQEB" + i);
            record.put("body", bodies.get(i));
            record.putObject("attributes").put("ApproximateReceiveCount", "1");
            record.putObject("messageAttributes");
            record.put("md5OfBody", "00000000000000000000000000000000");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:us-east-1:111122223333:account-events");
            record.put("awsRegion", "us-east-1");
        }
        return event.toString();
    }

    @Test
    void eventBridgeTarget() throws Exception {
        String envelope = Envelopes.of(CREATED, "e-1", Instant.parse("2026-11-28T12:00:01Z"), "111122223333",
                "us-east-1", List.of());
        new AccountEventsFunction().handleRequest(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
        assertThat(AccountEvents.SEEN).containsExactly("e-1 created ada");
    }

    @Test
    void sampleEventsFromTheContract() throws Exception {
        // the contract's own example, bound to the generated class by the test kit
        UserAccountCreated sample = SampleEvents.example(UserAccountCreated.class);
        String envelope = Envelopes.of(sample, "e-9", Instant.parse("2026-11-28T12:00:01Z"), "111122223333",
                "us-east-1", List.of());
        new AccountEventsFunction().handleRequest(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
        assertThat(AccountEvents.SEEN).containsExactly("e-9 created " + sample.username());
    }

    @Test
    void sqsBatchWithPartialFailures() throws Exception {
        String input = sqsEvent(List.of(
                Envelopes.of(CREATED, "e-1", Instant.now(), "111122223333", "us-east-1", List.of()),
                Envelopes.of(DELETED_WHILE_STORE_DOWN, "e-2", Instant.now(), "111122223333", "us-east-1", List.of()),
                "{\"broken\": true}",
                Envelopes.of(DELETED, "e-4", Instant.now(), "111122223333", "us-east-1", List.of())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AccountEventsQueueFunction().handleRequest(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, null);
        JsonNode answer = JSON.readTree(out.toByteArray());
        assertThat(answer.path("batchItemFailures").findValuesAsText("itemIdentifier")).containsExactly("m1", "m2");
        assertThat(AccountEvents.SEEN).containsExactly("e-1 created ada", "e-4 deleted fraud-detected");
    }
}

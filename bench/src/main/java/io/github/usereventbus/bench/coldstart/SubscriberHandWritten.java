package io.github.usereventbus.bench.coldstart;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.usereventbus.bench.events.UserAccountCreated;
import java.nio.file.Files;
import java.nio.file.Path;

/** The peer: a fresh JVM reads its first SQS message body with hand-written Jackson code. */
public final class SubscriberHandWritten {

    private SubscriberHandWritten() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JsonNode envelope = mapper.readTree(Files.readString(Path.of(args[0])));
        if (!UserAccountCreated.DETAIL_TYPE.equals(envelope.path("detail-type").asText())) {
            throw new IllegalStateException("unexpected event");
        }
        UserAccountCreated detail = mapper.treeToValue(envelope.get("detail"), UserAccountCreated.class);
        if (detail.username() == null) {
            throw new IllegalStateException("not handled");
        }
        ColdStart.report();
    }
}

package io.github.usereventbus.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Builds realistic EventBridge envelopes from event objects: for subscriber teams' unit tests, and for
 * the local bus. The envelope has a fresh id and the fields EventBridge sets.
 */
public final class Envelopes {

    private static final ObjectMapper MAPPER = EventEntries.defaultMapper();

    private Envelopes() {
    }

    /** An envelope as EventBridge would deliver the event now, from account 123456789012 in us-east-1. */
    public static String of(BusEvent event) {
        return of(event, UUID.randomUUID().toString(), Instant.now(), "123456789012", "us-east-1", List.of());
    }

    /** An envelope with every field chosen. */
    public static String of(BusEvent event, String id, Instant time, String account, String region,
            List<String> resources) {
        return write(MAPPER.valueToTree(event), event.eventDetailType(), event.eventSource(), id, time, account,
                region, resources);
    }

    static String write(com.fasterxml.jackson.databind.JsonNode detail, String detailType, String source, String id,
            Instant time, String account, String region, List<String> resources) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("version", "0");
        envelope.put("id", id);
        envelope.put("detail-type", detailType);
        envelope.put("source", source);
        envelope.put("account", account);
        envelope.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", region);
        resources.forEach(envelope.putArray("resources")::add);
        envelope.set("detail", detail);
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}

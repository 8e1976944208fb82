package io.github.usereventbus.runtime.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.usereventbus.runtime.BusEvent;
import io.github.usereventbus.runtime.InvalidEventException;
import io.github.usereventbus.runtime.OutgoingEvent;
import io.github.usereventbus.runtime.PublishLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Turns events into PutEvents entries and checks them all before anything is sent: schema validation,
 * AWS's size formula, the detail-type length and the reserved {@code aws.} source prefix. Shared by the
 * EventBridge publisher and the local bus, so both refuse exactly the same events.
 */
public final class EntryPreparer {

    public static final int MAX_DETAIL_TYPE_LENGTH = 128;
    private static final int TIME_BYTES = 14;

    private final ObjectMapper mapper;
    private final SchemaValidator validator;
    private final PublishLimits limits;

    /** @param validator null to switch validation off */
    public EntryPreparer(ObjectMapper mapper, SchemaValidator validator, PublishLimits limits) {
        this.mapper = mapper;
        this.validator = validator;
        this.limits = limits;
    }

    /** The mapper generated classes expect: java.time as ISO strings. */
    public static ObjectMapper defaultMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** @throws InvalidEventException listing every problem of every event; then nothing may be sent */
    public List<PreparedEvent> prepare(List<? extends OutgoingEvent<?>> events) {
        List<PreparedEvent> prepared = new ArrayList<>(events.size());
        List<InvalidEventException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent<?> outgoing = events.get(i);
            BusEvent event = outgoing.event();
            String detailType = event.eventDetailType();
            JsonNode tree = mapper.valueToTree(event);
            if (validator != null) {
                for (SchemaValidator.Violation v : validator.validate(event.eventSchema(), tree)) {
                    problems.add(new InvalidEventException.Problem(i, detailType, v.pointer(),
                            "breaks its schema " + event.eventSchema() + ": " + v.message()));
                }
            }
            String detail;
            try {
                detail = mapper.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serialises", e);
            }
            PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                    .source(event.eventSource())
                    .detailType(detailType)
                    .detail(detail)
                    .time(outgoing.time())
                    .resources(outgoing.resources().isEmpty() ? null : outgoing.resources())
                    .traceHeader(outgoing.traceHeader())
                    .build();
            int size = sizeOf(entry);
            if (detailType.length() > MAX_DETAIL_TYPE_LENGTH) {
                problems.add(new InvalidEventException.Problem(i, detailType, "", "the detail-type is "
                        + detailType.length() + " characters long; EventBridge allows at most " + MAX_DETAIL_TYPE_LENGTH));
            }
            if (event.eventSource().startsWith("aws.")) {
                problems.add(new InvalidEventException.Problem(i, detailType, "", "the source '" + event.eventSource()
                        + "' starts with 'aws.', which EventBridge reserves for AWS services"));
            }
            if (size > limits.maxEntryBytes()) {
                problems.add(new InvalidEventException.Problem(i, detailType, "", "the entry is " + size
                        + " bytes by AWS's size formula, over the limit of " + limits.maxEntryBytes() + " bytes by "
                        + (size - limits.maxEntryBytes())));
            }
            prepared.add(new PreparedEvent(i, outgoing, detail, entry, size));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return prepared;
    }

    /**
     * AWS's documented entry size: 14 bytes if {@code Time} is set, plus the UTF-8 bytes of
     * {@code Source}, {@code DetailType}, {@code Detail} and every {@code Resources} item.
     */
    public static int sizeOf(PutEventsRequestEntry entry) {
        int size = entry.time() != null ? TIME_BYTES : 0;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        if (entry.hasResources()) {
            for (String resource : entry.resources()) {
                size += utf8(resource);
            }
        }
        return size;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Splits into requests of at most the entry count and byte size the limits allow, keeping order. */
    public static List<List<PreparedEvent>> batches(List<PreparedEvent> events, PublishLimits limits) {
        List<List<PreparedEvent>> batches = new ArrayList<>();
        List<PreparedEvent> current = new ArrayList<>();
        long bytes = 0;
        for (PreparedEvent event : events) {
            if (!current.isEmpty() && (current.size() == limits.maxEntriesPerRequest()
                    || bytes + event.size() > limits.maxRequestBytes())) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(event);
            bytes += event.size();
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}

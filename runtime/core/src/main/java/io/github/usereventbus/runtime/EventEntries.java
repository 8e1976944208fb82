package io.github.usereventbus.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns events into entries and checks them all before anything is sent: schema validation, AWS's size
 * formula, the detail-type length and the reserved {@code aws.} source prefix. Shared by the EventBridge
 * publisher and the local bus, so both refuse exactly the same events; another transport can use it too.
 */
public final class EventEntries {

    /** EventBridge's limit on a detail-type's length. */
    public static final int MAX_DETAIL_TYPE_LENGTH = 128;
    private static final int TIME_BYTES = 14;

    private final ObjectMapper mapper;
    private final SchemaValidator validator;
    private final PublishLimits limits;

    /**
     * @param mapper    writes details; see {@link #defaultMapper()}
     * @param validator validates details, or null to switch validation off
     * @param limits    the size limits entries are checked against
     */
    public EventEntries(ObjectMapper mapper, SchemaValidator validator, PublishLimits limits) {
        this.mapper = mapper;
        this.validator = validator;
        this.limits = limits;
    }

    /**
     * The mapper generated classes expect: java.time as ISO strings, and decimals kept digit for digit (see
     * {@link JsonTrees}): the tree a detail is validated as, and written from, keeps 1.50 as 1.50.
     */
    public static ObjectMapper defaultMapper() {
        return JsonTrees.exact(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
    }

    /** The mapper that writes details. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Serialises and checks every event.
     *
     * @param events the events of one publishing call
     * @return one entry per event, in order
     * @throws InvalidEventException listing every problem of every event; then nothing may be sent
     */
    public List<EventEntry> prepare(List<? extends OutgoingEvent<?>> events) {
        List<EventEntry> prepared = new ArrayList<>(events.size());
        List<InvalidEventException.Problem> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            OutgoingEvent<?> outgoing = events.get(i);
            BusEvent event = outgoing.event();
            String detailType = event.eventDetailType();
            String detail;
            if (validator != null) {
                // validated as a tree, then written from it: what is sent is what was validated
                JsonNode tree = mapper.valueToTree(event);
                for (SchemaValidator.Violation v : validator.validate(event.eventSchema(), tree)) {
                    problems.add(new InvalidEventException.Problem(i, detailType, v.pointer(),
                            "breaks its schema " + event.eventSchema() + ": " + v.message()));
                }
                detail = write(tree);
            } else {
                detail = write(event);
            }
            int size = sizeOf(outgoing.time() != null, event.eventSource(), detailType, detail, outgoing.resources());
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
            prepared.add(new EventEntry(i, outgoing, detail, size));
        }
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return prepared;
    }

    /** The detail's JSON text; a generated event or a tree always serialises, another event may not. */
    private String write(Object detail) {
        try {
            return mapper.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event " + detail.getClass().getName()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * AWS's documented entry size: 14 bytes if {@code Time} is set, plus the UTF-8 bytes of
     * {@code Source}, {@code DetailType}, {@code Detail} and every {@code Resources} item.
     */
    public static int sizeOf(boolean hasTime, String source, String detailType, String detail, List<String> resources) {
        int size = hasTime ? TIME_BYTES : 0;
        size += utf8(source) + utf8(detailType) + utf8(detail);
        for (String resource : resources) {
            size += utf8(resource);
        }
        return size;
    }

    private static int utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Splits into requests of at most the entry count and byte size the limits allow, keeping order. */
    public static List<List<EventEntry>> batches(List<EventEntry> events, PublishLimits limits) {
        List<List<EventEntry>> batches = new ArrayList<>();
        List<EventEntry> current = new ArrayList<>();
        long bytes = 0;
        for (EventEntry event : events) {
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

package io.github.usereventbus.runtime;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads EventBridge envelopes into {@link Envelope}s with typed details. Generated dispatchers configure
 * one with the events of their contract.
 *
 * <p>Tolerant by default, as a subscriber must be when the producer evolves: unknown detail-types give
 * an envelope without a typed detail, and unknown detail fields are ignored. In strict mode both are
 * errors. Validation of the detail against its schema on receipt is optional.
 */
public final class EnvelopeReader {

    private static final ObjectMapper TREES = JsonTrees.newMapper();

    private final Map<String, Class<? extends BusEvent>> types;
    private final Map<String, String> schemas;
    private final boolean strict;
    private final SchemaValidator validator;
    private final ObjectMapper mapper;

    private EnvelopeReader(Builder b) {
        this.types = Map.copyOf(b.types);
        this.schemas = Map.copyOf(b.schemas);
        this.strict = b.strict;
        this.validator = b.validate ? new SchemaValidator() : null;
        // tolerant: a property or an enum value added by a newer contract is ignored or read as the enum's
        // unrecognised constant; strict refuses both
        ObjectMapper configured = EventEntries.defaultMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, strict);
        this.mapper = strict ? configured : configured.addHandler(new UnrecognisedEnumValues());
    }

    /**
     * A reader to configure with the events of a contract.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether unknown detail-types and detail fields are refused.
     *
     * @return true in strict mode
     */
    public boolean isStrict() {
        return strict;
    }

    /**
     * Reads an envelope from JSON text.
     *
     * @param json the envelope
     * @return the envelope, its detail typed when the contract knows the event
     * @throws EnvelopeException if it cannot be read
     */
    public Envelope<BusEvent> read(String json) {
        try {
            return read(TREES.readTree(json));
        } catch (JsonProcessingException e) {
            throw new EnvelopeException("the envelope is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an envelope from a stream of JSON, such as a Lambda input.
     *
     * @param json the envelope
     * @return the envelope, its detail typed when the contract knows the event
     * @throws EnvelopeException if it cannot be read
     */
    public Envelope<BusEvent> read(InputStream json) {
        try {
            return read(TREES.readTree(json));
        } catch (IOException e) {
            throw new EnvelopeException("the envelope could not be read as JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an envelope from a JSON tree.
     *
     * @param envelope the envelope
     * @return the envelope, its detail typed when the contract knows the event
     * @throws EnvelopeException if it cannot be read
     */
    public Envelope<BusEvent> read(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            throw new EnvelopeException("an EventBridge envelope is a JSON object");
        }
        List<String> missing = new ArrayList<>();
        for (String field : List.of("id", "detail-type", "source", "time", "detail")) {
            if (!envelope.hasNonNull(field)) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw new EnvelopeException("not an EventBridge envelope: it lacks " + String.join(", ", missing));
        }
        String source = envelope.get("source").asText();
        String detailType = envelope.get("detail-type").asText();
        Instant time;
        try {
            time = Instant.parse(envelope.get("time").asText());
        } catch (DateTimeParseException e) {
            throw new EnvelopeException("the envelope's time '" + envelope.get("time").asText() + "' is not RFC 3339");
        }
        JsonNode rawDetail = envelope.get("detail");
        String key = key(source, detailType);
        Class<? extends BusEvent> type = types.get(key);
        BusEvent detail = null;
        if (type == null) {
            if (strict) {
                throw new EnvelopeException("unknown event '" + detailType + "' from '" + source + "'; this contract"
                        + " knows " + types.keySet().stream().sorted().collect(Collectors.joining(", ")));
            }
        } else {
            if (validator != null) {
                List<SchemaValidator.Violation> violations = validator.validate(schemas.get(key), rawDetail);
                if (!violations.isEmpty()) {
                    throw new EnvelopeException("the detail of " + detailType + " " + envelope.path("id").asText()
                            + " breaks its schema: " + violations.stream().map(v -> v.pointer() + ": " + v.message())
                            .collect(Collectors.joining("; ")));
                }
            }
            try {
                detail = mapper.treeToValue(rawDetail, type);
            } catch (JsonProcessingException e) {
                throw new EnvelopeException("the detail of " + detailType + " " + envelope.path("id").asText()
                        + " does not fit " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
        List<String> resources = new ArrayList<>();
        envelope.path("resources").forEach(r -> resources.add(r.asText()));
        return new Envelope<>(envelope.path("version").asText("0"), envelope.get("id").asText(), detailType, source,
                text(envelope, "account"), time, text(envelope, "region"), resources, text(envelope, "replay-name"),
                detail, rawDetail);
    }

    private static String text(JsonNode envelope, String field) {
        JsonNode value = envelope.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String key(String source, String detailType) {
        return source + "\u0000" + detailType;
    }

    /** Configures an {@link EnvelopeReader}. */
    public static final class Builder {
        private final Map<String, Class<? extends BusEvent>> types = new TreeMap<>();
        private final Map<String, String> schemas = new TreeMap<>();
        private boolean strict;
        private boolean validate;

        private Builder() {
        }

        /** An event of the contract, by its source and detail-type. */
        public Builder event(String source, String detailType, String schema, Class<? extends BusEvent> type) {
            types.put(key(source, detailType), Objects.requireNonNull(type, "type"));
            schemas.put(key(source, detailType), Objects.requireNonNull(schema, "schema"));
            return this;
        }

        /** Refuses unknown detail-types and unknown detail fields. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Validates each known detail against its schema before binding it. */
        public Builder validate(boolean validate) {
            this.validate = validate;
            return this;
        }

        /**
         * @return the reader
         */
        public EnvelopeReader build() {
            return new EnvelopeReader(this);
        }
    }

    /**
     * Reads an enum value the contract does not know as the enum's default constant, the one annotated
     * {@code @JsonEnumDefaultValue} (generated enums' {@code _UNRECOGNISED}). A problem handler rather than
     * Jackson's READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE: before Jackson 2.20 that feature is not applied
     * to enums read through a {@code @JsonCreator} factory, as generated ones are.
     */
    private static final class UnrecognisedEnumValues extends DeserializationProblemHandler {

        @Override
        public Object handleInstantiationProblem(DeserializationContext context, Class<?> type, Object argument,
                Throwable problem) {
            if (type.isEnum() && problem instanceof IllegalArgumentException) {
                for (Object constant : type.getEnumConstants()) {
                    try {
                        if (type.getField(((Enum<?>) constant).name()).isAnnotationPresent(JsonEnumDefaultValue.class)) {
                            return constant;
                        }
                    } catch (NoSuchFieldException e) {
                        throw new IllegalStateException("an enum constant is a field of its enum", e);
                    }
                }
            }
            return NOT_HANDLED;
        }
    }
}

package io.github.usereventbus.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a generated union (a sealed interface with one record per {@code oneOf}/{@code anyOf}
 * alternative) into the right alternative: by a discriminator property's value when the alternatives
 * have one, otherwise by the properties each alternative requires (the alternative whose required
 * properties are all present and whose constant properties, if present, hold their value; when several
 * are, the one whose constant values the JSON holds, else the one whose required properties include all
 * the others', else the first that declares every property the JSON has). JSON that fits no alternative is
 * refused when unknown properties are (a strict reader), and
 * otherwise kept whole as the union's "unrecognised" alternative, as a tolerant subscriber needs when the
 * producer adds one. Generated code subclasses it; it is not meant for hand-written types.
 *
 * @param <T> the union's type
 */
public class UnionDeserializer<T> extends StdDeserializer<T> {

    private static final long serialVersionUID = 1L;

    private final transient Config<T> config;

    /** @param config the union's alternatives; see {@link #of(Class, Function)} */
    protected UnionDeserializer(Config<T> config) {
        super(config.union);
        this.config = config;
    }

    /**
     * Starts the configuration of a union.
     *
     * @param <T>          the union's type
     * @param union        the sealed interface
     * @param unrecognised makes the unrecognised alternative from the JSON
     * @return a configuration to add the alternatives to
     */
    public static <T> Config<T> of(Class<T> union, Function<JsonNode, ? extends T> unrecognised) {
        return new Config<>(union, unrecognised);
    }

    /**
     * The alternatives of one union and how to tell them apart.
     *
     * @param <T> the union's type
     */
    public static final class Config<T> {
        private final Class<T> union;
        private final Function<JsonNode, ? extends T> unrecognised;
        private String discriminator;
        private final Map<String, Class<? extends T>> byValue = new LinkedHashMap<>();
        private final Map<Class<? extends T>, List<String>> byRequired = new LinkedHashMap<>();
        private final Map<Class<? extends T>, Map<String, String>> constants = new LinkedHashMap<>();
        /** Each alternative's declared JSON names, found once when first needed. */
        private final Map<Class<?>, Set<String>> declared = new ConcurrentHashMap<>();

        private Config(Class<T> union, Function<JsonNode, ? extends T> unrecognised) {
            this.union = Objects.requireNonNull(union, "union");
            this.unrecognised = Objects.requireNonNull(unrecognised, "unrecognised");
        }

        /**
         * @param property the JSON name of the property whose value names the alternative
         * @return this configuration
         */
        public Config<T> discriminator(String property) {
            this.discriminator = Objects.requireNonNull(property, "property");
            return this;
        }

        /**
         * An alternative of a discriminated union.
         *
         * @param value       the discriminator's value for it
         * @param alternative its record
         * @return this configuration
         */
        public Config<T> alternative(String value, Class<? extends T> alternative) {
            byValue.put(value, alternative);
            return this;
        }

        /**
         * An alternative of a union read by required properties.
         *
         * @param alternative its record
         * @param required    the JSON names of the properties it requires
         * @return this configuration
         */
        public Config<T> alternative(Class<? extends T> alternative, String... required) {
            byRequired.put(alternative, List.of(required));
            return this;
        }

        /**
         * A property that holds one value in an alternative read by required properties: JSON with another
         * value there is not that alternative, and JSON with that value is, when several would fit.
         *
         * @param alternative its record
         * @param property    the JSON name of the property
         * @param value       the only value it may hold
         * @return this configuration
         */
        public Config<T> constant(Class<? extends T> alternative, String property, String value) {
            constants.computeIfAbsent(alternative, a -> new LinkedHashMap<>()).put(property, value);
            return this;
        }
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode json = context.readTree(parser);
        Class<? extends T> alternative = json.isObject() ? choose(json) : null;
        if (alternative != null) {
            return context.readTreeAsValue(json, alternative);
        }
        if (context.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)) {
            return context.reportInputMismatch(config.union, "no alternative of %s fits this JSON (%s)",
                    config.union.getSimpleName(), describe(json));
        }
        return config.unrecognised.apply(json.deepCopy());
    }

    private Class<? extends T> choose(JsonNode json) {
        if (config.discriminator != null) {
            JsonNode value = json.get(config.discriminator);
            return value != null && value.isTextual() ? config.byValue.get(value.asText()) : null;
        }
        List<Map.Entry<Class<? extends T>, List<String>>> candidates = new ArrayList<>();
        for (var entry : config.byRequired.entrySet()) {
            if (entry.getValue().stream().allMatch(json::has) && !conflicts(entry.getKey(), json)) {
                candidates.add(entry);
            }
        }
        if (candidates.size() > 1) {
            List<Class<? extends T>> confirmed = candidates.stream().map(Map.Entry::getKey)
                    .filter(c -> confirms(c, json)).toList();
            if (confirmed.size() == 1) {
                return confirmed.get(0);
            }
        }
        for (var candidate : candidates) {
            if (candidates.stream().allMatch(other -> candidate.getValue().containsAll(other.getValue()))) {
                return candidate.getKey();
            }
        }
        // still several (anyOf alternatives the JSON satisfies alike): the first that declares every property
        // the JSON has, so that nothing is dropped; none such leaves the JSON unread
        for (var candidate : candidates) {
            Set<String> declared = config.declared.computeIfAbsent(candidate.getKey(), UnionDeserializer::declared);
            boolean coversAll = true;
            for (var names = json.fieldNames(); names.hasNext();) {
                coversAll &= declared.contains(names.next());
            }
            if (coversAll) {
                return candidate.getKey();
            }
        }
        return null;
    }

    /** The JSON names of a generated alternative's properties (its record components' {@code @JsonProperty}). */
    private static Set<String> declared(Class<?> alternative) {
        Set<String> names = new HashSet<>();
        if (alternative.isRecord()) {
            for (RecordComponent component : alternative.getRecordComponents()) {
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                names.add(property != null && !property.value().isEmpty() ? property.value() : component.getName());
            }
        }
        return names;
    }

    /** Whether the JSON holds another value where the alternative allows only one. */
    private boolean conflicts(Class<? extends T> alternative, JsonNode json) {
        for (var constant : config.constants.getOrDefault(alternative, Map.of()).entrySet()) {
            JsonNode value = json.get(constant.getKey());
            if (value != null && !(value.isTextual() && value.asText().equals(constant.getValue()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the JSON holds one of the alternative's constant values. */
    private boolean confirms(Class<? extends T> alternative, JsonNode json) {
        return config.constants.getOrDefault(alternative, Map.of()).entrySet().stream()
                .anyMatch(c -> json.path(c.getKey()).isTextual() && json.path(c.getKey()).asText().equals(c.getValue()));
    }

    private String describe(JsonNode json) {
        if (config.discriminator != null) {
            return config.discriminator + " is " + json.path(config.discriminator) + "; the alternatives are "
                    + String.join(", ", config.byValue.keySet());
        }
        List<String> present = new ArrayList<>();
        json.fieldNames().forEachRemaining(present::add);
        return "it has " + present + "; the alternatives require " + config.byRequired.entrySet().stream()
                .map(e -> e.getKey().getSimpleName() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}

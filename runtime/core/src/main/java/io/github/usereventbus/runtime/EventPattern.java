package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An EventBridge event pattern, built so that it is always valid: each narrowing adds a condition on
 * one top-level detail field; {@link #toJson()} checks the result against the 2048-character limit and,
 * where AWS's own matching engine (event-ruler) is on the classpath, as the build and the test kit have
 * it, with that engine too. Immutable; each method returns a narrower copy.
 *
 * <pre>{@code
 * String pattern = UserEventPatterns.userAccountDeleted().reason(Reason.FRAUD_DETECTED).toJson();
 * // {"source":["com.example.user-service"],"detail-type":["User Account Deleted"],"detail":{"reason":["fraud-detected"]}}
 * }</pre>
 */
public final class EventPattern {

    /** EventBridge's limit on a rule's event pattern. */
    public static final int MAX_LENGTH = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode pattern;

    private EventPattern(ObjectNode pattern) {
        this.pattern = pattern;
    }

    /** Matches the given sources and detail-types. */
    public static EventPattern of(List<String> sources, List<String> detailTypes) {
        ObjectNode pattern = JSON.createObjectNode();
        ArrayNode s = pattern.putArray("source");
        sources.stream().distinct().sorted().forEach(s::add);
        ArrayNode d = pattern.putArray("detail-type");
        detailTypes.stream().distinct().sorted().forEach(d::add);
        return new EventPattern(pattern);
    }

    /**
     * Matches exactly the given (source, detail-type) pairs and no others: the flat form for one source,
     * and {@code $or} of one flat pattern per source for several, since the flat form with two sources
     * would match every source with every detail-type.
     *
     * @param detailTypesBySource the detail-types of each source; none empty
     */
    public static EventPattern forEvents(Map<String, ? extends Collection<String>> detailTypesBySource) {
        if (detailTypesBySource.isEmpty() || detailTypesBySource.values().stream().anyMatch(Collection::isEmpty)) {
            throw new IllegalArgumentException("a pattern for events needs at least one source, each with at least"
                    + " one detail-type: " + detailTypesBySource);
        }
        Map<String, ? extends Collection<String>> sorted = new TreeMap<>(detailTypesBySource);
        if (sorted.size() == 1) {
            var only = sorted.entrySet().iterator().next();
            return of(List.of(only.getKey()), List.copyOf(only.getValue()));
        }
        ObjectNode pattern = JSON.createObjectNode();
        ArrayNode or = pattern.putArray("$or");
        sorted.forEach((source, detailTypes) -> or.add(of(List.of(source), List.copyOf(detailTypes)).pattern));
        return new EventPattern(pattern);
    }

    /**
     * The fewest patterns, each within {@link #MAX_LENGTH}, that together match exactly the given
     * (source, detail-type) pairs: one pattern when it fits, otherwise consecutive runs of the sorted
     * pairs, each as long as fits. One EventBridge rule per pattern then covers the whole set.
     */
    public static List<EventPattern> forEventsInRules(Map<String, ? extends Collection<String>> detailTypesBySource) {
        List<EventPattern> rules = new ArrayList<>();
        Map<String, SortedSet<String>> current = new TreeMap<>();
        EventPattern fitting = null;
        for (var source : new TreeMap<>(detailTypesBySource).entrySet()) {
            for (String detailType : new TreeSet<>(source.getValue())) {
                Map<String, SortedSet<String>> tried = copy(current);
                tried.computeIfAbsent(source.getKey(), k -> new TreeSet<>()).add(detailType);
                EventPattern candidate = forEvents(tried);
                if (fitting != null && candidate.toString().length() > MAX_LENGTH) {
                    rules.add(fitting);
                    tried = new TreeMap<>();
                    tried.computeIfAbsent(source.getKey(), k -> new TreeSet<>()).add(detailType);
                    candidate = forEvents(tried);
                }
                current = tried;
                fitting = candidate;
            }
        }
        if (fitting != null) {
            rules.add(fitting);
        }
        return List.copyOf(rules);
    }

    private static Map<String, SortedSet<String>> copy(Map<String, SortedSet<String>> pairs) {
        Map<String, SortedSet<String>> copy = new TreeMap<>();
        pairs.forEach((source, detailTypes) -> copy.put(source, new TreeSet<>(detailTypes)));
        return copy;
    }

    /** Only events whose detail field (by its JSON name) has one of these string values. */
    public EventPattern detailAnyOf(String field, List<String> values) {
        requireValues(field, values);
        EventPattern copy = copy();
        ArrayNode array = copy.detail().putArray(field);
        values.forEach(array::add);
        return copy;
    }

    /** Only events whose detail field has one of these numbers. */
    public EventPattern detailAnyOfNumbers(String field, List<? extends Number> values) {
        requireValues(field, values);
        EventPattern copy = copy();
        ArrayNode array = copy.detail().putArray(field);
        values.forEach(v -> array.add(JSON.valueToTree(v)));
        return copy;
    }

    /** Only events whose detail field is this boolean. */
    public EventPattern detailIs(String field, boolean value) {
        EventPattern copy = copy();
        copy.detail().putArray(field).add(value);
        return copy;
    }

    /** Only events whose detail field is present ({@code true}) or absent ({@code false}). */
    public EventPattern detailExists(String field, boolean exists) {
        EventPattern copy = copy();
        copy.detail().putArray(field).addObject().put("exists", exists);
        return copy;
    }

    /** Only events whose detail string field starts with the prefix. */
    public EventPattern detailPrefix(String field, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        EventPattern copy = copy();
        copy.detail().putArray(field).addObject().put("prefix", prefix);
        return copy;
    }

    /**
     * The pattern as JSON, checked.
     *
     * @throws IllegalStateException if event-ruler refuses it or it is longer than 2048 characters
     */
    public String toJson() {
        String json = pattern.toString();
        String problem = RulerCheck.check(json);
        if (problem != null) {
            throw new IllegalStateException("invalid event pattern " + json + ": " + problem);
        }
        if (json.length() > MAX_LENGTH) {
            throw new IllegalStateException("the event pattern is " + json.length() + " characters long;"
                    + " EventBridge allows at most " + MAX_LENGTH);
        }
        return json;
    }

    @Override
    public String toString() {
        return pattern.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventPattern other && pattern.equals(other.pattern);
    }

    @Override
    public int hashCode() {
        return pattern.hashCode();
    }

    private EventPattern copy() {
        return new EventPattern(pattern.deepCopy());
    }

    private ObjectNode detail() {
        return pattern.has("detail") ? (ObjectNode) pattern.get("detail") : pattern.putObject("detail");
    }

    private static void requireValues(String field, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition on '" + field + "' needs at least one value");
        }
    }

    /** event-ruler's own check where it is present; core does not depend on it, so it is looked up. */
    private static final class RulerCheck {
        private static final java.lang.reflect.Method CHECK = find();

        private static java.lang.reflect.Method find() {
            try {
                return Class.forName("software.amazon.event.ruler.JsonRuleCompiler").getMethod("check", String.class);
            } catch (ReflectiveOperationException | LinkageError absent) {
                return null;
            }
        }

        static String check(String json) {
            if (CHECK == null) {
                return null;
            }
            try {
                return (String) CHECK.invoke(null, json);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("event-ruler could not check the pattern " + json, e);
            }
        }
    }
}

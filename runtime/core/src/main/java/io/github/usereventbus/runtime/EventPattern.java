package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

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
                return Class.forName("software.amazon.event.ruler.RuleCompiler").getMethod("check", String.class);
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

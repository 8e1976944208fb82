package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample events for tests, from the contract itself: the {@code examples} of each event's schema, which
 * the build checked against the schema, and the valid details the build generated from the schema (under
 * {@code <package>/samples/}, each checked against the schema), bound to the generated class. A test that
 * needs "a valid User Account Created" takes one here instead of building it field by field.
 *
 * <pre>{@code
 * UserAccountCreated created = SampleEvents.example(UserAccountCreated.class);
 * bus.publish(created);
 * for (UserAccountCreated any : SampleEvents.generated(UserAccountCreated.class)) { ... }
 * }</pre>
 */
public final class SampleEvents {

    private static final ObjectMapper MAPPER = EventEntries.defaultMapper();

    private SampleEvents() {
    }

    /**
     * Every example of the event's schema, as events.
     *
     * @param <E>  the event's generated type
     * @param type the event's generated type, whose {@code SCHEMA} constant names its schema
     * @return the examples, in the schema's order; empty when the schema has none
     * @throws IllegalArgumentException if the type is no generated event, or an example does not bind
     */
    public static <E extends BusEvent> List<E> examples(Class<E> type) {
        String schema = schemaOf(type);
        return bind(type, read(type, schema).path("examples"), schema, "example");
    }

    /**
     * Valid details generated from the event's schema when the code was generated (optional properties
     * present or not, enum values, bounds, formats and shared definitions varied; each checked against the
     * schema), as events: for tests that should hold for any valid event, not only the examples. The
     * {@code generate} goal writes them when its {@code samples} parameter asks for some.
     *
     * @param <E>  the event's generated type
     * @param type the event's generated type
     * @return as many distinct events as {@code samples} asked for (fewer if the schema allows fewer), the same
     *         on every build of the same contract
     * @throws IllegalArgumentException if the type is no generated event, or a sample does not bind
     */
    public static <E extends BusEvent> List<E> generated(Class<E> type) {
        String schema = schemaOf(type);
        int at = schema.lastIndexOf("/schemas/");
        if (at < 0) {
            throw new IllegalArgumentException(schema + " is not where the generator puts schemas");
        }
        String samples = schema.substring(0, at) + "/samples/" + schema.substring(at + "/schemas/".length());
        if (resourceOf(type, samples) == null) {
            throw new IllegalArgumentException(samples + " is not on the classpath: set <samples>10</samples> on the"
                    + " generate goal of user-event-bus-maven-plugin to generate sample events");
        }
        return bind(type, read(type, samples), samples, "sample");
    }

    private static String schemaOf(Class<?> type) {
        try {
            return (String) type.getField("SCHEMA").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(type.getName() + " has no SCHEMA constant: is it a generated event?", e);
        }
    }

    private static JsonNode read(Class<?> type, String resource) {
        try (InputStream in = resource(type, resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static <E extends BusEvent> List<E> bind(Class<E> type, JsonNode details, String resource, String what) {
        List<E> events = new ArrayList<>();
        int index = 0;
        for (JsonNode detail : details) {
            try {
                events.add(MAPPER.treeToValue(detail, type));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " " + index + " of " + resource + " does not bind to "
                        + type.getSimpleName() + ": " + e.getMessage(), e);
            }
            index++;
        }
        return List.copyOf(events);
    }

    /**
     * The first example of the event's schema.
     *
     * @param <E>  the event's generated type
     * @param type the event's generated type
     * @return the event
     * @throws IllegalArgumentException if the schema has no example
     */
    public static <E extends BusEvent> E example(Class<E> type) {
        List<E> all = examples(type);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("the schema of " + type.getSimpleName() + " has no examples");
        }
        return all.get(0);
    }

    private static java.net.URL resourceOf(Class<?> type, String resource) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        return loader.getResource(resource);
    }

    private static InputStream resource(Class<?> type, String resource) throws IOException {
        java.net.URL url = resourceOf(type, resource);
        InputStream in = url == null ? null : url.openStream();
        if (in == null) {
            throw new IOException(resource + " is not on the classpath; are the generated resources"
                    + " (target/generated-resources/user-event-bus) packaged, by a plugin of this version?");
        }
        return in;
    }
}

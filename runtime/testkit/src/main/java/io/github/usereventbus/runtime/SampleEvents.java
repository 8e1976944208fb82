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
 * the build checked against the schema, bound to the generated class. A test that needs "a valid
 * User Account Created" takes one here instead of building it field by field.
 *
 * <pre>{@code
 * UserAccountCreated created = SampleEvents.example(UserAccountCreated.class);
 * bus.publish(created);
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
        String schema;
        try {
            schema = (String) type.getField("SCHEMA").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(type.getName() + " has no SCHEMA constant: is it a generated event?", e);
        }
        JsonNode root;
        try (InputStream in = resource(type, schema)) {
            root = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the schema " + schema, e);
        }
        List<E> events = new ArrayList<>();
        int index = 0;
        for (JsonNode example : root.path("examples")) {
            try {
                events.add(MAPPER.treeToValue(example, type));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("example " + index + " of " + schema + " does not bind to "
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

    private static InputStream resource(Class<?> type, String schema) throws IOException {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        InputStream in = loader.getResourceAsStream(schema);
        if (in == null) {
            throw new IOException("the event schema " + schema + " is not on the classpath; are the generated"
                    + " resources (target/generated-resources/user-event-bus) packaged?");
        }
        return in;
    }
}

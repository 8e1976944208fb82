package io.github.usereventbus.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * The schema set mapped to Java types: what the renderer (package {@code render}) turns into source files. Built by
 * {@link ModelBuilder}; rendering never looks at JSON again.
 */
public final class Model {

    private Model() {
    }

    /** A Java type a property can have. */
    public sealed interface TypeRef permits Scalar, ListOf, SetOf, MapOf, Named {
    }

    /** The scalar and library types a schema maps to. */
    public enum ScalarKind {
        STRING, INTEGER, LONG, BIG_INTEGER, DOUBLE, BIG_DECIMAL, BOOLEAN, INSTANT, LOCAL_DATE, UUID, URI,
        /** Anything the generator cannot type more precisely: kept whole as a Jackson tree, never lost. */
        JSON
    }

    public record Scalar(ScalarKind kind) implements TypeRef {
        static final Scalar STRING = new Scalar(ScalarKind.STRING);
        static final Scalar INTEGER = new Scalar(ScalarKind.INTEGER);
        static final Scalar LONG = new Scalar(ScalarKind.LONG);
        static final Scalar DOUBLE = new Scalar(ScalarKind.DOUBLE);
        static final Scalar BOOLEAN = new Scalar(ScalarKind.BOOLEAN);
        static final Scalar JSON = new Scalar(ScalarKind.JSON);
    }

    public record ListOf(TypeRef item) implements TypeRef {
    }

    /** An array with {@code uniqueItems}: a set that keeps the order of the JSON array. */
    public record SetOf(TypeRef item) implements TypeRef {
    }

    public record MapOf(TypeRef value) implements TypeRef {
    }

    /** A generated class or enum of this generation, by simple name. */
    public record Named(String simpleName) implements TypeRef {
    }

    /**
     * One property of a generated class.
     *
     * @param jsonName    the name in JSON
     * @param javaName    a legal, unique Java identifier
     * @param sensitive   marked {@code "x-sensitive": true}: never shown by {@code toString}
     * @param description the schema's description, or empty
     * @param constValue  the only value a {@code const} (or one-value {@code enum}) string property can have,
     *                    filled in when not given; or null
     * @param nullable    the schema allows JSON null: a required one may then be null, and is written as null
     */
    public record Property(String jsonName, String javaName, TypeRef type, boolean required, boolean sensitive,
            String description, String constValue, boolean nullable) {
        public Property {
            Objects.requireNonNull(jsonName, "jsonName");
            Objects.requireNonNull(javaName, "javaName");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * An immutable class generated from an object schema.
     *
     * @param origin where it was defined, {@code file#pointer}, for the Javadoc
     */
    public record ObjectType(String className, String description, String origin, List<Property> properties) {
        public ObjectType {
            properties = List.copyOf(properties);
        }
    }

    public record EnumConstant(String javaName, String value) {
    }

    public record EnumType(String className, String description, String origin, List<EnumConstant> constants) {
        public EnumType {
            constants = List.copyOf(constants);
        }
    }

    /**
     * An event: the class of its detail plus what EventBridge needs to know about it.
     *
     * @param schemaResource the classpath location of its schema in the generated resources
     */
    public record EventType(String className, ObjectType detail, UnionType union, String source, String detailType,
            String schemaResource) {
        public EventType {
            if ((detail == null) == (union == null)) {
                throw new IllegalArgumentException("an event's detail is either an object or a union");
            }
        }

        static EventType of(ObjectType detail, String source, String detailType, String schemaResource) {
            return new EventType(detail.className(), detail, null, source, detailType, schemaResource);
        }

        static EventType of(UnionType union, String source, String detailType, String schemaResource) {
            return new EventType(union.className(), null, union, source, detailType, schemaResource);
        }

        /** The detail's top-level properties: an object's, none for a union. */
        public List<Property> properties() {
            return detail == null ? List.of() : detail.properties();
        }
    }

    /**
     * A {@code oneOf}/{@code anyOf} of object schemas: a sealed interface with one record per alternative,
     * read by its discriminator property when the alternatives have one, otherwise by the properties each
     * alternative requires (the alternative whose required properties are all present; the most specific
     * one when several are).
     *
     * @param discriminator the JSON name of the property whose value tells the alternatives apart, or null
     * @param origin        where it was defined, {@code file#pointer}
     */
    public record UnionType(String className, String description, String origin, String discriminator,
            List<Alternative> alternatives) {
        public UnionType {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * One alternative of a union.
     *
     * @param className the record's simple name
     * @param value     its discriminator value, or null when the union is read by required properties
     * @param required  the JSON names of the properties it requires
     */
    public record Alternative(String className, String value, List<String> required) {
        public Alternative {
            required = List.copyOf(required);
        }
    }

    /** The names of the family-wide types: the sealed interface and what surrounds it. */
    public record Family(String interfaceName, String publisherName, String handlerName, String dispatcherName,
            String patternsName) {
        static Family of(String familyName) {
            return new Family(familyName, familyName + "Publisher", familyName + "Handler",
                    familyName + "Dispatcher", familyName + "Patterns");
        }

        public List<String> names() {
            return List.of(interfaceName, publisherName, handlerName, dispatcherName, patternsName);
        }
    }

    /** Everything one generation produces, in a stable order. */
    public record Generation(String packageName, Family family, List<EventType> events, List<ObjectType> objects,
            List<EnumType> enums, List<UnionType> unions) {
        public Generation {
            events = List.copyOf(events);
            objects = List.copyOf(objects);
            enums = List.copyOf(enums);
            unions = List.copyOf(unions);
        }

        /** The unions that alternatives of this class belong to, sorted. */
        public List<String> unionsOf(String className) {
            List<String> of = new java.util.ArrayList<>();
            for (UnionType union : unions) {
                if (union.alternatives().stream().anyMatch(a -> a.className().equals(className))) {
                    of.add(union.className());
                }
            }
            for (EventType event : events) {
                if (event.union() != null && event.union().alternatives().stream()
                        .anyMatch(a -> a.className().equals(className))) {
                    of.add(event.className());
                }
            }
            of.sort(null);
            return of;
        }
    }
}

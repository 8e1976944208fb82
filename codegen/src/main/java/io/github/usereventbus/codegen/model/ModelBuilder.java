package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Model.Family;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.model.Model.ListOf;
import io.github.usereventbus.codegen.model.Model.MapOf;
import io.github.usereventbus.codegen.model.Model.Named;
import io.github.usereventbus.codegen.model.Model.ObjectType;
import io.github.usereventbus.codegen.model.Model.Property;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.SetOf;
import io.github.usereventbus.codegen.model.Model.TypeRef;
import io.github.usereventbus.codegen.model.Model.UnionType;
import io.github.usereventbus.codegen.schema.EventKeywords;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.codegen.schema.SchemaCatalog.EventSchema;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import io.github.usereventbus.codegen.schema.SchemaShapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the schemas of a {@link SchemaCatalog} to Java types. Every object schema becomes one immutable
 * class, every string enum one Java enum; the same schema location always maps to the same type, which
 * also makes recursive schemas work. What cannot be typed precisely (unions of unrelated types, tuples)
 * is kept as a JSON tree, so no data is lost.
 */
final class ModelBuilder {

    /** A Java constructor takes at most 255 parameters. */
    static final int MAX_PROPERTIES = 254;

    private final SchemaCatalog catalog;
    private final List<Problem> problems;
    private final Map<String, TypeRef> byLocation = new HashMap<>();
    private final TypeNames names = new TypeNames();
    private final List<ObjectType> objects = new ArrayList<>();
    private final PropertyFacts facts;
    private final EnumModeller enums;
    private final UnionModeller unions;
    private final List<String> notes;

    private ModelBuilder(SchemaCatalog catalog, List<Problem> problems, List<String> notes) {
        this.catalog = catalog;
        this.problems = problems;
        this.notes = notes;
        this.facts = new PropertyFacts(catalog);
        this.enums = new EnumModeller(this, problems);
        this.unions = new UnionModeller(this, catalog, facts, notes);
    }

    /**
     * @param problems gets every problem that stops generation
     * @param notes    gets one line for each choice worth knowing, such as a union kept as a JSON tree
     */
    static Generation build(SchemaCatalog catalog, String packageName, Family family, String resourcePrefix,
            List<Problem> problems, List<String> notes) {
        return new ModelBuilder(catalog, problems, notes).build(packageName, family, resourcePrefix);
    }

    private Generation build(String packageName, Family family, String resourcePrefix) {
        family.names().forEach(names::reserve);
        List<EventSchema> events = new ArrayList<>(catalog.events());
        events.sort(Comparator.comparing(EventSchema::detailType));
        Map<EventSchema, String> classNames = new LinkedHashMap<>();
        for (EventSchema event : events) {
            JsonNode root = event.document().root();
            String wanted = root.path("javaType").isTextual() ? TypeNames.simpleName(root.get("javaType").asText())
                    : Identifiers.typeName(event.detailType());
            if (names.isTaken(wanted)) {
                problems.add(new Problem(event.document().name(), "/" + EventKeywords.DETAIL_TYPE_KEYWORD,
                        "the event class name '" + wanted + "' is already used by another event or by the generated "
                                + family.names() + "; set \"javaType\" or rename the detail-type"));
                continue;
            }
            names.reserve(wanted);
            classNames.put(event, wanted);
        }
        List<EventType> eventTypes = new ArrayList<>();
        for (Map.Entry<EventSchema, String> entry : classNames.entrySet()) {
            EventSchema event = entry.getKey();
            Document doc = event.document();
            Target root = new Target(doc, "", doc.root());
            Target unionRoot = unions.rootTarget(root);
            if (UnionModeller.isRootUnion(unionRoot.node())) {
                String keyword = unionRoot.node().has("oneOf") ? "oneOf" : "anyOf";
                String why = unions.sealedUnion(unionRoot, unions.branches(unionRoot, keyword), entry.getValue(), true, 0);
                UnionType union = unions.take(entry.getValue());
                if (union == null) {
                    problems.add(new Problem(doc.name(), "/" + keyword, "the detail schema is a union (" + keyword
                            + ") that cannot be read as one of its alternatives: " + why + "; write one event"
                            + " schema per variant, each with its own detail-type, or give the alternatives a"
                            + " discriminator (a property with a const value in each)"));
                    continue;
                }
                eventTypes.add(EventType.of(union, event.source(), event.detailType(), resourcePrefix + doc.path()));
                continue;
            }
            TypeRef type = objectType(root, entry.getValue(), true, 0);
            ObjectType detail = objects.stream()
                    .filter(o -> type instanceof Named n && o.className().equals(n.simpleName()))
                    .findFirst().orElse(null);
            if (detail == null) {
                continue; // problems were reported where the schema was found wanting
            }
            objects.remove(detail);
            if (detail.properties().isEmpty() && (doc.root().has("oneOf") || doc.root().has("anyOf"))) {
                problems.add(new Problem(doc.name(), doc.root().has("oneOf") ? "/oneOf" : "/anyOf",
                        "the detail schema is a union (oneOf/anyOf) of several shapes with no common properties;"
                                + " an event needs one object shape: write one event schema per variant, each with"
                                + " its own detail-type"));
                continue;
            }
            eventTypes.add(EventType.of(detail, event.source(), event.detailType(), resourcePrefix + doc.path()));
        }
        objects.sort(Comparator.comparing(ObjectType::className));
        return new Generation(packageName, family, eventTypes, objects, enums.sorted(), unions.sorted());
    }

    // ---------------------------------------------------------------- types

    TypeRef typeOf(Target target, String hint, int depth) {
        JsonNode s = target.node();
        if (!s.isObject() || depth > SchemaCatalog.MAX_DEPTH) {
            return Scalar.JSON;
        }
        TypeRef known = byLocation.get(target.key());
        if (known != null) {
            return known;
        }
        if (s.has("$ref") && !SchemaShapes.hasStructuralSiblings(s)) {
            Target referenced = catalog.resolveRef(target);
            return referenced == null ? Scalar.JSON : typeOf(referenced, TypeNames.refHint(referenced, hint), depth + 1);
        }
        if (s.has("const")) {
            return ScalarTypes.scalarOfValue(s.get("const"));
        }
        if (s.has("enum")) {
            return enums.enumType(target, hint);
        }
        if (s.has("$ref") || s.has("allOf")) {
            return composedType(target, hint, depth);
        }
        if ((s.has("oneOf") || s.has("anyOf")) && !s.has("properties")) {
            TypeRef union = unions.unionType(target, hint, depth);
            if (union != null) {
                return union;
            }
        }
        Set<String> types = SchemaShapes.declaredTypes(s);
        types.remove("null");
        if (types.isEmpty()) {
            if (s.has("properties") || s.has("additionalProperties") || s.has("patternProperties")) {
                types.add("object");
            } else if (s.has("items") || s.has("prefixItems")) {
                types.add("array");
            } else {
                return Scalar.JSON;
            }
        }
        if (types.size() > 1) {
            return types.equals(Set.of("integer", "number")) ? Scalar.DOUBLE : Scalar.JSON;
        }
        switch (types.iterator().next()) {
            case "string":
                return ScalarTypes.stringType(s);
            case "integer":
                return ScalarTypes.integerType(s);
            case "number":
                return ScalarTypes.numberType(s);
            case "boolean":
                return Scalar.BOOLEAN;
            case "array":
                return arrayType(target, hint, depth);
            case "object":
                return objectType(target, TypeNames.className(s, hint), false, depth);
            default:
                return Scalar.JSON;
        }
    }

    private TypeRef composedType(Target target, String hint, int depth) {
        List<Target> parts = new ArrayList<>();
        if (target.node().has("$ref")) {
            Target referenced = catalog.resolveRef(target);
            if (referenced != null) {
                parts.add(referenced);
            }
        }
        JsonNode allOf = target.node().path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            parts.add(SchemaShapes.child(target, "allOf", String.valueOf(i)));
        }
        boolean objectLike = target.node().has("properties");
        for (Target part : parts) {
            Target followed = catalog.follow(part);
            objectLike |= followed != null && followed.node().isObject() && (followed.node().has("properties")
                    || followed.node().has("allOf") || "object".equals(followed.node().path("type").asText()));
        }
        if (objectLike) {
            return objectType(target, TypeNames.className(target.node(), hint), false, depth);
        }
        for (Target part : parts) {
            if (part.node().isObject() && SchemaShapes.hasStructural(part.node())) {
                return typeOf(part, hint, depth + 1);
            }
        }
        return Scalar.JSON;
    }

    private TypeRef arrayType(Target target, String hint, int depth) {
        JsonNode items = target.node().get("items");
        if (items == null || items.isArray() || target.node().has("prefixItems") || items.isBoolean()) {
            return new ListOf(Scalar.JSON);
        }
        TypeRef item = typeOf(SchemaShapes.child(target, "items"), Identifiers.singular(hint), depth + 1);
        return target.node().path("uniqueItems").asBoolean(false) ? new SetOf(item) : new ListOf(item);
    }

    TypeRef objectType(Target target, String className, boolean isEvent, int depth) {
        Map<String, Target> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        catalog.collect(target, properties, required, 0);
        if (properties.isEmpty() && !isEvent) {
            return mapType(target, className, depth);
        }
        String name = isEvent ? className : names.allocate(className);
        Named named = new Named(name);
        byLocation.put(target.key(), named);
        Document doc = target.document();
        if (properties.size() > MAX_PROPERTIES) {
            problems.add(new Problem(doc.name(), target.pointer(), "has " + properties.size()
                    + " properties; a Java record takes at most " + MAX_PROPERTIES));
            return Scalar.JSON;
        }
        Map<String, String> javaNames = new HashMap<>();
        List<Property> props = new ArrayList<>();
        for (Map.Entry<String, Target> entry : properties.entrySet()) {
            String jsonName = entry.getKey();
            Target propTarget = entry.getValue();
            JsonNode p = propTarget.node();
            String javaName = p.path("javaName").isTextual() ? Identifiers.memberName(p.get("javaName").asText())
                    : Identifiers.memberName(jsonName);
            String clash = javaNames.putIfAbsent(javaName.toLowerCase(Locale.ROOT), jsonName);
            if (clash != null) {
                problems.add(new Problem(propTarget.document().name(), propTarget.pointer(), "properties '" + clash
                        + "' and '" + jsonName + "' would both become the Java name '" + javaName
                        + "'; rename one, or give one a \"javaName\""));
                continue;
            }
            TypeRef type = typeOf(propTarget, Identifiers.typeName(jsonName), depth + 1);
            props.add(new Property(jsonName, javaName, type, required.contains(jsonName),
                    p.path("x-sensitive").asBoolean(false), facts.description(propTarget),
                    type.equals(Scalar.STRING) ? facts.constantOf(propTarget) : null, facts.allowsNull(propTarget)));
        }
        JsonNode s = target.node();
        objects.add(new ObjectType(name, s.path("description").asText(s.path("title").asText("")),
                doc.name() + "#" + target.pointer(), props));
        return named;
    }

    private TypeRef mapType(Target target, String hint, int depth) {
        JsonNode additional = target.node().get("additionalProperties");
        if (additional != null && additional.isObject()) {
            return new MapOf(typeOf(SchemaShapes.child(target, "additionalProperties"), hint + "Value", depth + 1));
        }
        JsonNode patterns = target.node().path("patternProperties");
        if (patterns.size() == 1) {
            String pattern = patterns.fieldNames().next();
            return new MapOf(typeOf(SchemaShapes.child(target, "patternProperties", pattern), hint + "Value", depth + 1));
        }
        return new MapOf(Scalar.JSON);
    }

    // ---------------------------------------------------------------- what the enum and union modellers share

    /** The type made for a schema location: the same location always maps to the same type. */
    void register(Target target, TypeRef type) {
        byLocation.put(target.key(), type);
    }

    void unregister(Target target) {
        byLocation.remove(target.key());
    }

    TypeRef registered(Target target) {
        return byLocation.get(target.key());
    }

    /** Whether a record of that name was made. */
    boolean hasObject(String className) {
        return objects.stream().anyMatch(o -> o.className().equals(className));
    }

    String allocate(String wanted) {
        return names.allocate(wanted);
    }
}

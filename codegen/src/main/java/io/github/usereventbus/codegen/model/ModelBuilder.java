package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.model.Model.Alternative;
import io.github.usereventbus.codegen.model.Model.EnumConstant;
import io.github.usereventbus.codegen.model.Model.EnumType;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Model.Family;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.model.Model.ListOf;
import io.github.usereventbus.codegen.model.Model.MapOf;
import io.github.usereventbus.codegen.model.Model.Named;
import io.github.usereventbus.codegen.model.Model.ObjectType;
import io.github.usereventbus.codegen.model.Model.Property;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.ScalarKind;
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
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
    private final Map<String, Named> enumsByShape = new HashMap<>();
    private final TypeNames names = new TypeNames();
    private final List<ObjectType> objects = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final List<UnionType> unions = new ArrayList<>();
    private final List<String> notes;

    private ModelBuilder(SchemaCatalog catalog, List<Problem> problems, List<String> notes) {
        this.catalog = catalog;
        this.problems = problems;
        this.notes = notes;
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
            Target unionRoot = rootTarget(root);
            if (isRootUnion(unionRoot.node())) {
                String keyword = unionRoot.node().has("oneOf") ? "oneOf" : "anyOf";
                String why = sealedUnion(unionRoot, branches(unionRoot, keyword), entry.getValue(), true, 0);
                UnionType union = unions.stream().filter(u -> u.className().equals(entry.getValue())).findFirst()
                        .orElse(null);
                if (union == null) {
                    problems.add(new Problem(doc.name(), "/" + keyword, "the detail schema is a union (" + keyword
                            + ") that cannot be read as one of its alternatives: " + why + "; write one event"
                            + " schema per variant, each with its own detail-type, or give the alternatives a"
                            + " discriminator (a property with a const value in each)"));
                    continue;
                }
                unions.remove(union);
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
        enums.sort(Comparator.comparing(EnumType::className));
        unions.sort(Comparator.comparing(UnionType::className));
        return new Generation(packageName, family, eventTypes, objects, enums, unions);
    }

    // ---------------------------------------------------------------- types

    private TypeRef typeOf(Target target, String hint, int depth) {
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
            return enumType(target, hint);
        }
        if (s.has("$ref") || s.has("allOf")) {
            return composedType(target, hint, depth);
        }
        if ((s.has("oneOf") || s.has("anyOf")) && !s.has("properties")) {
            TypeRef union = unionType(target, hint, depth);
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

    /** oneOf/anyOf: null branches make a type optional; one remaining branch or branches of one kind are typed. */
    private TypeRef unionType(Target target, String hint, int depth) {
        String keyword = target.node().has("oneOf") ? "oneOf" : "anyOf";
        JsonNode branches = target.node().get(keyword);
        List<Target> meaningful = new ArrayList<>();
        boolean constraintsOnly = true;
        for (int i = 0; i < branches.size(); i++) {
            Target branch = SchemaShapes.child(target, keyword, String.valueOf(i));
            Target followed = catalog.follow(branch);
            if (followed == null) {
                return Scalar.JSON;
            }
            if (!followed.node().isObject() || SchemaShapes.hasStructural(followed.node()) || branch.node().has("$ref")) {
                constraintsOnly = false;
            }
            if (!SchemaShapes.isNullOnly(followed.node())) {
                meaningful.add(branch);
            }
        }
        if (constraintsOnly) {
            return null;
        }
        if (meaningful.size() == 1) {
            return typeOf(meaningful.get(0), hint, depth + 1);
        }
        if (meaningful.stream().allMatch(this::isObjectLike)) {
            String name = names.allocate(TypeNames.className(target.node(), hint));
            String why = sealedUnion(target, meaningful, name, false, depth);
            if (why == null) {
                return byLocation.get(target.key());
            }
            notes.add(target.document().name() + "#" + target.pointer() + ": the " + keyword + " is kept as a JSON"
                    + " tree (JsonNode): " + why);
            return Scalar.JSON;
        }
        String kind = null;
        for (Target branch : meaningful) {
            Target followed = catalog.follow(branch);
            String k = followed == null ? "unknown" : SchemaShapes.simpleKind(followed.node());
            if (kind == null) {
                kind = k;
            } else if (!kind.equals(k)) {
                kind = kind.matches("integer|number") && k.matches("integer|number") ? "number" : "mixed";
            }
        }
        if (kind == null) {
            return Scalar.JSON;
        }
        switch (kind) {
            case "string":
                return Scalar.STRING;
            case "integer":
                return Scalar.LONG;
            case "number":
                return Scalar.DOUBLE;
            case "boolean":
                return Scalar.BOOLEAN;
            default:
                return Scalar.JSON;
        }
    }

    private TypeRef arrayType(Target target, String hint, int depth) {
        JsonNode items = target.node().get("items");
        if (items == null || items.isArray() || target.node().has("prefixItems") || items.isBoolean()) {
            return new ListOf(Scalar.JSON);
        }
        TypeRef item = typeOf(SchemaShapes.child(target, "items"), Identifiers.singular(hint), depth + 1);
        return target.node().path("uniqueItems").asBoolean(false) ? new SetOf(item) : new ListOf(item);
    }

    private TypeRef objectType(Target target, String className, boolean isEvent, int depth) {
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
                    p.path("x-sensitive").asBoolean(false), description(propTarget),
                    type.equals(Scalar.STRING) ? constantOf(propTarget) : null, allowsNull(propTarget)));
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

    private TypeRef enumType(Target target, String hint) {
        JsonNode values = target.node().get("enum");
        List<String> strings = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        for (JsonNode value : values) {
            if (value.isNull()) {
                continue;
            }
            kinds.add(value.isTextual() ? "string" : value.isIntegralNumber() ? "integer"
                    : value.isNumber() ? "number" : value.isBoolean() ? "boolean" : "json");
            strings.add(value.asText());
        }
        if (kinds.size() != 1 || !kinds.contains("string")) {
            if (kinds.equals(Set.of("integer"))) {
                return Scalar.LONG;
            }
            if (kinds.equals(Set.of("number")) || kinds.equals(Set.of("integer", "number"))) {
                return Scalar.DOUBLE;
            }
            return kinds.equals(Set.of("boolean")) ? Scalar.BOOLEAN : Scalar.JSON;
        }
        if (strings.size() == 1) {
            return Scalar.STRING; // a single value is a constant, not a choice
        }
        String base = TypeNames.className(target.node(), hint);
        String shape = base + "=" + strings;
        Named existing = enumsByShape.get(shape);
        if (existing != null) {
            byLocation.put(target.key(), existing);
            return existing;
        }
        JsonNode javaNames = target.node().path("javaEnumNames");
        List<EnumConstant> constants = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            String value = strings.get(i);
            String name = javaNames.isArray() && javaNames.size() == strings.size()
                    ? Identifiers.constantName(javaNames.get(i).asText()) : Identifiers.constantName(value);
            String clash = seen.putIfAbsent(name, value);
            if (clash != null) {
                problems.add(new Problem(target.document().name(), target.pointer() + "/enum", "enum values '" + clash
                        + "' and '" + value + "' would both become the Java constant " + name
                        + "; give the enum \"javaEnumNames\""));
                return Scalar.STRING;
            }
            constants.add(new EnumConstant(name, value));
        }
        Named named = new Named(names.allocate(base));
        byLocation.put(target.key(), named);
        enumsByShape.put(shape, named);
        enums.add(new EnumType(named.simpleName(), target.node().path("description").asText(""),
                target.document().name() + "#" + target.pointer(), constants));
        return named;
    }

    // ---------------------------------------------------------------- helpers

    // ---------------------------------------------------------------- unions

    /** Whether JSON null is valid here: a null type, a null branch of a union, null in an enum or const. */
    private boolean allowsNull(Target property) {
        Target followed = catalog.follow(property);
        if (followed == null || !followed.node().isObject()) {
            return false;
        }
        JsonNode s = followed.node();
        if (SchemaShapes.declaredTypes(s).contains("null") || s.has("const") && s.get("const").isNull()) {
            return true;
        }
        for (JsonNode value : s.path("enum")) {
            if (value.isNull()) {
                return true;
            }
        }
        for (String keyword : List.of("oneOf", "anyOf")) {
            JsonNode branches = s.path(keyword);
            for (int i = 0; i < branches.size(); i++) {
                Target branch = catalog.follow(SchemaShapes.child(followed, keyword, String.valueOf(i)));
                if (branch != null && SchemaShapes.isNullOnly(branch.node())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The schema a root {@code $ref} (with nothing else structural beside it) stands for. */
    private Target rootTarget(Target root) {
        Target followed = catalog.follow(root);
        return followed == null ? root : followed;
    }

    private static boolean isRootUnion(JsonNode root) {
        return (root.has("oneOf") || root.has("anyOf")) && !root.has("properties") && !root.has("allOf")
                && !root.has("$ref");
    }

    private List<Target> branches(Target target, String keyword) {
        List<Target> branches = new ArrayList<>();
        JsonNode all = target.node().get(keyword);
        for (int i = 0; i < all.size(); i++) {
            Target branch = SchemaShapes.child(target, keyword, String.valueOf(i));
            Target followed = catalog.follow(branch);
            if (followed == null || !SchemaShapes.isNullOnly(followed.node())) {
                branches.add(branch);
            }
        }
        return branches;
    }

    private boolean isObjectLike(Target branch) {
        Target followed = catalog.follow(branch);
        if (followed == null || !followed.node().isObject()) {
            return false;
        }
        JsonNode s = followed.node();
        Set<String> types = SchemaShapes.declaredTypes(s);
        types.remove("null");
        return (types.isEmpty() || types.equals(Set.of("object"))) && (s.has("properties") || s.has("allOf"))
                && !s.has("oneOf") && !s.has("anyOf");
    }

    /**
     * Makes a union a sealed interface with a record per alternative, registered under {@code name}.
     *
     * @return null when done; otherwise why the alternatives cannot be told apart
     */
    private String sealedUnion(Target target, List<Target> branches, String name, boolean isEvent, int depth) {
        for (int i = 0; i < branches.size(); i++) {
            if (!isObjectLike(branches.get(i))) {
                Target followed = catalog.follow(branches.get(i));
                return "alternative " + (i + 1) + " (" + branches.get(i).document().name() + "#"
                        + (followed == null ? branches.get(i).pointer() : followed.pointer()) + ") is not an object"
                        + " schema with properties, so it cannot be a record";
            }
        }
        List<UnionDecisions.Shape> shapes = new ArrayList<>();
        for (Target branch : branches) {
            Map<String, Target> properties = new LinkedHashMap<>();
            Set<String> required = new LinkedHashSet<>();
            catalog.collect(catalog.follow(branch), properties, required, 0);
            Map<String, String> constants = new LinkedHashMap<>();
            properties.forEach((property, node) -> {
                String constant = constantOf(node);
                if (constant != null) {
                    constants.put(property, constant);
                }
            });
            shapes.add(new UnionDecisions.Shape(branch, required, constants));
        }
        String discriminator = UnionDecisions.discriminator(target.node(), shapes);
        if (discriminator == null) {
            String clash = UnionDecisions.repeatedConstant(shapes);
            if (clash != null) {
                return clash;
            }
            for (int i = 0; i < shapes.size(); i++) {
                for (int k = i + 1; k < shapes.size(); k++) {
                    if (shapes.get(i).required().equals(shapes.get(k).required())) {
                        return "alternatives " + (i + 1) + " and " + (k + 1) + " require the same properties "
                                + shapes.get(i).required() + " and no property holds a distinct constant in each";
                    }
                }
            }
        }
        Named named = new Named(name);
        byLocation.put(target.key(), named);
        List<Alternative> alternatives = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            UnionDecisions.Shape shape = shapes.get(i);
            Target branch = shape.branch();
            String value = discriminator == null ? null : shape.constants().get(discriminator);
            String hint = UnionDecisions.alternativeHint(branch, name, value, i);
            TypeRef type = branch.node().has("$ref") && !SchemaShapes.hasStructuralSiblings(branch.node())
                    ? typeOf(branch, hint, depth + 1)
                    : objectType(branch, TypeNames.className(branch.node(), hint), false, depth + 1);
            if (!(type instanceof Named alternative) || objects.stream()
                    .noneMatch(o -> o.className().equals(alternative.simpleName()))) {
                byLocation.remove(target.key());
                return "alternative " + (i + 1) + " is not an object with properties";
            }
            alternatives.add(new Alternative(alternative.simpleName(), value, List.copyOf(shape.required())));
        }
        JsonNode s = target.node();
        unions.add(new UnionType(name, s.path("description").asText(s.path("title").asText("")),
                target.document().name() + "#" + target.pointer(), discriminator, alternatives));
        return null;
    }

    /** The one string a property can hold ({@code const}, or a one-value {@code enum}), or null. */
    private String constantOf(Target property) {
        Target followed = catalog.follow(property);
        if (followed == null || !followed.node().isObject()) {
            return null;
        }
        JsonNode s = followed.node();
        if (s.path("const").isTextual()) {
            return s.get("const").asText();
        }
        JsonNode values = s.path("enum");
        return values.isArray() && values.size() == 1 && values.get(0).isTextual() ? values.get(0).asText() : null;
    }

    /** A property's description; for a bare {@code $ref}, the referenced schema's description or title. */
    private String description(Target property) {
        String own = property.node().path("description").asText("");
        if (!own.isBlank() || !property.node().has("$ref")) {
            return own;
        }
        Target referenced = catalog.follow(property);
        if (referenced == null || !referenced.node().isObject()) {
            return "";
        }
        String description = referenced.node().path("description").asText("");
        return description.isBlank() ? referenced.node().path("title").asText("") : description;
    }
}

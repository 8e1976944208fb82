package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.model.Model.Alternative;
import io.github.usereventbus.codegen.model.Model.Named;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.TypeRef;
import io.github.usereventbus.codegen.model.Model.UnionType;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import io.github.usereventbus.codegen.schema.SchemaShapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unions ({@code oneOf}/{@code anyOf}) as Java types: null branches make a property optional, one remaining branch
 * or branches of one scalar kind are typed plainly, object alternatives that can be told apart (a discriminator, or
 * their required properties) become a sealed interface with a record each; anything else stays a JSON tree, with a
 * note saying why.
 */
final class UnionModeller {

    private final ModelBuilder builder;
    private final SchemaCatalog catalog;
    private final PropertyFacts facts;
    private final List<String> notes;
    private final List<UnionType> unions = new ArrayList<>();

    UnionModeller(ModelBuilder builder, SchemaCatalog catalog, PropertyFacts facts, List<String> notes) {
        this.builder = builder;
        this.catalog = catalog;
        this.facts = facts;
        this.notes = notes;
    }

    /** Removes and returns the union made under {@code className}, or null: an event's root union. */
    UnionType take(String className) {
        UnionType union = unions.stream().filter(u -> u.className().equals(className)).findFirst().orElse(null);
        unions.remove(union);
        return union;
    }

    /** The unions made, by class name. */
    List<UnionType> sorted() {
        unions.sort(Comparator.comparing(UnionType::className));
        return unions;
    }

    /** oneOf/anyOf: null branches make a type optional; one remaining branch or branches of one kind are typed. */
    TypeRef unionType(Target target, String hint, int depth) {
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
            return builder.typeOf(meaningful.get(0), hint, depth + 1);
        }
        if (meaningful.stream().allMatch(this::isObjectLike)) {
            String name = builder.allocate(TypeNames.className(target.node(), hint));
            String why = sealedUnion(target, meaningful, name, false, depth);
            if (why == null) {
                return builder.registered(target);
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

    /** The schema a root {@code $ref} (with nothing else structural beside it) stands for. */
    Target rootTarget(Target root) {
        Target followed = catalog.follow(root);
        return followed == null ? root : followed;
    }

    static boolean isRootUnion(JsonNode root) {
        return (root.has("oneOf") || root.has("anyOf")) && !root.has("properties") && !root.has("allOf")
                && !root.has("$ref");
    }

    List<Target> branches(Target target, String keyword) {
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
    String sealedUnion(Target target, List<Target> branches, String name, boolean isEvent, int depth) {
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
                String constant = facts.constantOf(node);
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
        builder.register(target, named);
        List<Alternative> alternatives = new ArrayList<>();
        for (int i = 0; i < shapes.size(); i++) {
            UnionDecisions.Shape shape = shapes.get(i);
            Target branch = shape.branch();
            String value = discriminator == null ? null : shape.constants().get(discriminator);
            String hint = UnionDecisions.alternativeHint(branch, name, value, i);
            TypeRef type = branch.node().has("$ref") && !SchemaShapes.hasStructuralSiblings(branch.node())
                    ? builder.typeOf(branch, hint, depth + 1)
                    : builder.objectType(branch, TypeNames.className(branch.node(), hint), false, depth + 1);
            if (!(type instanceof Named alternative) || !builder.hasObject(alternative.simpleName())) {
                builder.unregister(target);
                return "alternative " + (i + 1) + " is not an object with properties";
            }
            alternatives.add(new Alternative(alternative.simpleName(), value, List.copyOf(shape.required())));
        }
        JsonNode s = target.node();
        unions.add(new UnionType(name, s.path("description").asText(s.path("title").asText("")),
                target.document().name() + "#" + target.pointer(), discriminator, alternatives));
        return null;
    }
}

package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import io.github.usereventbus.codegen.schema.SchemaShapes;
import java.util.List;

/** What a property's schema says beyond its type, through plain {@code $ref}s: null allowed, a constant, a description. */
final class PropertyFacts {

    private final SchemaCatalog catalog;

    PropertyFacts(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether JSON null is valid here: a null type, a null branch of a union, null in an enum or const. */
    boolean allowsNull(Target property) {
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

    /** The one string a property can hold ({@code const}, or a one-value {@code enum}), or null. */
    String constantOf(Target property) {
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
    String description(Target property) {
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

package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a schema node says about its shape, read without context: types, kinds, structure. */
public final class SchemaShapes {

    static final Set<String> STRUCTURAL = Set.of("type", "properties", "items", "enum", "const", "allOf",
            "oneOf", "anyOf", "$ref", "additionalProperties", "patternProperties", "prefixItems");

    private SchemaShapes() {
    }

    public static Target child(Target parent, String... segments) {
        StringBuilder pointer = new StringBuilder(parent.pointer());
        JsonNode node = parent.node();
        for (String segment : segments) {
            pointer.append('/').append(JsonPointers.escape(segment));
            node = node.isArray() ? node.path(Integer.parseInt(segment)) : node.path(segment);
        }
        return new Target(parent.document(), pointer.toString(), node);
    }

    public static boolean hasStructural(JsonNode s) {
        for (String keyword : STRUCTURAL) {
            if (s.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasStructuralSiblings(JsonNode s) {
        for (String keyword : STRUCTURAL) {
            if (!keyword.equals("$ref") && s.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isNullOnly(JsonNode s) {
        if (!s.isObject()) {
            return false;
        }
        JsonNode type = s.get("type");
        if (type != null && type.isTextual() && type.asText().equals("null")) {
            return true;
        }
        JsonNode values = s.get("enum");
        return s.has("const") && s.get("const").isNull()
                || values != null && values.size() == 1 && values.get(0).isNull();
    }

    public static String simpleKind(JsonNode s) {
        if (!s.isObject() || s.has("enum") || s.has("const")) {
            return s.has("const") && s.get("const").isTextual() ? "string" : "mixed";
        }
        Set<String> types = declaredTypes(s);
        types.remove("null");
        if (types.size() == 1) {
            String type = types.iterator().next();
            return type.equals("object") || type.equals("array") ? "mixed" : type;
        }
        return "mixed";
    }

    public static Set<String> declaredTypes(JsonNode s) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = s.get("type");
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types;
    }
}

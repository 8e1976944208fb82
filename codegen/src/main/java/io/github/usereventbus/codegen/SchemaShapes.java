package io.github.usereventbus.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.Model.Scalar;
import io.github.usereventbus.codegen.Model.ScalarKind;
import io.github.usereventbus.codegen.Model.TypeRef;
import io.github.usereventbus.codegen.SchemaCatalog.Target;
import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a schema node says about its shape, read without context: types, kinds, structure. */
final class SchemaShapes {

    static final Set<String> STRUCTURAL = Set.of("type", "properties", "items", "enum", "const", "allOf",
            "oneOf", "anyOf", "$ref", "additionalProperties", "patternProperties", "prefixItems");

    private SchemaShapes() {
    }

    static TypeRef stringType(JsonNode s) {
        switch (s.path("format").asText("")) {
            case "date-time":
                return new Scalar(ScalarKind.INSTANT);
            case "date":
                return new Scalar(ScalarKind.LOCAL_DATE);
            case "uuid":
                return new Scalar(ScalarKind.UUID);
            case "uri":
                return new Scalar(ScalarKind.URI);
            default:
                return Scalar.STRING;
        }
    }

    static TypeRef scalarOfValue(JsonNode value) {
        if (value.isTextual()) {
            return Scalar.STRING;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Scalar.LONG : new Scalar(ScalarKind.BIG_INTEGER);
        }
        if (value.isNumber()) {
            return Scalar.DOUBLE;
        }
        return value.isBoolean() ? Scalar.BOOLEAN : Scalar.JSON;
    }

    /**
     * The Java type of an {@code integer} schema: {@code Integer} when {@code format: int32} or both bounds
     * fit 32 bits, {@code BigInteger} when a bound passes 64 bits, {@code Long} otherwise.
     */
    static TypeRef integerType(JsonNode s) {
        if (!fitsInLong(s)) {
            return new Scalar(ScalarKind.BIG_INTEGER);
        }
        if ("int32".equals(s.path("format").asText())) {
            return Scalar.INTEGER;
        }
        BigInteger low = bound(s, "minimum", "exclusiveMinimum");
        BigInteger high = bound(s, "maximum", "exclusiveMaximum");
        boolean fits = low != null && high != null
                && low.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) >= 0
                && high.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
        return fits ? Scalar.INTEGER : Scalar.LONG;
    }

    /** The {@code number} type: {@code BigDecimal} when {@code format: decimal} asks for it, else {@code Double}. */
    static TypeRef numberType(JsonNode s) {
        return "decimal".equals(s.path("format").asText()) ? new Scalar(ScalarKind.BIG_DECIMAL) : Scalar.DOUBLE;
    }

    private static BigInteger bound(JsonNode s, String inclusive, String exclusive) {
        for (String keyword : List.of(inclusive, exclusive)) {
            JsonNode b = s.get(keyword);
            if (b != null && b.isNumber()) {
                return b.decimalValue().toBigInteger();
            }
        }
        return null;
    }

    static boolean fitsInLong(JsonNode s) {
        for (String bound : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
            JsonNode b = s.get(bound);
            if (b != null && b.isNumber()) {
                BigInteger value = b.bigIntegerValue();
                if (value.bitLength() > 63) {
                    return false;
                }
            }
        }
        return true;
    }

    static Target child(Target parent, String... segments) {
        StringBuilder pointer = new StringBuilder(parent.pointer());
        JsonNode node = parent.node();
        for (String segment : segments) {
            pointer.append('/').append(SchemaCatalog.escape(segment));
            node = node.isArray() ? node.path(Integer.parseInt(segment)) : node.path(segment);
        }
        return new Target(parent.document(), pointer.toString(), node);
    }

    static boolean hasStructural(JsonNode s) {
        for (String keyword : STRUCTURAL) {
            if (s.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasStructuralSiblings(JsonNode s) {
        for (String keyword : STRUCTURAL) {
            if (!keyword.equals("$ref") && s.has(keyword)) {
                return true;
            }
        }
        return false;
    }

    static boolean isNullOnly(JsonNode s) {
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

    static String simpleKind(JsonNode s) {
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

    static Set<String> declaredTypes(JsonNode s) {
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

package io.github.usereventbus.codegen.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.model.Model.Scalar;
import io.github.usereventbus.codegen.model.Model.ScalarKind;
import io.github.usereventbus.codegen.model.Model.TypeRef;
import java.math.BigInteger;
import java.util.List;

/** The Java type of a scalar schema: which keyword and format map to which {@link ScalarKind}. */
final class ScalarTypes {

    private ScalarTypes() {
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
}

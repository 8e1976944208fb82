package io.github.usereventbus.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Reading JSON into trees without losing a number's digits. Jackson's defaults read a fraction as a
 * {@code double} (12345678901234567890.123456789 becomes 1.2345678901234567E19) and drop a decimal's
 * trailing zeros (1.50 becomes 1.5): a {@code BigDecimal} field ({@code "format": "decimal"}) would then get
 * a different value, or the same value at another scale. Every reader of envelopes in this runtime uses
 * these settings; so can a handler that parses an envelope itself before handing the tree over.
 */
public final class JsonTrees {

    private JsonTrees() {
    }

    /** A mapper that reads fractions as {@code BigDecimal} and keeps their trailing zeros. */
    public static ObjectMapper newMapper() {
        return exact(new ObjectMapper());
    }

    /** Sets {@code mapper} to read fractions as {@code BigDecimal} and keep their trailing zeros in trees. */
    static ObjectMapper exact(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }
}

package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Schemas nobody here has seen")
class TrickySchemasTest {

    static final String SHARED = """
            {"$defs": {
               "address": {"type": "object", "properties": {
                   "street": {"type": "string"}, "post-code": {"type": "string"}},
                 "required": ["street"]},
               "node": {"type": "object", "properties": {
                   "name": {"type": "string"},
                   "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
            """;

    static final String EVENT = """
            {"x-amazon-events-source": "com.example.tricky", "x-amazon-events-detail-type": "Order Shipped",
             "title": "Order Shipped", "description": "Tricky names.", "type": "object",
             "properties": {
               "package": {"type": "string"},
               "final": {"type": "boolean"},
               "user-id": {"type": "string", "format": "uuid"},
               "first name": {"type": "string"},
               "größe": {"type": "number"},
               "1h": {"type": "integer"},
               "+1": {"type": "integer"},
               "-1": {"type": "integer"},
               "value": {"type": "string"},
               "hashCode": {"type": "string"},
               "status": {"enum": ["in-progress", "done", "on hold"]},
               "shipped-at": {"type": "string", "format": "date-time"},
               "day": {"type": "string", "format": "date"},
               "tracking": {"type": "string", "format": "uri"},
               "big": {"type": "integer", "maximum": 18446744073709551615},
               "address": {"$ref": "shared/defs.json#/$defs/address"},
               "tree": {"$ref": "shared/defs.json#/$defs/node"},
               "lines": {"type": "array", "items": {"type": "object",
                   "properties": {"sku": {"type": "string"}, "qty": {"type": "integer"}}, "required": ["sku"]}},
               "labels": {"type": "object", "additionalProperties": {"type": "string"}},
               "extra": {"type": "object", "additionalProperties": {"type": "object",
                   "properties": {"k": {"type": "string"}}}},
               "note": {"oneOf": [{"type": "string"}, {"type": "null"}]},
               "anything": {"anyOf": [{"type": "string"}, {"type": "object"}]},
               "tuple": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}]},
               "kind": {"const": "shipment"},
               "merged": {"allOf": [{"$ref": "shared/defs.json#/$defs/address"},
                   {"properties": {"country": {"type": "string"}}, "required": ["country"]}]}
             },
             "required": ["package", "user-id"],
             "examples": [{
               "package": "p-1", "final": true, "user-id": "6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22",
               "first name": "Ada", "größe": 1.5, "1h": 1, "+1": 2, "-1": 3, "value": "v", "hashCode": "h",
               "status": "in-progress", "shipped-at": "2026-11-28T12:00:00Z", "day": "2026-11-28",
               "tracking": "https://t.example/1", "big": 18446744073709551615,
               "address": {"street": "Main St 1", "post-code": "12345"},
               "tree": {"name": "root", "children": [{"name": "leaf", "children": []}]},
               "lines": [{"sku": "A", "qty": 2}], "labels": {"gift": "yes"},
               "extra": {"x": {"k": "v"}}, "note": "fragile", "anything": {"free": [1, 2]},
               "tuple": ["a", 1], "kind": "shipment",
               "merged": {"street": "Side St 2", "country": "NL"}
             }]}
            """;

    @Test
    @DisplayName("names, nesting, $ref, recursion, formats, enums, arrays and maps compile and round-trip")
    void compilesAndRoundTrips(@TempDir Path dir) throws Exception {
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas("shared/defs.json", SHARED,
                "order-shipped.json", EVENT), "tricky", dir);
        Class<?> event = code.load("tricky.OrderShipped");
        assertThat(Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName)).containsExactly(
                "package_", "final_", "userId", "firstName", "größe", "_1h", "plus1", "minus1", "value",
                "hashCode_", "status", "shippedAt", "day", "tracking", "big", "address", "tree", "lines", "labels",
                "extra", "note", "anything", "tuple", "kind", "merged");
        assertThat(Arrays.stream(code.load("tricky.Status").getEnumConstants()).map(c -> ((Enum<?>) c).name()))
                .containsExactly("IN_PROGRESS", "DONE", "ON_HOLD", "_UNRECOGNISED");
        assertThat(code.load("tricky.Node").getRecordComponents()[1].getGenericType().getTypeName())
                .isEqualTo("java.util.List<tricky.Node>");
        assertThat(code.load("tricky.Merged").getRecordComponents()).extracting(RecordComponent::getName)
                .containsExactly("street", "postCode", "country");
        assertThat(code.load("tricky.Line")).isNotNull();

        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode example = mapper.readTree(EVENT).get("examples").get(0);
        Object value = mapper.treeToValue(example, event);
        assertThat(mapper.readTree(mapper.writeValueAsString(value))).isEqualTo(example);
    }

    @Test
    @DisplayName("the output is the same, byte for byte, every time")
    void reproducible(@TempDir Path dir) throws Exception {
        var first = EventCodeGenerator.render(GeneratedCode.request(Fixtures.schemas("shared/defs.json", SHARED,
                "order-shipped.json", EVENT), "tricky", dir));
        var second = EventCodeGenerator.render(GeneratedCode.request(Fixtures.schemas("order-shipped.json", EVENT,
                "shared/defs.json", SHARED), "tricky", dir));
        assertThat(first.sources().keySet()).isEqualTo(second.sources().keySet());
        for (Map.Entry<String, byte[]> e : first.sources().entrySet()) {
            assertThat(second.sources().get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\r");
        }
        assertThat(List.copyOf(first.sources().keySet())).contains("tricky/OrderShipped.java", "tricky/Address.java");
    }
}

package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("No property name clashes with what the generator writes")
class NamesTest {

    /** Every local, parameter and member name the generated types use, as property names. */
    static final List<String> GENERATED_NAMES = List.of("missing", "source", "builder", "toBuilder", "build", "value",
            "values", "pattern", "toJson", "toEventPattern", "handler", "envelope", "reader", "constant", "event",
            "events", "entries", "exists", "detail", "json", "publisher", "hashCode", "equals", "toString",
            "eventSource", "eventDetailType", "eventSchema", "strict", "validate", "fromValue", "parse", "dispatch");

    @Test
    @DisplayName("an event whose properties, all required, carry every generated name compiles cleanly and checks them")
    void everyGeneratedName(@TempDir Path dir) throws Exception {
        StringBuilder properties = new StringBuilder("{");
        StringBuilder required = new StringBuilder("[");
        for (String name : GENERATED_NAMES) {
            properties.append(properties.length() > 1 ? "," : "").append("\"").append(name)
                    .append("\": {\"type\": \"string\"}");
            required.append(required.length() > 1 ? "," : "").append("\"").append(name).append("\"");
        }
        properties.append(", \"nested\": {\"type\": \"object\", \"required\": [\"missing\", \"source\"],"
                + " \"properties\": {\"missing\": {\"type\": \"string\"}, \"source\": {\"type\": \"string\"}}}}");
        String event = Fixtures.event("Named Things", properties.toString(), required + "]");
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas("n.json", event), "names", dir,
                GeneratedCodeLintTest.STRICT);
        Class<?> type = code.load("names.NamedThings");
        Object builder = type.getMethod("builder").invoke(null);
        builder.getClass().getMethod("missing", String.class).invoke(builder, "here");
        try {
            builder.getClass().getMethod("build").invoke(builder);
            throw new AssertionError("build() must refuse the missing required properties");
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("NamedThings is missing required properties: source builder_ (\"builder\")")
                    .satisfies(t -> assertThat(t.getMessage().substring(t.getMessage().indexOf(':')))
                            .as("the property set, missing, is not listed").doesNotContain(" missing "));
        }
    }

    @Test
    @DisplayName("types named like the library types generated code uses compile: the library ones get qualified")
    void typeNamesLikeLibraryTypes(@TempDir Path dir) throws Exception {
        String event = Fixtures.event("List", """
                {"string": {"type": "object", "title": "String", "properties": {"value": {"type": "string"}}},
                 "override": {"type": "object", "title": "Override", "properties": {"x": {"type": "string"}}},
                 "instant": {"type": "object", "title": "Instant", "properties": {"at": {"type": "string", "format": "date-time"}}},
                 "builder": {"type": "object", "title": "Builder", "properties": {"y": {"type": "string"}}},
                 "node": {"type": "object", "javaType": "JsonNode", "properties": {"raw": {}}},
                 "items": {"type": "array", "items": {"type": "string"}},
                 "when": {"type": "string", "format": "date-time"}}""", "[]");
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas("l.json", event), "clash", dir,
                GeneratedCodeLintTest.STRICT);
        Class<?> list = code.load("clash.List");
        assertThat(list.getRecordComponents()).extracting(c -> c.getType().getName()).containsExactly(
                "clash.String", "clash.Override", "clash.Instant", "clash.Builder2", "clash.JsonNode",
                "java.util.List", "java.time.Instant");
        Object read = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(
                new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).readValue(
                "{\"string\":{\"value\":\"v\"},\"items\":[\"a\"],\"when\":\"2026-11-29T00:00:00Z\"}", list);
        assertThat(read.toString()).contains("items=[a]");
    }
}

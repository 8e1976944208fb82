package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Schema dialects")
class DialectsTest {

    static final String IGLU = "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#";

    @Test
    @DisplayName("Iglu self-describing schemas read as draft 04; a referenced one is named by its self.name")
    void iglu(@TempDir Path dir) throws Exception {
        String shared = """
                {"$schema": "%s", "self": {"vendor": "com.example", "name": "cart_line", "format": "jsonschema",
                 "version": "1-0-0"}, "type": "object", "properties": {"sku": {"type": "string", "maxLength": 8}},
                 "required": ["sku"]}
                """.formatted(IGLU);
        String event = """
                {"$schema": "%s", "self": {"vendor": "com.example", "name": "cart", "format": "jsonschema",
                 "version": "1-0-0"}, "x-amazon-events-source": "com.example.shop", "x-amazon-events-detail-type": "Cart Changed",
                 "title": "Cart Changed", "description": "A cart changed.", "type": "object",
                 "properties": {"lines": {"type": "array", "items": {"$ref": "line.json"}},
                                "total": {"type": "number", "exclusiveMinimum": true, "minimum": 0}},
                 "required": ["lines"], "examples": [{"lines": [{"sku": "A1"}], "total": 3.5}]}
                """.formatted(IGLU);
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas("line.json", shared, "cart.json", event), "iglu", dir);
        Class<?> cart = code.load("iglu.CartChanged");
        assertThat(Arrays.stream(cart.getRecordComponents()).map(c -> c.getType().getSimpleName()))
                .containsExactly("List", "Double");
        Class<?> line = code.load("iglu.CartLine");
        ObjectMapper mapper = new ObjectMapper();
        Object read = mapper.readValue("{\"lines\":[{\"sku\":\"A1\"}],\"total\":3.5}", cart);
        assertThat(mapper.writeValueAsString(read)).isEqualTo("{\"lines\":[{\"sku\":\"A1\"}],\"total\":3.5}");
        assertThat(line.getRecordComponents()[0].getName()).isEqualTo("sku");

        // draft 04's boolean exclusiveMinimum is checked as draft 04: an example at the bound breaks it; since
        // examples is no draft-04 keyword, that is a warning, not an error
        String atBound = event.replace("\"total\": 3.5", "\"total\": 0");
        var output = EventCodeGenerator.render(GeneratedCode.request(
                Fixtures.schemas("line.json", shared, "cart.json", atBound), "iglu", dir));
        assertThat(output.warnings()).anySatisfy(w -> assertThat(w.toString()).startsWith("cart.json#/examples/0/total:")
                .endsWith("(examples is no draft-04 keyword, so this is not an error)"));
    }

    @Test
    @DisplayName("definitions (draft 04 to 07) and $defs (2019-09 on) are both followed")
    void definitionsAndDefs(@TempDir Path dir) throws Exception {
        String old = """
                {"$schema": "http://json-schema.org/draft-07/schema#", "x-amazon-events-source": "com.example.a",
                 "x-amazon-events-detail-type": "Old Style", "type": "object",
                 "properties": {"who": {"$ref": "#/definitions/person"}},
                 "definitions": {"person": {"type": "object", "properties": {"name": {"type": "string"}}}}}
                """;
        String current = """
                {"x-amazon-events-source": "com.example.a", "x-amazon-events-detail-type": "New Style", "type": "object",
                 "properties": {"who": {"$ref": "#/$defs/member"}},
                 "$defs": {"member": {"type": "object", "properties": {"id": {"type": "string"}}}}}
                """;
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas("old.json", old, "new.json", current), "dialects", dir);
        assertThat(code.load("dialects.OldStyle").getRecordComponents()[0].getType().getSimpleName()).isEqualTo("Person");
        assertThat(code.load("dialects.NewStyle").getRecordComponents()[0].getType().getSimpleName()).isEqualTo("Member");
    }
}

package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.event.ruler.Machine;

@DisplayName("The family's event patterns")
class FamilyPatternsTest {

    static final String PKG = "com.example.big";

    static String schema(String source, String detailType) {
        return """
                {"x-amazon-events-source": "%s", "x-amazon-events-detail-type": "%s",
                 "title": "%s", "description": "A test event.", "type": "object",
                 "properties": {"id": {"type": "string"}}, "required": ["id"], "examples": [{"id": "1"}]}
                """.formatted(source, detailType, detailType);
    }

    static String envelope(String source, String detailType) {
        return "{\"version\":\"0\",\"id\":\"1\",\"source\":\"" + source + "\",\"detail-type\":\"" + detailType
                + "\",\"account\":\"123456789012\",\"time\":\"2026-11-29T00:00:00Z\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":{\"id\":\"1\"}}";
    }

    @Test
    @DisplayName("200 events with readable detail-types from two sources generate: the family takes several rules,"
            + " each within 2048 characters, matching exactly the contract's pairs")
    @SuppressWarnings("unchecked")
    void manyEvents(@TempDir Path dir) throws Exception {
        List<String> sources = new ArrayList<>();
        Map<String, String> sourceOf = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            String source = i % 2 == 0 ? "com.example.orders" : "com.example.billing";
            String detailType = "Order Line Item " + i + " Changed";
            sourceOf.put(detailType, source);
            sources.add("e" + i + ".json");
            sources.add(schema(source, detailType));
        }
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas(sources.toArray(String[]::new)), PKG, dir);

        Class<?> patterns = code.load(PKG + ".UserEventPatterns");
        List<String> rules = (List<String>) patterns.getField("ALL_EVENTS_RULES").get(null);
        assertThat(rules).hasSizeGreaterThan(1).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(2048));
        assertThat(patterns.getFields()).extracting(f -> f.getName()).doesNotContain("ALL_EVENTS");
        assertThat(code.output.notes()).singleElement().asString()
                .startsWith("the 200 events do not fit one event pattern of 2048 characters: the family takes "
                        + rules.size() + " rules");
        for (int i = 1; i <= rules.size(); i++) {
            String file = new String(code.output.resources().get("com/example/big/patterns/all-events-" + i + ".json"),
                    StandardCharsets.UTF_8);
            assertThat(file).isEqualTo(rules.get(i - 1) + "\n");
        }
        assertThat(code.output.resources()).doesNotContainKey("com/example/big/patterns/all-events.json");

        Machine machine = new Machine();
        for (int i = 0; i < rules.size(); i++) {
            machine.addRule("family-" + i, rules.get(i));
        }
        for (var event : sourceOf.entrySet()) {
            String other = event.getValue().equals("com.example.orders") ? "com.example.billing" : "com.example.orders";
            assertThat(machine.rulesForJSONEvent(envelope(event.getValue(), event.getKey()))).as(event.getKey()).hasSize(1);
            assertThat(machine.rulesForJSONEvent(envelope(other, event.getKey()))).as(other + " " + event.getKey()).isEmpty();
        }
    }

    @Test
    @DisplayName("two sources in one pattern: $or, so no cross pair of source and detail-type matches")
    void twoSources(@TempDir Path dir) throws Exception {
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas(
                "a.json", schema("com.example.users", "User Created"),
                "b.json", schema("com.example.orders", "Order Placed")), PKG, dir);
        String all = (String) code.load(PKG + ".UserEventPatterns").getField("ALL_EVENTS").get(null);
        assertThat(all).isEqualTo("{\"$or\":[{\"source\":[\"com.example.orders\"],\"detail-type\":[\"Order Placed\"]},"
                + "{\"source\":[\"com.example.users\"],\"detail-type\":[\"User Created\"]}]}");
        Machine machine = new Machine();
        machine.addRule("all", all);
        assertThat(machine.rulesForJSONEvent(envelope("com.example.users", "User Created"))).hasSize(1);
        assertThat(machine.rulesForJSONEvent(envelope("com.example.users", "Order Placed"))).isEmpty();
        assertThat(code.output.notes()).isEmpty();
    }

    @Test
    @DisplayName("pattern file names never collide, the family's included")
    void fileNames(@TempDir Path dir) throws Exception {
        GeneratedCode code = GeneratedCode.compile(Fixtures.schemas(
                "a.json", schema("com.example.a", "User Created"),
                // two detail-types with one Java name need javaType; their pattern files must differ too
                "b.json", schema("com.example.a", "User-Created").replace("\"title\"", "\"javaType\": \"UserCreatedToo\", \"title\""),
                "c.json", schema("com.example.a", "All Events")), PKG, dir);
        assertThat(code.output.resources().keySet()).filteredOn(k -> k.contains("/patterns/"))
                .containsExactlyInAnyOrder("com/example/big/patterns/all-events.json",
                        "com/example/big/patterns/all-events-event.json",
                        "com/example/big/patterns/user-created.json",
                        "com/example/big/patterns/user-created-2.json");
    }
}

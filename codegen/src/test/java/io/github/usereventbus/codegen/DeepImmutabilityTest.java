package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Generated records are immutable all the way down")
class DeepImmutabilityTest {

    static Class<?> type;

    @BeforeAll
    static void generate(@TempDir Path dir) throws Exception {
        String event = Fixtures.event("Grid Changed", """
                {"matrix": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
                 "tagsByKey": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
                 "blobs": {"type": "array", "items": {}}}""", "[]");
        type = GeneratedCode.compile(Fixtures.schemas("g.json", event), "deep", dir, GeneratedCodeLintTest.STRICT)
                .load("deep.GridChanged");
    }

    static Object create(Object matrix, Object tagsByKey, Object blobs) throws Exception {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class[]::new);
        try {
            return type.getDeclaredConstructor(types).newInstance(matrix, tagsByKey, blobs);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    static Object get(Object record, String name) throws Exception {
        return type.getMethod(name).invoke(record);
    }

    @Test
    @DisplayName("nested lists and maps of lists are copied and unmodifiable at every depth")
    @SuppressWarnings("unchecked")
    void nestedCollections() throws Exception {
        List<String> row = new ArrayList<>(List.of("a", "b"));
        List<List<String>> matrix = new ArrayList<>(List.of(row));
        Map<String, List<String>> tags = new LinkedHashMap<>(Map.of("k", new ArrayList<>(List.of("x"))));
        Object grid = create(matrix, tags, null);
        row.add("changed outside");
        tags.get("k").add("changed outside");
        List<List<String>> held = (List<List<String>>) get(grid, "matrix");
        assertThat(held).containsExactly(List.of("a", "b"));
        assertThatThrownBy(() -> held.get(0).add("c")).isInstanceOf(UnsupportedOperationException.class);
        Map<String, List<String>> heldTags = (Map<String, List<String>>) get(grid, "tagsByKey");
        assertThat(heldTags.get("k")).containsExactly("x");
        assertThatThrownBy(() -> heldTags.get("k").add("y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("JSON trees inside collections are copied in and out")
    @SuppressWarnings("unchecked")
    void jsonInCollections() throws Exception {
        ObjectNode blob = new ObjectMapper().createObjectNode().put("v", 1);
        Object grid = create(null, null, List.of(blob));
        blob.put("v", 2);
        List<JsonNode> out = (List<JsonNode>) get(grid, "blobs");
        assertThat(out.get(0).get("v").asInt()).isEqualTo(1);
        ((ObjectNode) out.get(0)).put("v", 3);
        assertThat(((List<JsonNode>) get(grid, "blobs")).get(0).get("v").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("a null element is refused with the property's name and where it is")
    void nullElements() {
        List<List<String>> withNull = new ArrayList<>();
        withNull.add(Arrays.asList("a", null));
        assertThatThrownBy(() -> create(withNull, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("matrix[] holds a null element at index 1; its schema allows none");
        Map<String, List<String>> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> create(null, nullValue, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tagsByKey holds a null element at key 'k'; its schema allows none");
    }

    @Test
    @DisplayName("a required property whose schema allows null may be null, and is written as null, never left out")
    void requiredNullable(@TempDir Path dir) throws Exception {
        String event = Fixtures.event("Maybe Licensed", """
                {"license": {"oneOf": [{"type": "null"}, {"type": "string"}]}, "note": {"type": ["string", "null"]}}""",
                "[\"license\"]");
        Class<?> maybe = GeneratedCode.compile(Fixtures.schemas("m.json", event), "nullable", dir,
                GeneratedCodeLintTest.STRICT).load("nullable.MaybeLicensed");
        ObjectMapper mapper = new ObjectMapper();
        Object read = mapper.readValue("{\"license\":null,\"note\":null}", maybe);
        assertThat(mapper.writeValueAsString(read)).isEqualTo("{\"license\":null}");
    }
}

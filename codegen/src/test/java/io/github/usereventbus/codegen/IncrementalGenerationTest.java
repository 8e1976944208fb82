package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.usereventbus.codegen.schema.CheckCache;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A changed schema renders only the types made from it, and the output equals a clean generation")
class IncrementalGenerationTest {

    static final String ADDRESS = """
            {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "string"}}}
            """;

    static List<SchemaSource> contract(String orderProperties, String address) {
        return Fixtures.schemas(
                "order-placed.json", Fixtures.event("Order Placed", orderProperties, "[\"orderId\"]"),
                "order-shipped.json", Fixtures.event("Order Shipped",
                        "{\"orderId\": {\"type\": \"string\"}, \"to\": {\"$ref\": \"common/address.json\"}}", "[\"orderId\"]"),
                "order-cancelled.json", Fixtures.event("Order Cancelled",
                        "{\"orderId\": {\"type\": \"string\"}, \"reason\": {\"enum\": [\"late\", \"lost\"]}}", "[\"orderId\"]"),
                "common/address.json", address);
    }

    static final String ORDER = "{\"orderId\": {\"type\": \"string\"}, \"total\": {\"type\": \"number\"}}";

    static GenerationRequest request(List<SchemaSource> sources, Path dir) {
        return GeneratedCode.request(sources, "com.example.orders", dir);
    }

    static Map<String, String> sources(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path root = dir.resolve("src");
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    /**
     * Generates {@code before} in a directory, then renders {@code after} there with the keys the first
     * generation left; then generates {@code after} there and checks that the files equal a clean generation's.
     *
     * @return what the incremental render rendered and kept
     */
    static EventCodeGenerator.Output regenerate(Path dir, List<SchemaSource> before, List<SchemaSource> after)
            throws Exception {
        Path incremental = dir.resolve("incremental");
        EventCodeGenerator.generate(request(before, incremental));
        EventCodeGenerator.Output output = EventCodeGenerator.render(request(after, incremental), keys(incremental),
                CheckCache.none());
        assertThat(EventCodeGenerator.generate(request(after, incremental)).written()).isPositive();
        Path clean = dir.resolve("clean");
        EventCodeGenerator.generate(request(after, clean));
        assertThat(sources(incremental)).isEqualTo(sources(clean));
        return output;
    }

    @Test
    void anOptionalPropertyAddedRendersItsEventAndTheFamilysPatternsOnly(@TempDir Path dir) throws Exception {
        List<SchemaSource> changed = contract(ORDER.replace("}}", "}, \"coupon\": {\"type\": \"string\"}}"), ADDRESS);
        EventCodeGenerator.Output output = regenerate(dir, contract(ORDER, ADDRESS), changed);
        // OrderPlaced is rendered, and the family's patterns (a top-level property is a condition there);
        // the other events and types, and the family files that name events only, are kept
        assertThat(output.kept()).containsExactlyInAnyOrder("com/example/orders/Address.java",
                "com/example/orders/OrderCancelled.java", "com/example/orders/OrderShipped.java",
                "com/example/orders/Reason.java", "com/example/orders/UserEvent.java",
                "com/example/orders/UserEventPublisher.java", "com/example/orders/UserEventHandler.java",
                "com/example/orders/UserEventDispatcher.java");
        assertThat(output.sources().keySet()).containsExactlyInAnyOrder("com/example/orders/OrderPlaced.java",
                "com/example/orders/UserEventPatterns.java");
    }

    @Test
    void aSharedDefinitionChangedRendersWhatUsesIt(@TempDir Path dir) throws Exception {
        // the shared definition becomes an enum: Address changes kind (OrderShipped refers to it by name only)
        String addressAsEnum = "{\"type\": \"string\", \"enum\": [\"home\", \"work\"]}";
        EventCodeGenerator.Output output = regenerate(dir, contract(ORDER, ADDRESS), contract(ORDER, addressAsEnum));
        assertThat(output.sources().keySet()).contains("com/example/orders/Address.java");
        assertThat(output.kept()).contains("com/example/orders/OrderPlaced.java");
    }

    @Test
    void aNestedChangeKeepsEveryFamilyFile(@TempDir Path dir) throws Exception {
        String address = ADDRESS.replace("}}}", "}, \"street\": {\"type\": \"string\"}}}");
        EventCodeGenerator.Output output = regenerate(dir, contract(ORDER, ADDRESS), contract(ORDER, address));
        assertThat(output.sources().keySet()).containsExactly("com/example/orders/Address.java");
    }

    @Test
    void anEventRenamedRendersTheFamilyAgain(@TempDir Path dir) throws Exception {
        List<SchemaSource> renamed = contract(ORDER, ADDRESS).stream()
                .map(s -> new SchemaSource(s.path(), s.displayName(), new String(s.content(), StandardCharsets.UTF_8)
                        .replace("Order Cancelled", "Order Voided").getBytes(StandardCharsets.UTF_8)))
                .toList();
        EventCodeGenerator.Output output = regenerate(dir, contract(ORDER, ADDRESS), renamed);
        assertThat(output.sources().keySet()).contains("com/example/orders/OrderVoided.java",
                "com/example/orders/UserEvent.java", "com/example/orders/UserEventPublisher.java",
                "com/example/orders/UserEventHandler.java", "com/example/orders/UserEventDispatcher.java",
                "com/example/orders/UserEventPatterns.java");
    }

    @Test
    void aDeletedFileIsRenderedAgain(@TempDir Path dir) throws Exception {
        EventCodeGenerator.generate(request(contract(ORDER, ADDRESS), dir));
        Files.delete(dir.resolve("src/com/example/orders/Reason.java"));
        List<SchemaSource> changed = contract(ORDER.replace("}}", "}, \"coupon\": {\"type\": \"string\"}}"), ADDRESS);
        EventCodeGenerator.generate(request(changed, dir));
        assertThat(dir.resolve("src/com/example/orders/Reason.java")).isRegularFile();
    }

    @Test
    void aSharedDefinitionThatBreaksAnUnchangedEventsExampleIsStillCaught(@TempDir Path dir) throws Exception {
        String shipped = Fixtures.event("Order Shipped",
                "{\"orderId\": {\"type\": \"string\"}, \"to\": {\"$ref\": \"common/address.json\"}}", "[\"orderId\"]")
                .replace("\"required\"", "\"examples\": [{\"orderId\": \"o-1\", \"to\": {\"city\": \"Oslo\"}}], \"required\"");
        EventCodeGenerator.generate(request(Fixtures.schemas("order-shipped.json", shipped, "common/address.json", ADDRESS),
                dir));
        assertThat(Files.readAllLines(dir.resolve("state.checks"))).anyMatch(line -> line.startsWith("examples:"))
                .anyMatch(line -> line.startsWith("meta-schema:"));
        // order-shipped.json is unchanged, but the definition it refers to no longer accepts its example
        String strictAddress = "{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\","
                + " \"maxLength\": 2}}}";
        assertThatThrownBy(() -> EventCodeGenerator.generate(request(Fixtures.schemas("order-shipped.json", shipped,
                "common/address.json", strictAddress), dir)))
                .isInstanceOf(InvalidSchemasException.class)
                .hasMessageContaining("order-shipped.json#/examples/0/to/city: the example breaks its schema");
    }

    @Test
    void aCheckThatPassedBeforeIsNotRunAgain(@TempDir Path dir) throws Exception {
        // a schema that breaks its meta-schema passes when the cache says its text passed: proof that it is skipped
        String broken = Fixtures.event("Order Placed", ORDER, "[\"orderId\"]").replace("\"type\": \"object\"",
                "\"type\": \"object\", \"minProperties\": \"one\"");
        List<SchemaSource> sources = Fixtures.schemas("order-placed.json", broken);
        assertThatThrownBy(() -> EventCodeGenerator.render(request(sources, dir), Map.of(), CheckCache.none()))
                .isInstanceOf(InvalidSchemasException.class).hasMessageContaining("meta-schema");
        CheckCache cache = CheckCache.of("test", java.util.Set.of());
        String key = cache.key("meta-schema", List.of(SchemaCatalog.JSON.readTree(broken).toString()));
        EventCodeGenerator.Output output = EventCodeGenerator.render(request(sources, dir), Map.of(),
                CheckCache.of("test", java.util.Set.of(key)));
        assertThat(output.checked()).contains(key);
    }

    /** The keys the last generation wrote into its state file, read as the generator reads them. */
    static Map<String, String> keys(Path dir) throws IOException {
        Map<String, String> keys = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("state"))) {
            int tab = line.indexOf('\t');
            if (line.startsWith("source:") && tab > 0) {
                keys.put(line.substring("source:".length(), tab), line.substring(tab + 1));
            }
        }
        assertThat(keys).isNotEmpty();
        return keys;
    }
}

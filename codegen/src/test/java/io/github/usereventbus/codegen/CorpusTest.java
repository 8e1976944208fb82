package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.usereventbus.codegen.instances.InstanceGenerator;
import io.github.usereventbus.codegen.schema.EventKeywords;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaReferences;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 52 real event schemas of the corpus, copied with their licences and sources list into this module's
 * test resources ({@code src/test/resources/corpus}, see its {@code SOURCES.md}): each, once marked as an event, must generate
 * code that compiles, or be refused with problems that name the file, the place and the construct.
 * Anything else (an exception of another kind, output javac rejects) fails.
 */
@DisplayName("The public schema corpus")
class CorpusTest {

    static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
    /** Files other schemas $ref; they are shared definitions, not events (see SOURCES.md). */
    static final Set<String> SUPPORT = Set.of("aws-serverless-ecommerce-platform/shared/resources/schemas.json");
    static final Map<String, String> OUTCOMES = new TreeMap<>();

    static Stream<String> eventFiles() throws IOException {
        if (!Files.isRegularFile(CORPUS.resolve("SOURCES.md"))) {
            throw new IllegalStateException("the corpus is missing at " + CORPUS.toAbsolutePath());
        }
        return allFiles().stream().filter(p -> !SUPPORT.contains(p) && !p.startsWith("octokit-webhooks/split/common/"));
    }

    static List<String> allFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("LICENSES"))
                    .map(p -> CORPUS.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventFiles")
    void generatesCompilingCodeOrRefusesClearly(String eventFile, @TempDir Path dir) throws IOException {
        List<SchemaSource> sources = new ArrayList<>();
        for (String path : referencedFrom(eventFile)) {
            byte[] content = withEventMarks(Files.readAllBytes(CORPUS.resolve(path)), path, path.equals(eventFile));
            sources.add(new SchemaSource(path, path, content));
        }
        try {
            GeneratedCode code = GeneratedCode.compile(sources, "corpus.events", dir);
            assertThat(code.output.events()).isEqualTo(1);
            int examples = roundTrips(eventFile, code);
            int instances = generatedRoundTrips(eventFile, sources, code);
            OUTCOMES.put(eventFile, "compiles: " + code.output.sources().size() + " files"
                    + (examples > 0 ? ", " + examples + " example(s) round-trip" : "")
                    + ", " + instances + " generated instance(s) round-trip");
        } catch (InvalidSchemasException refused) {
            assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isNotBlank();
                assertThat(p.message()).isNotBlank();
            });
            OUTCOMES.put(eventFile, "refused: " + refused.problems().size() + " problem(s), first: "
                    + refused.problems().stream().sorted().findFirst().orElseThrow());
        }
    }

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Every example of the event that is an instance of its schema reads into the generated class and
     * writes back as the same JSON (numbers compared by value, date-times as instants).
     */
    static int roundTrips(String eventFile, GeneratedCode code) throws IOException {
        JsonNode schema = MAPPER.readTree(CORPUS.resolve(eventFile).toFile());
        JsonNode examples = schema.path("examples");
        boolean keyword = !schema.path("$schema").asText("").contains("draft-04") && !schema.has("self");
        if (!keyword || !examples.isArray()) {
            return 0;
        }
        Class<?> type = code.load("corpus.events." + eventClass(code));
        int count = 0;
        for (JsonNode example : examples) {
            Object read = MAPPER.treeToValue(example, type);
            JsonNode written = MAPPER.valueToTree(read);
            assertThat(normalise(written)).as(eventFile + " example " + count).isEqualTo(normalise(example));
            count++;
        }
        return count;
    }

    /**
     * Valid instances of the schema, made by {@link InstanceGenerator} (a seed per file, so every run makes
     * the same ones), read into the generated class and written back as the same JSON.
     */
    static int generatedRoundTrips(String eventFile, List<SchemaSource> sources, GeneratedCode code) throws IOException {
        SchemaCatalog catalog = SchemaCatalog.load(sources, new ArrayList<>());
        SchemaCatalog.Document doc = catalog.documents().stream().filter(d -> d.path().equals(eventFile))
                .findFirst().orElseThrow();
        Class<?> type = code.load("corpus.events." + eventClass(code));
        int count = 0;
        for (JsonNode instance : new InstanceGenerator(catalog, eventFile.hashCode()).instances(doc, 20)) {
            JsonNode written;
            try {
                written = MAPPER.valueToTree(MAPPER.treeToValue(instance, type));
            } catch (IOException | IllegalArgumentException e) {
                throw new AssertionError(eventFile + ": a valid instance does not read into " + type.getSimpleName()
                        + ": " + e.getMessage() + "\n" + instance, e);
            }
            assertThat(catalog.validators().validatorFor(doc).validate(written)).as(eventFile + " instance " + count
                    + " is no longer valid once written back: " + written).isEmpty();
            String difference = firstDifference(normalise(instance), normalise(written), "");
            assertThat(difference).as(eventFile + " instance " + count + " does not survive the round trip: " + instance)
                    .isNull();
            count++;
        }
        return count;
    }

    /** The JSON pointer of the first place where two trees differ, with both values; null when equal. */
    static String firstDifference(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.equals(actual)) {
            return null;
        }
        if (expected.isObject() && actual.isObject()) {
            for (var names = expected.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!actual.has(name)) {
                    return pointer + "/" + name + ": lost (was " + expected.get(name) + ")";
                }
                String inner = firstDifference(expected.get(name), actual.get(name), pointer + "/" + name);
                if (inner != null) {
                    return inner;
                }
            }
            for (var names = actual.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!expected.has(name)) {
                    return pointer + "/" + name + ": added (" + actual.get(name) + ")";
                }
            }
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String inner = firstDifference(expected.get(i), actual.get(i), pointer + "/" + i);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return pointer + ": " + expected + " became " + actual;
    }

    static String eventClass(GeneratedCode code) {
        return code.output.sources().keySet().stream()
                .filter(k -> !k.contains("/UserEvent")).map(k -> k.substring(k.lastIndexOf('/') + 1, k.length() - 5))
                .filter(k -> code.source("corpus/events/" + k + ".java").contains("String DETAIL_TYPE ="))
                .findFirst().orElseThrow();
    }

    /**
     * Numbers by value, date-time strings as instants, null members as absent: what a round trip may
     * legitimately respell (whether the result is still valid is checked on its own).
     */
    static JsonNode normalise(JsonNode node) {
        if (node.isObject()) {
            // an optional property given as null is written back as absent: the same to JSON Schema
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), normalise(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(normalise(item)));
            return copy;
        }
        if (node.isNumber()) {
            return MAPPER.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        if (node.isTextual()) {
            try {
                return MAPPER.getNodeFactory().textNode(java.time.OffsetDateTime.parse(node.asText()).toInstant().toString());
            } catch (java.time.format.DateTimeParseException notADateTime) {
                return node;
            }
        }
        return node;
    }

    private static final Pattern REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"([^\"#]+)");

    /** The file and every file it reaches through $ref: relative paths, or absolute ones matching an $id. */
    static Set<String> referencedFrom(String start) throws IOException {
        Map<String, String> byId = new TreeMap<>();
        for (String path : allFiles()) {
            Matcher id = Pattern.compile("\"\\$id\"\\s*:\\s*\"([^\"#]+)").matcher(Files.readString(CORPUS.resolve(path)));
            if (id.find()) {
                byId.put(id.group(1), path);
            }
        }
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String path = todo.pop();
            if (!seen.add(path) || !Files.isRegularFile(CORPUS.resolve(path))) {
                continue;
            }
            Matcher ref = REF.matcher(Files.readString(CORPUS.resolve(path)));
            while (ref.find()) {
                String target = ref.group(1);
                String resolved = byId.containsKey(target) ? byId.get(target)
                        : SchemaReferences.resolvePath(path, target);
                if (resolved != null) {
                    todo.push(resolved);
                }
            }
        }
        return seen;
    }

    /**
     * Marks the file under test as an event, as a user would, with the two keywords; removes them from
     * every other file (the AWS registry's files carry them), which are then shared definitions.
     */
    static byte[] withEventMarks(byte[] content, String path, boolean event) {
        try {
            if (SchemaCatalog.JSON.readTree(content) instanceof ObjectNode root) {
                root.remove(List.of(EventKeywords.SOURCE_KEYWORD, EventKeywords.DETAIL_TYPE_KEYWORD));
                if (event) {
                    String name = path.substring(path.lastIndexOf('/') + 1).replace(".json", "").replace(".schema", "");
                    root.put(EventKeywords.SOURCE_KEYWORD, "com.example.corpus");
                    root.put(EventKeywords.DETAIL_TYPE_KEYWORD, name);
                }
                return SchemaCatalog.JSON.writeValueAsBytes(root);
            }
        } catch (IOException e) {
            // left as it is: the generator must report it
        }
        return content;
    }

    @AfterAll
    static void report() throws IOException {
        if (OUTCOMES.isEmpty()) {
            return;
        }
        long compiled = OUTCOMES.values().stream().filter(v -> v.startsWith("compiles")).count();
        StringBuilder text = new StringBuilder("corpus: " + compiled + " of " + OUTCOMES.size() + " compile\n");
        OUTCOMES.forEach((file, outcome) -> text.append(file).append(": ").append(outcome).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus-report.txt"), text);
        System.out.println(text);
        if (OUTCOMES.size() == 52) {
            // a floor, so that a change that refuses more of the corpus is noticed
            assertThat(compiled).as("corpus files that compile").isGreaterThanOrEqualTo(47);
        }
    }
}

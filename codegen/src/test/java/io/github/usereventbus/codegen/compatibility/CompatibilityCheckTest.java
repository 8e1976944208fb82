package io.github.usereventbus.codegen.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The compatibility check against an earlier contract release")
class CompatibilityCheckTest {

    static final String EVENT = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "x-amazon-events-source": "com.example.users",
              "x-amazon-events-detail-type": "User Created",
              "title": "User Created", "description": "A user signed up.",
              "type": "object",
              "required": ["userId", "role"],
              "properties": {
                "userId": {"type": "string", "format": "uuid"},
                "name": {"type": "string", "maxLength": 50},
                "role": {"type": "string", "enum": ["admin", "member"]},
                "age": {"type": "integer", "minimum": 0, "maximum": 150},
                "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5},
                "address": {"$ref": "common/address.json"},
                "contact": {"oneOf": [
                  {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}},
                  {"type": "object", "required": ["phone"], "properties": {"phone": {"type": "string"}}}
                ]}
              }
            }
            """;
    static final String ADDRESS = """
            {"type": "object", "required": ["city"],
             "properties": {"city": {"type": "string", "maxLength": 40}, "zip": {"type": "string"}}}
            """;

    static List<SchemaSource> contract(Consumer<ObjectNode> change, Consumer<ObjectNode> addressChange) {
        try {
            ObjectNode event = (ObjectNode) SchemaCatalog.JSON.readTree(EVENT);
            ObjectNode address = (ObjectNode) SchemaCatalog.JSON.readTree(ADDRESS);
            change.accept(event);
            addressChange.accept(address);
            return List.of(source("user-created.json", event), source("common/address.json", address));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<SchemaSource> contract(Consumer<ObjectNode> change) {
        return contract(change, a -> { });
    }

    static SchemaSource source(String path, JsonNode schema) {
        return new SchemaSource(path, path, schema.toString().getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode property(ObjectNode event, String name) {
        return (ObjectNode) event.get("properties").get(name);
    }

    static CompatibilityCheck.Result check(List<SchemaSource> before, List<SchemaSource> after, CompatibilityMode mode,
            ReaderModel readers) throws InvalidSchemasException {
        return CompatibilityCheck.check(after, List.of(new CompatibilityCheck.Baseline("1.0.0", before)), mode, readers,
                AcceptedBreaks.none());
    }

    /**
     * One change per row: the rule it must be found as, its pointer, and the directions it breaks under
     * tolerant readers and under validating ones ("B", "F", "BF" or "").
     */
    static Stream<Arguments> changes() {
        List<Arguments> rows = new ArrayList<>();
        rows.add(Arguments.of("optional property added", (Consumer<ObjectNode>) e ->
                ((ObjectNode) e.get("properties")).putObject("nickname").put("type", "string"),
                CompatibilityRule.PROPERTY_ADDED_OPTIONAL, "/properties/nickname", "", ""));
        rows.add(Arguments.of("optional property added to a closed object", (Consumer<ObjectNode>) e -> {
            ((ObjectNode) e.get("properties")).putObject("nickname").put("type", "string");
        }, CompatibilityRule.PROPERTY_ADDED_OPTIONAL, "/properties/nickname", "", "F"));
        rows.add(Arguments.of("required property added", (Consumer<ObjectNode>) e -> {
            ((ObjectNode) e.get("properties")).putObject("plan").put("type", "string");
            ((ArrayNode) e.get("required")).add("plan");
        }, CompatibilityRule.PROPERTY_ADDED_REQUIRED, "/properties/plan", "B", "B"));
        rows.add(Arguments.of("optional property removed", (Consumer<ObjectNode>) e ->
                ((ObjectNode) e.get("properties")).remove("name"),
                CompatibilityRule.PROPERTY_REMOVED_OPTIONAL, "/properties/name", "", ""));
        rows.add(Arguments.of("optional property removed from a closed object", (Consumer<ObjectNode>) e ->
                ((ObjectNode) e.get("properties")).remove("name"),
                CompatibilityRule.PROPERTY_REMOVED_OPTIONAL, "/properties/name", "", "B"));
        rows.add(Arguments.of("required property removed", (Consumer<ObjectNode>) e -> {
            ((ObjectNode) e.get("properties")).remove("role");
            ((ArrayNode) e.get("required")).remove(1);
        }, CompatibilityRule.PROPERTY_REMOVED_REQUIRED, "/properties/role", "F", "F"));
        rows.add(Arguments.of("property made required", (Consumer<ObjectNode>) e ->
                ((ArrayNode) e.get("required")).add("name"),
                CompatibilityRule.PROPERTY_MADE_REQUIRED, "/properties/name", "B", "B"));
        rows.add(Arguments.of("property made optional", (Consumer<ObjectNode>) e ->
                ((ArrayNode) e.get("required")).remove(1),
                CompatibilityRule.PROPERTY_MADE_OPTIONAL, "/properties/role", "F", "F"));
        rows.add(Arguments.of("type changed", (Consumer<ObjectNode>) e -> {
            property(e, "age").put("type", "string");
        }, CompatibilityRule.TYPE_CHANGED, "/properties/age/type", "BF", "BF"));
        rows.add(Arguments.of("integer widened to number", (Consumer<ObjectNode>) e -> property(e, "age").put("type",
                "number"), CompatibilityRule.TYPE_WIDENED, "/properties/age/type", "F", "F"));
        rows.add(Arguments.of("enum value added", (Consumer<ObjectNode>) e -> ((ArrayNode) property(e, "role")
                .get("enum")).add("superuser"), CompatibilityRule.ENUM_VALUE_ADDED, "/properties/role/enum", "", "F"));
        rows.add(Arguments.of("enum value removed", (Consumer<ObjectNode>) e -> ((ArrayNode) property(e, "role")
                .get("enum")).remove(0), CompatibilityRule.ENUM_VALUE_REMOVED, "/properties/role/enum", "B", "B"));
        rows.add(Arguments.of("maxLength tightened", (Consumer<ObjectNode>) e -> property(e, "name").put("maxLength", 20),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/name/maxLength", "B", "B"));
        rows.add(Arguments.of("maxLength loosened", (Consumer<ObjectNode>) e -> property(e, "name").put("maxLength", 100),
                CompatibilityRule.CONSTRAINT_LOOSENED, "/properties/name/maxLength", "F", "F"));
        rows.add(Arguments.of("minLength added", (Consumer<ObjectNode>) e -> property(e, "name").put("minLength", 3),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/name/minLength", "B", "B"));
        rows.add(Arguments.of("pattern added", (Consumer<ObjectNode>) e -> property(e, "name").put("pattern", "^[A-Z]"),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/name/pattern", "B", "B"));
        rows.add(Arguments.of("format removed", (Consumer<ObjectNode>) e -> property(e, "userId").remove("format"),
                CompatibilityRule.CONSTRAINT_LOOSENED, "/properties/userId/format", "F", "F"));
        rows.add(Arguments.of("maximum made exclusive", (Consumer<ObjectNode>) e -> {
            property(e, "age").remove("maximum");
            property(e, "age").put("exclusiveMaximum", 150);
        }, CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/age/exclusiveMaximum", "B", "B"));
        rows.add(Arguments.of("minimum lowered", (Consumer<ObjectNode>) e -> property(e, "age").put("minimum", -10),
                CompatibilityRule.CONSTRAINT_LOOSENED, "/properties/age/minimum", "F", "F"));
        rows.add(Arguments.of("multipleOf added", (Consumer<ObjectNode>) e -> property(e, "age").put("multipleOf", 5),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/age/multipleOf", "B", "B"));
        rows.add(Arguments.of("maxItems loosened", (Consumer<ObjectNode>) e -> property(e, "tags").put("maxItems", 10),
                CompatibilityRule.CONSTRAINT_LOOSENED, "/properties/tags/maxItems", "F", "F"));
        rows.add(Arguments.of("minItems added", (Consumer<ObjectNode>) e -> property(e, "tags").put("minItems", 1),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/tags/minItems", "B", "B"));
        rows.add(Arguments.of("uniqueItems added", (Consumer<ObjectNode>) e -> property(e, "tags").put("uniqueItems", true),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/tags/uniqueItems", "B", "B"));
        rows.add(Arguments.of("const added", (Consumer<ObjectNode>) e -> property(e, "name").put("const", "Ada"),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/properties/name/const", "B", "B"));
        rows.add(Arguments.of("object closed", (Consumer<ObjectNode>) e -> e.put("additionalProperties", false),
                CompatibilityRule.CONSTRAINT_TIGHTENED, "/additionalProperties", "", ""));
        rows.add(Arguments.of("array item type changed", (Consumer<ObjectNode>) e ->
                ((ObjectNode) property(e, "tags").get("items")).put("type", "integer"),
                CompatibilityRule.TYPE_CHANGED, "/properties/tags/items/type", "BF", "BF"));
        rows.add(Arguments.of("union alternative added", (Consumer<ObjectNode>) e -> {
            ObjectNode post = ((ArrayNode) property(e, "contact").get("oneOf")).addObject();
            post.put("type", "object").putArray("required").add("post");
            post.putObject("properties").putObject("post").put("type", "string");
        }, CompatibilityRule.UNION_BRANCH_ADDED, "/properties/contact/oneOf/2", "F", "F"));
        rows.add(Arguments.of("union alternative removed", (Consumer<ObjectNode>) e ->
                ((ArrayNode) property(e, "contact").get("oneOf")).remove(1),
                CompatibilityRule.UNION_BRANCH_REMOVED, "/properties/contact/oneOf/1", "B", "B"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void eachRuleHasItsVerdictInEachModeWithACounterexample(String name, Consumer<ObjectNode> change,
            CompatibilityRule rule, String pointer, String tolerant, String validating) throws Exception {
        boolean closed = name.endsWith("closed object");
        Consumer<ObjectNode> close = e -> {
            if (closed) {
                e.put("additionalProperties", false);
            }
        };
        List<SchemaSource> before = contract(close);
        List<SchemaSource> after = contract(close.andThen(change));
        for (ReaderModel readers : ReaderModel.values()) {
            String breaks = readers == ReaderModel.TOLERANT ? tolerant : validating;
            for (CompatibilityMode mode : CompatibilityMode.values()) {
                CompatibilityCheck.Result result = check(before, after, mode, readers);
                assertThat(result.findings()).as("%s, %s", readers, mode).extracting(CompatibilityFinding::rule)
                        .containsExactly(rule);
                CompatibilityFinding finding = result.findings().get(0);
                assertThat(finding.pointer()).isEqualTo(pointer);
                assertThat(finding.detailType()).isEqualTo("User Created");
                boolean breaking = mode.checksBackward() && breaks.contains("B")
                        || mode.checksForward() && breaks.contains("F");
                assertThat(finding.fails()).as("%s breaks under %s readers in %s mode", name, readers, mode)
                        .isEqualTo(breaking);
                if (breaking) {
                    assertThat(finding.counterexample()).as("a counterexample for %s (%s, %s)", name, readers, mode)
                            .isNotNull();
                    assertCounterexampleHolds(before, after, finding);
                }
            }
        }
    }

    /** The counterexample is valid under the writer's schema and refused by the reader's, checked here again. */
    static void assertCounterexampleHolds(List<SchemaSource> before, List<SchemaSource> after,
            CompatibilityFinding finding) throws Exception {
        boolean backward = finding.counterexampleDirection().equals("BACKWARD");
        SchemaCatalog writer = SchemaCatalog.load(backward ? before : after, new ArrayList<>());
        SchemaCatalog reader = SchemaCatalog.load(backward ? after : before, new ArrayList<>());
        JsonNode detail = SchemaCatalog.JSON.readTree(finding.counterexample());
        assertThat(writer.validators().validatorFor(writer.events().get(0).document()).validate(detail))
                .as("the writer accepts %s", detail).isEmpty();
        assertThat(reader.validators().validatorFor(reader.events().get(0).document()).validate(detail))
                .as("the reader refuses %s", detail).isNotEmpty();
        assertThat(finding.readerError()).isNotBlank();
    }

    @Test
    void followsSharedDefinitionsThroughReferences() throws Exception {
        List<SchemaSource> before = contract(e -> { });
        List<SchemaSource> after = contract(e -> { }, a -> ((ObjectNode) a.get("properties").get("city"))
                .put("maxLength", 20));
        CompatibilityCheck.Result result = check(before, after, CompatibilityMode.FULL, ReaderModel.TOLERANT);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(CompatibilityRule.CONSTRAINT_TIGHTENED);
            assertThat(f.pointer()).isEqualTo("/properties/address/properties/city/maxLength");
            assertThat(f.location()).isEqualTo("common/address.json#/properties/city");
            assertThat(f.counterexample()).contains("\"city\":\"" + "x".repeat(21));
        });
        assertCounterexampleHolds(before, after, result.failures().get(0));
    }

    @Test
    void aReplacedPatternBreaksBothWays() throws Exception {
        List<SchemaSource> before = contract(e -> property(e, "name").put("pattern", "^[A-Z]"));
        List<SchemaSource> after = contract(e -> property(e, "name").put("pattern", "^[a-z]"));
        CompatibilityCheck.Result result = check(before, after, CompatibilityMode.FULL, ReaderModel.TOLERANT);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(CompatibilityRule.CONSTRAINT_CHANGED);
            assertThat(f.direction()).isEqualTo("BOTH");
        });
        assertThat(check(before, after, CompatibilityMode.NONE, ReaderModel.TOLERANT).failures()).isEmpty();
    }

    @Test
    void aNarrowedTypeBreaksBackward() throws Exception {
        List<SchemaSource> before = contract(e -> property(e, "age").putArray("type").add("integer").add("null"));
        CompatibilityCheck.Result result = check(before, contract(e -> { }), CompatibilityMode.FULL,
                ReaderModel.TOLERANT);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(CompatibilityRule.TYPE_NARROWED);
            assertThat(f.direction()).isEqualTo("BACKWARD");
            assertThat(f.counterexample()).contains("\"age\":null");
        });
        assertCounterexampleHolds(before, contract(e -> { }), result.failures().get(0));
    }

    @Test
    void documentationNeverBreaks() throws Exception {
        List<SchemaSource> after = contract(e -> {
            e.put("description", "Someone signed up.").put("title", "Signed up");
            property(e, "name").put("description", "The display name").putArray("examples").add("Ada");
        });
        assertThat(check(contract(e -> { }), after, CompatibilityMode.FULL_TRANSITIVE, ReaderModel.VALIDATING)
                .findings()).isEmpty();
    }

    @Test
    void findsWhatNoRuleKnowsByGeneratingEvents() throws Exception {
        // dependentRequired is no rule's business: the search over generated events finds the break
        List<SchemaSource> after = contract(e -> e.putObject("dependentRequired").putArray("name").add("age"));
        CompatibilityCheck.Result result = check(contract(e -> { }), after, CompatibilityMode.BACKWARD,
                ReaderModel.TOLERANT);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(CompatibilityRule.COUNTEREXAMPLE_FOUND);
            assertThat(f.counterexample()).contains("\"name\"").doesNotContain("\"age\"");
            assertThat(f.readerError()).contains("age");
        });
        assertCounterexampleHolds(contract(e -> { }), after, result.failures().get(0));
    }

    @Test
    void eventsAddedRemovedAndRenamed() throws Exception {
        List<SchemaSource> renamed = contract(e -> e.put("x-amazon-events-detail-type", "User Signed Up"));
        CompatibilityCheck.Result result = check(contract(e -> { }), renamed, CompatibilityMode.FORWARD,
                ReaderModel.TOLERANT);
        assertThat(result.findings()).extracting(CompatibilityFinding::rule)
                .containsExactly(CompatibilityRule.EVENT_REMOVED, CompatibilityRule.EVENT_ADDED);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.detailType()).isEqualTo("User Created");
            assertThat(f.message()).contains("likely renamed to 'User Signed Up'");
            assertThat(f.counterexample()).contains("userId");
        });
        assertThat(result.findings().get(1).fails()).isFalse();
        assertThat(check(contract(e -> { }), renamed, CompatibilityMode.NONE, ReaderModel.TOLERANT).failures())
                .isEmpty();
    }

    @Test
    void checksEveryBaselineGiven() throws Exception {
        // 1.1.0 loosened maxLength to 100; the new contract keeps 100: fine against 1.1.0, a break against 1.0.0
        List<SchemaSource> v100 = contract(e -> { });
        List<SchemaSource> v110 = contract(e -> property(e, "name").put("maxLength", 100));
        CompatibilityCheck.Result result = CompatibilityCheck.check(v110, List.of(
                new CompatibilityCheck.Baseline("1.0.0", v100), new CompatibilityCheck.Baseline("1.1.0", v110)),
                CompatibilityMode.FULL_TRANSITIVE, ReaderModel.TOLERANT, AcceptedBreaks.none());
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.baseline()).isEqualTo("1.0.0"));
    }

    @Test
    void acceptedBreaksPassAndStaleOnesAreReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accepted-breaks.json");
        Files.writeString(file, """
                {"accepted": [
                  {"rule": "PROPERTY_MADE_REQUIRED", "event": "User Created", "pointer": "/properties/name",
                   "reason": "every producer has set it since 1.0.0"},
                  {"rule": "EVENT_REMOVED", "event": "User Deleted", "pointer": "", "reason": "nobody used it"}
                ]}
                """);
        AcceptedBreaks accepted = AcceptedBreaks.read(file, "accepted-breaks.json");
        CompatibilityCheck.Result result = CompatibilityCheck.check(
                contract(e -> ((ArrayNode) e.get("required")).add("name")),
                List.of(new CompatibilityCheck.Baseline("1.0.0", contract(e -> { }))), CompatibilityMode.FULL,
                ReaderModel.TOLERANT, accepted);
        assertThat(result.failures()).isEmpty();
        assertThat(result.findings()).singleElement()
                .satisfies(f -> assertThat(f.acceptedReason()).isEqualTo("every producer has set it since 1.0.0"));
        assertThat(result.stale()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo("User Deleted"));

        Path report = dir.resolve("compatibility-report.json");
        CompatibilityReport.writeJson(result, report);
        JsonNode json = SchemaCatalog.JSON.readTree(report.toFile());
        assertThat(json.path("findings").get(0).path("reason").asText()).isEqualTo("every producer has set it since 1.0.0");
        assertThat(json.path("staleAcceptedBreaks").get(0).path("event").asText()).isEqualTo("User Deleted");
        Path junit = dir.resolve("TEST-compatibility.xml");
        CompatibilityReport.writeJUnit(result, junit);
        assertThat(Files.readString(junit)).contains("tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\"")
                .contains("accepted: every producer has set it since 1.0.0");
    }

    @Test
    void aBreakIsATestFailureInTheJUnitReport(@TempDir Path dir) throws Exception {
        CompatibilityCheck.Result result = check(contract(e -> { }),
                contract(e -> property(e, "name").put("maxLength", 20)), CompatibilityMode.FULL, ReaderModel.TOLERANT);
        Path junit = dir.resolve("TEST-compatibility.xml");
        CompatibilityReport.writeJUnit(result, junit);
        String xml = Files.readString(junit);
        assertThat(xml).contains("tests=\"1\" failures=\"1\"").contains("<testcase classname=\"user-event-bus.compatibility\""
                + " name=\"User Created against 1.0.0\">").contains("<failure message=\"1 breaking change(s):"
                + " CONSTRAINT_TIGHTENED /properties/name/maxLength\">");
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    }

    @Test
    void aBadAcceptedBreaksFileSaysWhereAndWhat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("accepted-breaks.json");
        Files.writeString(file, """
                {"accepted": [{"rule": "PROPERTY_MADE_REQUIRED", "event": "User Created", "pointer": "/properties/name"},
                              {"rule": "NO_SUCH_RULE", "event": "x", "pointer": "", "reason": "r"}]}
                """);
        assertThatThrownBy(() -> AcceptedBreaks.read(file, "accepted-breaks.json"))
                .hasMessageContaining("accepted-breaks.json#/accepted/0: reason is required (text); the reason says why")
                .hasMessageContaining("accepted-breaks.json#/accepted/1/rule: 'NO_SUCH_RULE' is not a rule id; use one of"
                        + " EVENT_ADDED");
        Files.writeString(file, "{\"accepted\": [");
        assertThatThrownBy(() -> AcceptedBreaks.read(file, "accepted-breaks.json"))
                .hasMessageStartingWith("accepted-breaks.json: not valid JSON");
        assertThat(AcceptedBreaks.read(dir.resolve("missing.json"), "missing.json").entries()).isEmpty();
    }
}

package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Unions become sealed interfaces with a record per alternative")
class UnionsTest {

    static final String SHAPES = """
            {"$defs": {
              "circle": {"type": "object", "properties": {"kind": {"const": "circle"}, "radius": {"type": "number"}},
                         "required": ["kind", "radius"]},
              "square": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["square"]},
                         "side": {"type": "number"}}, "required": ["kind", "side"]}}}
            """;

    static final String DRAWING = """
            {"x-amazon-events-source": "com.example.draw", "x-amazon-events-detail-type": "Drawing Made",
             "title": "Drawing Made", "description": "A drawing.", "type": "object",
             "properties": {
               "main": {"oneOf": [{"$ref": "shapes.json#/$defs/circle"}, {"$ref": "shapes.json#/$defs/square"}]},
               "layers": {"type": "array", "items": {"oneOf": [{"$ref": "shapes.json#/$defs/circle"},
                                                               {"$ref": "shapes.json#/$defs/square"}]}},
               "contact": {"anyOf": [
                 {"title": "Email Contact", "type": "object", "properties": {"email": {"type": "string"}}, "required": ["email"]},
                 {"title": "Phone Contact", "type": "object", "properties": {"phone": {"type": "string"}, "email": {"type": "string"}},
                  "required": ["phone"]},
                 {"title": "Full Contact", "type": "object", "properties": {"phone": {"type": "string"}, "email": {"type": "string"}},
                  "required": ["phone", "email"]}]},
               "maybe": {"oneOf": [{"type": "null"}, {"type": "string"}]}},
             "required": ["main"]}
            """;

    static final String PAYMENT = """
            {"x-amazon-events-source": "com.example.pay", "x-amazon-events-detail-type": "Payment Settled",
             "title": "Payment Settled", "description": "Card or transfer.",
             "oneOf": [
               {"title": "Card Payment", "type": "object",
                "properties": {"method": {"const": "card"}, "last4": {"type": "string"}}, "required": ["method", "last4"]},
               {"title": "Transfer Payment", "type": "object",
                "properties": {"method": {"const": "transfer"}, "iban": {"type": "string"}}, "required": ["method", "iban"]}],
             "examples": [{"method": "card", "last4": "4242"}]}
            """;

    static GeneratedCode code;
    static final ObjectMapper STRICT = new ObjectMapper();
    static final ObjectMapper TOLERANT = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @BeforeAll
    static void generate(@TempDir Path dir) throws Exception {
        code = GeneratedCode.compile(Fixtures.schemas("shapes.json", SHAPES, "drawing.json", DRAWING,
                "payment.json", PAYMENT), "unions", dir, GeneratedCodeLintTest.STRICT);
    }

    Class<?> type(String name) {
        return code.load("unions." + name);
    }

    JsonNode roundTrip(String json, String type) throws Exception {
        return STRICT.valueToTree(STRICT.readValue(json, type(type)));
    }

    @Test
    @DisplayName("discriminated by a const property, through $refs: each alternative reads into its record and back")
    void discriminated() throws Exception {
        Class<?> main = type("Main");
        assertThat(main.isSealed()).isTrue();
        assertThat(List.of(main.getPermittedSubclasses()).stream().map(Class::getSimpleName))
                .containsExactly("Circle", "Square", "Unrecognised");
        String circle = "{\"main\":{\"kind\":\"circle\",\"radius\":2.5}}";
        Object drawing = STRICT.readValue(circle, type("DrawingMade"));
        assertThat(type("DrawingMade").getMethod("main").invoke(drawing).getClass().getSimpleName()).isEqualTo("Circle");
        assertThat(roundTrip(circle, "DrawingMade")).isEqualTo(STRICT.readTree(circle));
        String square = "{\"main\":{\"kind\":\"square\",\"side\":3.0}}";
        assertThat(roundTrip(square, "DrawingMade")).isEqualTo(STRICT.readTree(square));
    }

    @Test
    @DisplayName("an array of a union reads each element into its alternative")
    void arrayOfUnion() throws Exception {
        String json = "{\"main\":{\"kind\":\"circle\",\"radius\":1.0},\"layers\":[{\"kind\":\"square\",\"side\":1.0},"
                + "{\"kind\":\"circle\",\"radius\":2.0}]}";
        Object drawing = STRICT.readValue(json, type("DrawingMade"));
        List<?> layers = (List<?>) type("DrawingMade").getMethod("layers").invoke(drawing);
        assertThat(layers).extracting(o -> o.getClass().getSimpleName()).containsExactly("Square", "Circle");
        assertThat(((JsonNode) STRICT.valueToTree(drawing)).toString()).isEqualTo(STRICT.readTree(json).toString());
    }

    @Test
    @DisplayName("without a discriminator, by required properties: the most specific alternative that fits wins")
    void deduced() throws Exception {
        String prefix = "{\"main\":{\"kind\":\"circle\",\"radius\":1.0},\"contact\":";
        for (var json : List.of(List.of("{\"email\":\"a@b.c\"}", "EmailContact"), List.of("{\"phone\":\"1\"}", "PhoneContact"),
                List.of("{\"phone\":\"1\",\"email\":\"a@b.c\"}", "FullContact"))) {
            Object drawing = STRICT.readValue(prefix + json.get(0) + "}", type("DrawingMade"));
            Object contact = type("DrawingMade").getMethod("contact").invoke(drawing);
            assertThat(contact.getClass().getSimpleName()).as(json.get(0)).isEqualTo(json.get(1));
            assertThat((JsonNode) STRICT.valueToTree(drawing).get("contact")).isEqualTo(STRICT.readTree(json.get(0)));
        }
    }

    @Test
    @DisplayName("an alternative the schema does not know: refused by a strict reader, kept whole by a tolerant one")
    void unknownAlternative() throws Exception {
        String json = "{\"main\":{\"kind\":\"triangle\",\"corners\":3}}";
        assertThatThrownBy(() -> STRICT.readValue(json, type("DrawingMade")))
                .isInstanceOf(MismatchedInputException.class)
                .hasMessageContaining("no alternative of Main fits this JSON (kind is \"triangle\"; the alternatives are circle, square)");
        Object drawing = TOLERANT.readValue(json, type("DrawingMade"));
        Object main = type("DrawingMade").getMethod("main").invoke(drawing);
        assertThat(main.getClass().getSimpleName()).isEqualTo("Unrecognised");
        assertThat((JsonNode) TOLERANT.valueToTree(drawing)).isEqualTo(STRICT.readTree(json));
    }

    @Test
    @DisplayName("a root union is an event: constants, family interface, publisher method, handler method")
    void rootUnionEvent() throws Exception {
        Class<?> payment = type("PaymentSettled");
        assertThat((Object) payment.isInterface()).isEqualTo(true);
        assertThat((Object) payment.isSealed()).isEqualTo(true);
        assertThat(payment.getField("DETAIL_TYPE").get(null)).isEqualTo("Payment Settled");
        assertThat(type("UserEvent").isAssignableFrom(payment)).isTrue();
        assertThat(List.of(type("UserEvent").getPermittedSubclasses())).contains(payment);
        Method publish = type("UserEventPublisher").getMethod("publishPaymentSettled", payment);
        assertThat(publish).isNotNull();
        assertThat(type("UserEventHandler").getMethod("onPaymentSettled",
                code.load("io.github.usereventbus.runtime.Envelope"))).isNotNull();
        String card = "{\"method\":\"card\",\"last4\":\"4242\"}";
        Object read = STRICT.readValue(card, payment);
        assertThat(read.getClass().getSimpleName()).isEqualTo("CardPayment");
        assertThat(payment.getMethod("eventSource").invoke(read)).isEqualTo("com.example.pay");
        assertThat((JsonNode) STRICT.valueToTree(read)).isEqualTo(STRICT.readTree(card));
    }

    @Test
    @DisplayName("a const property is filled in, so a producer never writes it")
    void constFilledIn() throws Exception {
        Object builder = type("TransferPayment").getMethod("builder").invoke(null);
        builder.getClass().getMethod("iban", String.class).invoke(builder, "NL00BANK0123456789");
        Object transfer = builder.getClass().getMethod("build").invoke(builder);
        assertThat(transfer).isNotNull();
        JsonNode written = STRICT.valueToTree(transfer);
        assertThat(written.toString()).isEqualTo("{\"method\":\"transfer\",\"iban\":\"NL00BANK0123456789\"}");
    }

    @Test
    @DisplayName("alternatives that nothing tells apart: a nested union stays a JSON tree with a note saying why")
    void undecidable(@TempDir Path dir) throws Exception {
        String event = Fixtures.event("Vague", """
                {"thing": {"oneOf": [{"type": "object", "properties": {"a": {"type": "string"}}},
                                     {"type": "object", "properties": {"b": {"type": "string"}}}]}}""", "[]");
        GeneratedCode vague = GeneratedCode.compile(Fixtures.schemas("v.json", event), "vague", dir);
        assertThat(vague.load("vague.Vague").getRecordComponents()[0].getType().getSimpleName()).isEqualTo("JsonNode");
        assertThat(vague.output.notes()).singleElement().asString().isEqualTo("v.json#/properties/thing: the oneOf is kept"
                + " as a JSON tree (JsonNode): alternatives 1 and 2 require the same properties [] and no property"
                + " holds a distinct constant in each");
    }

    @Test
    @DisplayName("anyOf alternatives told apart by one-value properties, or by what they declare when the JSON fits several")
    void constantsAndDeclaredProperties(@TempDir Path dir) throws Exception {
        // Snowplow's Iglu client error: two alternatives carry error = ValidationError, another ResolutionError
        String failed = """
                {"x-amazon-events-source": "com.example.iglu", "x-amazon-events-detail-type": "Validation Failed",
                 "title": "Validation Failed", "description": "A bad row.", "type": "object",
                 "properties": {"error": {"anyOf": [
                   {"title": "Resolution Error", "type": "object", "required": ["error", "lookupHistory"],
                    "properties": {"error": {"enum": ["ResolutionError"]}, "lookupHistory": {"type": "array"}}},
                   {"title": "Data Error", "type": "object", "required": ["dataReports"],
                    "properties": {"error": {"enum": ["ValidationError"]}, "dataReports": {"type": "array"}}},
                   {"title": "Schema Error", "type": "object", "required": ["error"],
                    "properties": {"error": {"enum": ["ValidationError"]}, "schemaIssues": {"type": "array"}}}]}},
                 "required": ["error"]}
                """;
        GeneratedCode iglu = GeneratedCode.compile(Fixtures.schemas("failed.json", failed), "iglu", dir);
        Class<?> event = iglu.load("iglu.ValidationFailed");
        // what our own writer emits for a Data Error (its constant filled in) fits Data Error and Schema Error
        // by required properties; only Data Error declares dataReports, so it reads as Data Error and back
        String data = "{\"error\":{\"error\":\"ValidationError\",\"dataReports\":[]}}";
        Object read = STRICT.readValue(data, event);
        assertThat(event.getMethod("error").invoke(read).getClass().getSimpleName()).isEqualTo("DataError");
        JsonNode written = STRICT.valueToTree(read);
        assertThat(written).isEqualTo(STRICT.readTree(data));
        // a constant that disagrees rules an alternative out: error = ResolutionError with dataReports is none
        assertThatThrownBy(() -> STRICT.readValue("{\"error\":{\"error\":\"ResolutionError\",\"dataReports\":[]}}",
                event)).isInstanceOf(MismatchedInputException.class).hasMessageContaining("no alternative of Error fits");
        Object schemaError = STRICT.readValue("{\"error\":{\"error\":\"ValidationError\",\"schemaIssues\":[]}}", event);
        assertThat(event.getMethod("error").invoke(schemaError).getClass().getSimpleName()).isEqualTo("SchemaError");
    }
}

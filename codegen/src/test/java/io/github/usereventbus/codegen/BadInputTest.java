package io.github.usereventbus.codegen;

import static io.github.usereventbus.codegen.Fixtures.event;
import static io.github.usereventbus.codegen.Fixtures.schemas;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Bad input is reported, every problem at once, with file and JSON pointer")
class BadInputTest {

    @TempDir
    Path dir;

    List<String> problems(List<SchemaSource> sources) {
        try {
            EventCodeGenerator.render(GeneratedCode.request(sources, "p", dir));
        } catch (InvalidSchemasException e) {
            return e.problems().stream().sorted().map(Problem::toString).toList();
        }
        throw new AssertionError("the schemas were accepted");
    }

    @Test
    @DisplayName("all kinds of problem in one set are listed together")
    void everyProblemAtOnce() {
        String longType = "x".repeat(129);
        List<String> problems = problems(schemas(
                "a-malformed.json", "{\"type\": \"object\",",
                "b-meta.json", event("B", "{\"n\": {\"type\": \"strnig\"}}", "[]"),
                "c-example.json", """
                        {"x-amazon-events-source": "com.example.test", "x-amazon-events-detail-type": "C",
                         "type": "object", "properties": {"n": {"type": "integer"}},
                         "examples": [{"n": "seven"}]}""",
                "d-array.json", """
                        {"x-amazon-events-source": "com.example.test", "x-amazon-events-detail-type": "D",
                         "type": "array"}""",
                "e-aws.json", """
                        {"x-amazon-events-source": "aws.user-service", "x-amazon-events-detail-type": "E",
                         "type": "object"}""",
                "f-long.json", "{\"x-amazon-events-source\": \"com.example.test\", \"x-amazon-events-detail-type\": \""
                        + longType + "\", \"type\": \"object\"}",
                "g-dup.json", event("B", "{}", "[]"),
                "h-half.json", "{\"x-amazon-events-source\": \"com.example.test\", \"type\": \"object\"}",
                "i-refs.json", event("I", """
                        {"missing": {"$ref": "nowhere.json"},
                         "outside": {"$ref": "../secrets.json"},
                         "url": {"$ref": "https://example.com/schema.json"},
                         "pointer": {"$ref": "#/$defs/none"}}""", "[]")));
        assertThat(problems).containsExactly(
                "a-malformed.json#: malformed JSON at line 1, column 19: Unexpected end-of-input within/between"
                        + " Object entries",
                "b-meta.json#/properties/n/type: breaks the https://json-schema.org/draft/2020-12/schema meta-schema:"
                        + " does not have a value in the enumeration [\"array\", \"boolean\", \"integer\", \"null\","
                        + " \"number\", \"object\", \"string\"]",
                "b-meta.json#/properties/n/type: breaks the https://json-schema.org/draft/2020-12/schema meta-schema:"
                        + " string found, array expected",
                "c-example.json#/examples/0/n: the example breaks its schema: string found, integer expected",
                "d-array.json#: the detail schema must describe a JSON object (\"type\": \"object\"), since EventBridge"
                        + " requires Detail to be an object; found \"type\": \"array\"",
                "e-aws.json#/x-amazon-events-source: source 'aws.user-service' starts with 'aws.', which EventBridge"
                        + " reserves for AWS services and refuses from custom publishers (NotAuthorizedForSourceException);"
                        + " use a reverse-DNS name such as com.example.user-service",
                "f-long.json#/x-amazon-events-detail-type: detail-type is 129 characters long; EventBridge allows at most 128",
                "g-dup.json#/x-amazon-events-detail-type: detail-type 'B' is also declared by b-meta.json; each event"
                        + " needs its own",
                "h-half.json#: has x-amazon-events-source but not x-amazon-events-detail-type; an event schema needs"
                        + " both, a shared definition neither",
                "i-refs.json#/properties/missing/$ref: $ref 'nowhere.json' names the file 'nowhere.json', which is not"
                        + " in the schema directory",
                "i-refs.json#/properties/outside/$ref: $ref '../secrets.json' points outside the schema directory;"
                        + " only files inside it can be referenced",
                "i-refs.json#/properties/pointer/$ref: $ref '#/$defs/none' points to '/$defs/none', which does not"
                        + " exist in i-refs.json",
                "i-refs.json#/properties/url/$ref: $ref 'https://example.com/schema.json' is a URL; the build never"
                        + " fetches schemas from the network: copy the schema into the schema directory and refer to it"
                        + " by a relative path");
    }

    @Test
    @DisplayName("two property names that would become one Java name are refused, not miscompiled")
    void collidingNames() {
        assertThat(problems(schemas("e.json", event("E", "{\"user-id\": {\"type\": \"string\"},"
                + " \"user_id\": {\"type\": \"string\"}}", "[]"))))
                .containsExactly("e.json#/properties/user_id: properties 'user-id' and 'user_id' would both become the"
                        + " Java name 'userId'; rename one, or give one a \"javaName\"");
        assertThat(problems(schemas("e.json", event("E", "{\"s\": {\"type\": \"string\", \"enum\": [\"in-progress\","
                + " \"IN_PROGRESS\"]}}", "[]"))))
                .containsExactly("e.json#/properties/s/enum: enum values 'in-progress' and 'IN_PROGRESS' would both"
                        + " become the Java constant IN_PROGRESS; give the enum \"javaEnumNames\"");
    }

    @Test
    @DisplayName("the exception's message lists every problem, one per line")
    void message() {
        assertThatThrownBy(() -> EventCodeGenerator.render(GeneratedCode.request(schemas(
                "x.json", "[1,", "y.json", "{\"x-amazon-events-detail-type\": \"Y\"}"), "p", dir)))
                .isInstanceOf(InvalidSchemasException.class)
                .hasMessageStartingWith("2 problems in the event schemas:\n  - x.json#: malformed JSON")
                .hasMessageContaining("\n  - y.json#: has x-amazon-events-detail-type but not x-amazon-events-source");
    }
}

package io.github.usereventbus.codegen.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.usereventbus.codegen.Fixtures;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The contract's catalog, IAM policy and rule templates")
class ContractDocsTest {

    static ContractDocsRequest request(List<SchemaSource> schemas) {
        return new ContractDocsRequest(schemas, "com.example.events", "UserEvent", "user-event-bus", "user-service",
                "User Service", List.of("user-team"), "1.2.0");
    }

    static List<String> files(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    @DisplayName("the catalog holds the bus as a channel, a page and the schema per event, the service and its owner")
    void catalogPages(@TempDir Path catalog) throws Exception {
        ContractDocs.CatalogResult result = ContractDocs.writeCatalog(request(Fixtures.contract()), catalog);
        assertThat(files(catalog)).containsExactly(
                ".user-event-bus-catalog",
                "channels/user-event-bus/index.mdx",
                "events/UserAccountCreated/common/profile.json",
                "events/UserAccountCreated/index.mdx",
                "events/UserAccountCreated/schema.json",
                "events/UserAccountDeleted/common/profile.json",
                "events/UserAccountDeleted/index.mdx",
                "events/UserAccountDeleted/schema.json",
                "events/UserAccountUpdated/common/profile.json",
                "events/UserAccountUpdated/index.mdx",
                "events/UserAccountUpdated/schema.json",
                "services/user-service/index.mdx",
                "teams/user-team.mdx");
        assertThat(result.created()).containsExactly("teams/user-team.mdx");
        assertThat(Files.readAllBytes(catalog.resolve("events/UserAccountDeleted/schema.json")))
                .isEqualTo(Files.readAllBytes(Fixtures.CONTRACT.resolve("user-account-deleted.json")));

        String deleted = Files.readString(catalog.resolve("events/UserAccountDeleted/index.mdx"));
        assertThat(deleted).startsWith("---\nid: \"UserAccountDeleted\"\nname: \"User Account Deleted\"\nversion: \"1.2.0\"\n")
                .contains("schemaPath: \"schema.json\"")
                .contains("channels:\n  - id: \"user-event-bus\"\n    version: \"1.2.0\"")
                .contains("| Source | `com.example.user-service` |")
                .contains("{\"source\":[\"com.example.user-service\"],\"detail-type\":[\"User Account Deleted\"]}")
                .contains("\"reason\" : \"")   // an example, pretty-printed
                .contains("<SchemaViewer file=\"schema.json\" />");
        String channel = Files.readString(catalog.resolve("channels/user-event-bus/index.mdx"));
        assertThat(channel).contains("address: \"user-event-bus\"").contains("protocols:\n  - \"eventbridge\"")
                .contains("events.publishUserAccountCreated(userAccountCreated);")
                .contains("com.example.events.UserEventPatterns");
        String service = Files.readString(catalog.resolve("services/user-service/index.mdx"));
        assertThat(service).contains("name: \"User Service\"")
                .contains("sends:\n  - id: \"UserAccountCreated\"\n    version: \"1.2.0\"\n    to:\n      - id: \"user-event-bus\"");
    }

    @Test
    @DisplayName("a contract without a Java package gets the same pages, naming the generated classes alone")
    void withoutPackage(@TempDir Path catalog) throws Exception {
        ContractDocsRequest request = new ContractDocsRequest(Fixtures.contract(), null, "UserEvent", "user-event-bus",
                "user-service", "User Service", List.of("user-team"), "1.2.0");
        ContractDocs.writeCatalog(request, catalog);
        String deleted = Files.readString(catalog.resolve("events/UserAccountDeleted/index.mdx"));
        assertThat(deleted).contains("| Java | `UserAccountDeleted` |").doesNotContain("null");
        String channel = Files.readString(catalog.resolve("channels/user-event-bus/index.mdx"));
        assertThat(channel).contains("`user-event-bus-maven-plugin` (in a package of yours), and publish")
                .contains("a pattern of `UserEventPatterns`").contains("`UserEventDispatcher.tolerant()`")
                .doesNotContain("null");
        assertThat(ContractDocs.infrastructure(request)).containsKey("iam/producer-policy.json");
    }

    @Test
    @DisplayName("updating in place rewrites only the contract's pages, removes the ones it dropped, keeps hand-written ones")
    void updateInPlace(@TempDir Path catalog) throws Exception {
        ContractDocs.writeCatalog(request(Fixtures.contract()), catalog);
        Path handWritten = catalog.resolve("services/billing/index.mdx");
        Files.createDirectories(handWritten.getParent());
        Files.writeString(handWritten, "---\nid: billing\nname: Billing\nversion: 1.0.0\n---\nOurs.\n");
        Path team = catalog.resolve("teams/user-team.mdx");
        Files.writeString(team, "---\nid: user-team\nname: The user team, edited\n---\nEdited.\n");

        List<SchemaSource> withoutDeleted = new ArrayList<>(Fixtures.contract());
        withoutDeleted.removeIf(s -> s.path().equals("user-account-deleted.json"));
        ContractDocs.CatalogResult again = ContractDocs.writeCatalog(request(withoutDeleted), catalog);

        assertThat(again.deleted()).isEqualTo(3); // the page, its schema and the shared definition beside it
        assertThat(catalog.resolve("events/UserAccountDeleted")).doesNotExist();
        assertThat(Files.readString(handWritten)).endsWith("Ours.\n");
        assertThat(Files.readString(team)).contains("edited");
        assertThat(again.created()).isEmpty();
        assertThat(again.written()).isEqualTo(2); // the channel and the service, which listed the dropped event
    }

    @Test
    @DisplayName("a hand-written page where the contract writes one is an error, never overwritten")
    void conflict(@TempDir Path catalog) throws Exception {
        Path mine = catalog.resolve("events/UserAccountCreated/index.mdx");
        Files.createDirectories(mine.getParent());
        Files.writeString(mine, "mine");
        assertThatThrownBy(() -> ContractDocs.writeCatalog(request(Fixtures.contract()), catalog))
                .isInstanceOf(ContractDocs.CatalogConflictException.class)
                .hasMessageContaining("were not written by user-event-bus:catalog")
                .hasMessageContaining("events/UserAccountCreated/index.mdx");
        assertThat(Files.readString(mine)).isEqualTo("mine");
    }

    @Test
    @DisplayName("the IAM policy allows PutEvents on the bus for exactly the contract's sources and detail-types")
    void producerPolicy() throws Exception {
        Map<String, String> files = ContractDocs.infrastructure(request(Fixtures.contract()));
        JsonNode statement = new ObjectMapper().readTree(files.get("iam/producer-policy.json")).get("Statement").get(0);
        assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
        assertThat(statement.get("Action").asText()).isEqualTo("events:PutEvents");
        assertThat(statement.get("Resource").asText()).isEqualTo("arn:aws:events:*:*:event-bus/user-event-bus");
        JsonNode condition = statement.get("Condition").get("ForAllValues:StringEquals");
        assertThat(condition.get("events:source")).extracting(JsonNode::asText).containsExactly("com.example.user-service");
        assertThat(condition.get("events:detail-type")).extracting(JsonNode::asText)
                .containsExactly("User Account Created", "User Account Deleted", "User Account Updated");
        String arn = "arn:aws:events:eu-west-1:111122223333:event-bus/users";
        JsonNode byArn = new ObjectMapper().readTree(ContractDocs.infrastructure(new ContractDocsRequest(
                Fixtures.contract(), "com.example.events", "UserEvent", arn, "user-service", null, List.of("t"),
                "1.0.0")).get("iam/producer-policy.json"));
        assertThat(byArn.get("Statement").get(0).get("Resource").asText()).isEqualTo(arn);
    }

    @Test
    @DisplayName("a rule template per event and one for the family, each with the generated pattern")
    void ruleTemplates() throws Exception {
        Map<String, String> files = ContractDocs.infrastructure(request(Fixtures.contract()));
        assertThat(files.keySet()).containsExactly("cloudformation/all-events.yaml",
                "cloudformation/user-account-created.yaml", "cloudformation/user-account-deleted.yaml",
                "cloudformation/user-account-updated.yaml", "iam/producer-policy.json");
        assertThat(files.get("cloudformation/user-account-deleted.yaml"))
                .contains("  UserAccountDeletedRule:\n    Type: AWS::Events::Rule\n")
                .contains("      EventPattern: {\"source\":[\"com.example.user-service\"],\"detail-type\":[\"User Account Deleted\"]}\n")
                .contains("        - Arn: !Ref TargetArn\n");
        assertThat(files.get("cloudformation/all-events.yaml")).contains("  AllEventsRule:\n")
                .contains("\"detail-type\":[\"User Account Created\",\"User Account Deleted\",\"User Account Updated\"]");
    }

    @Test
    @DisplayName("bad parameters are refused with the parameter named")
    void badParameters() {
        assertThatThrownBy(() -> new ContractDocsRequest(Fixtures.contract(), "p", "UserEvent", "bus", "svc", null,
                List.of(), "1.0.0")).hasMessage("owners needs at least one team or user id, for example user-team");
        assertThatThrownBy(() -> new ContractDocsRequest(Fixtures.contract(), "p", "UserEvent", "bus", "svc", null,
                List.of("t"), "one")).hasMessage("version 'one' is not a semantic version such as 1.0.0");
        assertThatThrownBy(() -> new ContractDocsRequest(Fixtures.contract(), "p", "UserEvent", "bus", "a/b", null,
                List.of("t"), "1.0.0")).hasMessageStartingWith("serviceId 'a/b' must be letters");
    }
}

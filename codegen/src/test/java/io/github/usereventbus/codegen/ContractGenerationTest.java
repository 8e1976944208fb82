package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.usereventbus.codegen.model.Identifiers;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The User Event Bus contract generates")
class ContractGenerationTest {

    static final String PKG = "com.example.events";
    static GeneratedCode code;
    static ObjectMapper mapper;

    @BeforeAll
    static void generate(@TempDir Path dir) throws Exception {
        code = GeneratedCode.compile(Fixtures.contract(), PKG, dir);
        mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    Class<?> type(String simpleName) {
        return code.load(PKG + "." + simpleName);
    }

    @Test
    @DisplayName("one class per event, named from the detail-type, implementing the sealed family interface")
    void eventClasses() throws Exception {
        Class<?> family = type("UserEvent");
        assertThat(family.isSealed()).isTrue();
        assertThat(family.getPermittedSubclasses()).extracting(Class::getSimpleName)
                .containsExactly("UserAccountCreated", "UserAccountDeleted", "UserAccountUpdated");
        Class<?> created = type("UserAccountCreated");
        assertThat(created.getField("SOURCE").get(null)).isEqualTo("com.example.user-service");
        assertThat(created.getField("DETAIL_TYPE").get(null)).isEqualTo("User Account Created");
        assertThat(created.getField("SCHEMA").get(null)).isEqualTo("com/example/events/schemas/user-account-created.json");
        assertThat(code.output.resources()).containsKey("com/example/events/schemas/user-account-created.json")
                .containsKey("com/example/events/schemas/common/profile.json");
    }

    @Test
    @DisplayName("immutable classes: final, private final fields, no setters")
    void immutability() {
        for (String name : List.of("UserAccountCreated", "UserAccountUpdated", "UserAccountDeleted", "Profile")) {
            Class<?> c = type(name);
            assertThat(Modifier.isFinal(c.getModifiers())).as(name + " is final").isTrue();
            assertThat(c.getDeclaredFields()).filteredOn(f -> !Modifier.isStatic(f.getModifiers()))
                    .allSatisfy(f -> assertThat(Modifier.isPrivate(f.getModifiers()) && Modifier.isFinal(f.getModifiers()))
                            .as(name + "." + f.getName()).isTrue());
            assertThat(c.getMethods()).extracting(Method::getName).noneMatch(m -> m.startsWith("set"));
        }
    }

    @Test
    @DisplayName("every example of every event survives a JSON round trip unchanged")
    void roundTrip() throws Exception {
        for (String file : List.of("user-account-created.json", "user-account-updated.json", "user-account-deleted.json")) {
            JsonNode schema = mapper.readTree(Files.readString(Fixtures.CONTRACT.resolve(file)));
            String className = Identifiers.typeName(schema.get("x-amazon-events-detail-type").asText());
            for (JsonNode example : schema.get("examples")) {
                Object event = mapper.treeToValue(example, type(className));
                assertThat(mapper.readTree(mapper.writeValueAsString(event))).as(file).isEqualTo(example);
                assertThat(mapper.readValue(mapper.writeValueAsString(event), type(className))).isEqualTo(event);
            }
        }
    }

    @Test
    @DisplayName("sets (uniqueItems) are copied on the way in, keep their order and cannot be changed")
    void collectionsAreCopied() throws Exception {
        Object builder = type("UserAccountDeleted").getMethod("builder").invoke(null);
        Class<?> created = type("UserAccountCreated");
        JsonNode example = mapper.readTree(Files.readString(Fixtures.CONTRACT.resolve("user-account-created.json")))
                .get("examples").get(0);
        Object event = mapper.treeToValue(example, created);
        Object b = created.getMethod("toBuilder").invoke(event);
        Set<Object> roles = new LinkedHashSet<>((Set<?>) created.getMethod("roles").invoke(event));
        assertThat(roles).extracting(Object::toString).containsExactly("member", "admin");
        b.getClass().getMethod("roles", Set.class).invoke(b, roles);
        Object copy = b.getClass().getMethod("build").invoke(b);
        roles.clear();
        assertThat((Set<?>) created.getMethod("roles").invoke(copy)).hasSize(2);
        assertThatThrownBy(() -> ((Set<?>) created.getMethod("roles").invoke(copy)).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(builder).isNotNull();
    }

    @Test
    @DisplayName("build() names every missing required property")
    void requiredProperties() throws Exception {
        Class<?> deleted = type("UserAccountDeleted");
        Object builder = deleted.getMethod("builder").invoke(null);
        builder.getClass().getMethod("userId", UUID.class).invoke(builder, UUID.randomUUID());
        assertThatThrownBy(() -> builder.getClass().getMethod("build").invoke(builder))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UserAccountDeleted is missing required properties: deletedAt reason");
    }

    @Test
    @DisplayName("x-sensitive values never appear in toString")
    void sensitiveValuesAreMasked() throws Exception {
        JsonNode example = mapper.readTree(Files.readString(Fixtures.CONTRACT.resolve("user-account-created.json")))
                .get("examples").get(0);
        String text = mapper.treeToValue(example, type("UserAccountCreated")).toString();
        assertThat(text).contains("username=ada.lovelace").contains("email=****")
                .doesNotContain("ada@example.com").doesNotContain("1815-12-10");
    }

    @Test
    @DisplayName("enums keep their JSON values and reject unknown ones by name")
    void enums() throws Exception {
        Class<?> reason = type("Reason");
        assertThat(reason.getEnumConstants()).extracting(Object::toString)
                .containsExactly("user-requested", "inactive", "fraud-detected", "policy-violation", "in-progress-merge",
                        "_UNRECOGNISED");
        assertThat(((Enum<?>) reason.getEnumConstants()[4]).name()).isEqualTo("IN_PROGRESS_MERGE");
        assertThatThrownBy(() -> reason.getMethod("fromValue", String.class).invoke(null, "bored"))
                .cause().hasMessage("'bored' is not a Reason; expected one of [user-requested, inactive, fraud-detected,"
                        + " policy-violation, in-progress-merge]");
    }
}

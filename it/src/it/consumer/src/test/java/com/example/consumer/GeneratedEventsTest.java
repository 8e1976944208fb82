package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.consumer.events.Profile;
import com.example.consumer.events.Reason;
import com.example.consumer.events.Role;
import com.example.consumer.events.UserAccountCreated;
import com.example.consumer.events.UserAccountDeleted;
import com.example.consumer.events.UserEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a consumer team checks of the classes generated from the contract jar. */
class GeneratedEventsTest {

    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    JsonNode example(String schema) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(schema)) {
            return mapper.readTree(in).get("examples").get(0);
        }
    }

    @Test
    void theExampleSurvivesARoundTrip() throws Exception {
        JsonNode example = example(UserAccountCreated.SCHEMA);
        UserAccountCreated event = mapper.treeToValue(example, UserAccountCreated.class);
        assertThat(mapper.readTree(mapper.writeValueAsString(event))).isEqualTo(example);
        assertThat(event.profile().displayName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void eventsKnowWhereTheyGo() {
        assertThat(UserAccountCreated.SOURCE).isEqualTo("com.example.user-service");
        assertThat(UserAccountDeleted.DETAIL_TYPE).isEqualTo("User Account Deleted");
        assertThat(UserEvent.class.getPermittedSubclasses()).hasSize(3);
    }

    @Test
    void theBuilderChecksRequiredProperties() {
        assertThatThrownBy(() -> UserAccountDeleted.builder().userId(UUID.randomUUID()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("UserAccountDeleted is missing required properties: deletedAt reason");
    }

    @Test
    void collectionsCannotBeChangedFromOutside() {
        Set<Role> roles = new LinkedHashSet<>(List.of(Role.MEMBER));
        UserAccountCreated event = UserAccountCreated.builder().userId(UUID.randomUUID()).username("ada")
                .email("ada@example.com").createdAt(Instant.parse("2026-11-28T12:00:00Z"))
                .profile(Profile.builder().displayName("Ada").locale("en").build())
                .roles(roles).build();
        roles.clear();
        assertThat(event.roles()).hasSize(1);
        assertThatThrownBy(() -> event.roles().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sensitiveValuesStayOutOfLogs() {
        UserAccountDeleted deleted = UserAccountDeleted.builder().userId(UUID.randomUUID())
                .deletedAt(Instant.now()).reason(Reason.IN_PROGRESS_MERGE).build();
        assertThat(deleted.toBuilder().build()).isEqualTo(deleted);
        UserAccountCreated created = UserAccountCreated.builder().userId(UUID.randomUUID()).username("ada")
                .email("secret@example.com").createdAt(Instant.now())
                .profile(Profile.builder().displayName("Ada").locale("en").build())
                .roles(java.util.Set.of()).build();
        assertThat(created.toString()).doesNotContain("secret@example.com").contains("email=****");
    }

    @Test
    void everyEventBelongsToTheSealedFamily() {
        UserEvent event = UserAccountDeleted.builder().userId(UUID.randomUUID()).deletedAt(Instant.now())
                .reason(Reason.INACTIVE).build();
        assertThat(event.eventDetailType()).isEqualTo("User Account Deleted");
        assertThat(event.eventSchema()).isEqualTo(UserAccountDeleted.SCHEMA);
    }
}

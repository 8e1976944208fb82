package com.example.userservice;

import com.example.userservice.events.ChangedField;
import com.example.userservice.events.Profile;
import com.example.userservice.events.Reason;
import com.example.userservice.events.Role;
import com.example.userservice.events.UserAccountCreated;
import com.example.userservice.events.UserAccountDeleted;
import com.example.userservice.events.UserAccountUpdated;
import com.example.userservice.events.UserEvent;
import com.example.userservice.events.UserEventPublisher;
import io.github.usereventbus.runtime.EventBridgePublisher;
import io.github.usereventbus.runtime.EventPublisher;
import io.github.usereventbus.runtime.LocalEventBus;
import io.github.usereventbus.runtime.PublishResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The user service of the demo: publishes an account's life (created, updated, deleted) through the
 * generated, typed publisher. Without {@code demo.endpoint} it publishes on the embedded local bus and
 * shows which subscriptions received what; with it, it publishes to that EventBridge endpoint (moto
 * server or AWS) on the bus {@code demo.bus}.
 */
public final class Demo {

    private Demo() {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        String endpoint = System.getProperty("demo.endpoint", "");
        String bus = System.getProperty("demo.bus", "user-event-bus");
        LocalEventBus local = endpoint.isBlank() ? localBusWithSubscribers() : null;
        EventPublisher runtime = local != null ? local
                : EventBridgePublisher.builder().eventBusName(bus).endpointOverride(URI.create(endpoint)).build();
        System.out.println(local != null ? "Publishing on the embedded local bus"
                : "Publishing to " + endpoint + " on the bus " + bus);

        UUID userId = UUID.randomUUID();
        Instant now = Instant.now();
        List<UserEvent> life = List.of(
                UserAccountCreated.builder().userId(userId).username("ada.lovelace").email("ada@example.com")
                        .createdAt(now).profile(Profile.builder().displayName("Ada Lovelace").locale("en-GB").build())
                        .roles(Set.of(Role.MEMBER)).build(),
                UserAccountUpdated.builder().userId(userId).updatedAt(now.plusSeconds(60)).revision(2L)
                        .changedFields(List.of(ChangedField.ROLES)).roles(new LinkedHashSet<>(List.of(Role.MEMBER, Role.ADMIN))).build(),
                UserAccountDeleted.builder().userId(userId).deletedAt(now.plusSeconds(120))
                        .reason(Reason.USER_REQUESTED).dataRetentionDays(30).build());

        try (UserEventPublisher publisher = new UserEventPublisher(runtime)) {
            for (PublishResult result : publisher.publishAll(life)) {
                System.out.println("sent  " + result.event().event() + "\n      -> " + result);
            }
        }
        if (local != null) {
            for (LocalEventBus.Delivery delivery : local.deliveries()) {
                // a subscriber sees the whole envelope; here only what identifies it, since details hold personal data
                JsonNode envelope = JSON.readTree(delivery.envelope());
                System.out.println("subscription '" + delivery.subscription() + "' received "
                        + envelope.get("detail-type").asText() + " " + envelope.get("id").asText());
            }
        }
    }

    /** Two teams subscribe: the mailer to everything, the privacy team only to deletions. */
    private static LocalEventBus localBusWithSubscribers() {
        LocalEventBus bus = LocalEventBus.builder().build();
        bus.subscribe("mailer", "{\"source\":[\"" + UserAccountCreated.SOURCE + "\"]}", envelope -> { });
        bus.subscribe("privacy-erasure", "{\"detail-type\":[\"" + UserAccountDeleted.DETAIL_TYPE + "\"]}",
                envelope -> { });
        return bus;
    }
}

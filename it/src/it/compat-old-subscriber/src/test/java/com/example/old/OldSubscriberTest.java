package com.example.old;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.old.events.Plan;
import com.example.old.events.UserEventDispatcher;
import com.example.old.events.UserEventHandler;
import com.example.old.events.UserRegistered;
import io.github.usereventbus.runtime.BusEvent;
import io.github.usereventbus.runtime.Envelope;
import io.github.usereventbus.runtime.LocalEventBus;
import io.github.usereventbus.runtime.OutgoingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A subscriber on contract 1.0.0; the producer publishes under 1.1.0, validated against 1.1.0's schemas. */
class OldSubscriberTest {

    static final UUID USER = UUID.fromString("6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22");

    @Test
    void readsWhatANewerProducerPublishes() {
        List<String> seen = new ArrayList<>();
        UserEventHandler handler = new UserEventHandler() {
            @Override
            public void onUserRegistered(Envelope<UserRegistered> envelope) {
                UserRegistered detail = envelope.detail();
                seen.add(detail.email() + " " + detail.plan() + " nickname=" + detail.nickname());
            }

            @Override
            public void onUnknownEvent(Envelope<BusEvent> envelope) {
                seen.add("unknown " + envelope.detailType());
            }
        };
        try (LocalEventBus bus = LocalEventBus.builder().build()) {
            // the subscriber's rule takes every event of the source, as a family rule written by hand would
            bus.subscribe("old-subscriber", "{\"source\":[\"com.example.accounts\"]}",
                    json -> UserEventDispatcher.tolerant().dispatch(json, handler));
            bus.publish(List.of(
                    OutgoingEvent.of(com.example.newer.events.UserRegistered.builder().userId(USER)
                            .email("ada@example.com").name("Ada").locale("en-GB")
                            .plan(com.example.newer.events.Plan.TEAM).build()),
                    OutgoingEvent.of(com.example.newer.events.UserRegistered.builder().userId(USER)
                            .email("bob@example.com").plan(com.example.newer.events.Plan.PRO).build()),
                    OutgoingEvent.of(com.example.newer.events.UserVerified.builder().userId(USER)
                            .verifiedAt(Instant.parse("2026-11-29T10:00:00Z")).build())));
        }
        assertThat(seen).containsExactly("ada@example.com _UNRECOGNISED nickname=null",
                "bob@example.com pro nickname=null", "unknown User Verified");
        assertThat(Plan.fromValue("pro")).isEqualTo(Plan.PRO);
    }
}

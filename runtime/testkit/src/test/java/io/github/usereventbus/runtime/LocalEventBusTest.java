package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The local event bus")
class LocalEventBusTest {

    final LocalEventBus bus = LocalEventBus.builder().account("111122223333").region("eu-west-1")
            .clock(Clock.fixed(Instant.parse("2026-11-28T12:00:00.123Z"), ZoneOffset.UTC)).build();

    @Test
    @DisplayName("builds real EventBridge envelopes and delivers them to matching subscriptions only")
    void envelopesAndPatterns() throws Exception {
        List<String> all = new ArrayList<>();
        List<String> onlyNote7 = new ArrayList<>();
        bus.subscribe("all-notes", "{\"source\":[\"com.example.notes\"]}", all::add);
        bus.subscribe("note-7", "{\"detail\":{\"text\":[\"note 7\"]}}", onlyNote7::add);
        bus.subscribe("other", "{\"source\":[{\"prefix\":\"com.other\"}]}", e -> all.add("wrong: " + e));
        List<PublishResult> results = bus.publish(List.of(OutgoingEvent.of(NotePosted.of(1)),
                OutgoingEvent.of(NotePosted.of(7)).withResources(List.of("arn:x"))));
        assertThat(all).hasSize(2).noneMatch(e -> e.startsWith("wrong"));
        assertThat(onlyNote7).hasSize(1);
        JsonNode envelope = new ObjectMapper().readTree(onlyNote7.get(0));
        assertThat(envelope.get("id").asText()).isEqualTo(results.get(1).eventId());
        assertThat(envelope.get("version").asText()).isEqualTo("0");
        assertThat(envelope.get("detail-type").asText()).isEqualTo("Note Posted");
        assertThat(envelope.get("account").asText()).isEqualTo("111122223333");
        assertThat(envelope.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(envelope.get("time").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(envelope.get("resources").get(0).asText()).isEqualTo("arn:x");
        assertThat(envelope.get("detail").get("text").asText()).isEqualTo("note 7");
        assertThat(bus.published()).hasSize(2);
        assertThat(bus.deliveries()).extracting(LocalEventBus.Delivery::subscription)
                .containsExactly("all-notes", "all-notes", "note-7");
    }

    @Test
    @DisplayName("refuses invalid patterns and invalid events like EventBridge would")
    void refusals() {
        assertThatThrownBy(() -> bus.subscribe("bad", "{\"source\":\"not-an-array\"}", e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("invalid event pattern for subscription 'bad'");
        assertThatThrownBy(() -> bus.publish(List.of(OutgoingEvent.of(new NotePosted("x", "y", null)))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("/noteId");
        assertThat(bus.published()).isEmpty();
    }

    @Test
    @DisplayName("a subscriber's exception fails the publish, after every matching subscription had the event")
    void failingSubscriber() {
        List<String> others = new ArrayList<>();
        bus.subscribe("a-broken", "{\"source\":[\"com.example.notes\"]}", e -> {
            throw new IllegalArgumentException("handler bug");
        });
        bus.subscribe("b-fine", "{\"source\":[\"com.example.notes\"]}", others::add);
        assertThatThrownBy(() -> bus.publish(NotePosted.of(1)))
                .isInstanceOfSatisfying(LocalEventBus.SubscriberFailedException.class, e -> {
                    assertThat(e).hasMessage("1 subscriber(s) failed: subscription 'a-broken' threw"
                            + " java.lang.IllegalArgumentException: handler bug");
                    assertThat(e.failures()).extracting(LocalEventBus.SubscriberFailure::subscription)
                            .containsExactly("a-broken");
                    assertThat(e).hasCauseInstanceOf(IllegalArgumentException.class);
                });
        assertThat(others).hasSize(1);
        assertThat(bus.published()).hasSize(1);
    }

    @Test
    @DisplayName("with lenient subscribers a failure is kept for inspection and the publish succeeds")
    void lenientSubscribers() {
        LocalEventBus lenient = LocalEventBus.builder().lenientSubscribers(true).build();
        lenient.subscribe("broken", "{\"source\":[\"com.example.notes\"]}", e -> {
            throw new IllegalStateException("handler bug");
        });
        assertThat(lenient.publish(NotePosted.of(1)).succeeded()).isTrue();
        assertThat(lenient.subscriberFailures()).singleElement()
                .satisfies(f -> assertThat(f.error()).hasMessage("handler bug"));
    }
}

package com.example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.subscriber.events.Profile;
import com.example.subscriber.events.Reason;
import com.example.subscriber.events.Role;
import com.example.subscriber.events.UserAccountCreated;
import com.example.subscriber.events.UserAccountDeleted;
import com.example.subscriber.events.UserAccountUpdated;
import com.example.subscriber.events.ChangedField;
import com.example.subscriber.events.UserEvent;
import com.example.subscriber.events.UserEventDispatcher;
import com.example.subscriber.events.UserEventHandler;
import com.example.subscriber.events.UserEventPatterns;
import io.github.usereventbus.runtime.BusEvent;
import io.github.usereventbus.runtime.Envelope;
import io.github.usereventbus.runtime.EnvelopeException;
import io.github.usereventbus.runtime.Envelopes;
import io.github.usereventbus.runtime.InvalidEventException;
import io.github.usereventbus.runtime.LocalEventBus;
import io.github.usereventbus.runtime.OutgoingEvent;
import io.github.usereventbus.runtime.SampleEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Ruler;

/** A subscriber team's tests, written against the generated subscriber API only. */
class SubscriberTest {

    static final UUID USER = UUID.fromString("6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22");
    static final UserAccountCreated CREATED = UserAccountCreated.builder().userId(USER).username("ada")
            .email("ada@example.com").createdAt(Instant.parse("2026-11-28T12:00:00Z"))
            .profile(Profile.builder().displayName("Ada").locale("en-GB").build()).roles(java.util.Set.of(Role.MEMBER)).build();
    static final UserAccountUpdated UPDATED = UserAccountUpdated.builder().userId(USER)
            .updatedAt(Instant.parse("2026-11-28T13:00:00Z")).revision(2L).changedFields(List.of(ChangedField.EMAIL))
            .email("ada@example.org").build();
    static final UserAccountDeleted DELETED = UserAccountDeleted.builder().userId(USER)
            .deletedAt(Instant.parse("2026-11-29T08:00:00Z")).reason(Reason.FRAUD_DETECTED).build();

    /** Handles every event type by recording it. */
    static final class Recorder implements UserEventHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onUserAccountCreated(Envelope<UserAccountCreated> envelope) {
            seen.add("created " + envelope.detail().username());
        }

        @Override
        public void onUserAccountUpdated(Envelope<UserAccountUpdated> envelope) {
            seen.add("updated " + envelope.detail().revision());
        }

        @Override
        public void onUserAccountDeleted(Envelope<UserAccountDeleted> envelope) {
            seen.add("deleted " + envelope.detail().reason());
        }

        @Override
        public void onUnknownEvent(Envelope<BusEvent> envelope) {
            seen.add("unknown " + envelope.detailType());
        }
    }

    @Test
    void parsesAFullEnvelopeIntoATypedOne() {
        String json = Envelopes.of(DELETED, "e-1", Instant.parse("2026-11-29T08:00:01Z"), "111122223333", "eu-west-1",
                List.of("arn:aws:iam::111122223333:user/ada"));
        Envelope<BusEvent> envelope = UserEventDispatcher.tolerant().parse(json);
        assertThat(envelope.id()).isEqualTo("e-1");
        assertThat(envelope.account()).isEqualTo("111122223333");
        assertThat(envelope.region()).isEqualTo("eu-west-1");
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-29T08:00:01Z"));
        assertThat(envelope.resources()).containsExactly("arn:aws:iam::111122223333:user/ada");
        assertThat(envelope.replayName()).isNull();
        assertThat(envelope.detail()).isEqualTo(DELETED);
    }

    @Test
    void dispatchesEveryEventToItsMethod() {
        Recorder recorder = new Recorder();
        UserEventDispatcher dispatcher = UserEventDispatcher.tolerant();
        for (UserEvent event : List.of(CREATED, UPDATED, DELETED)) {
            dispatcher.dispatch(Envelopes.of(event), recorder);
        }
        assertThat(recorder.seen).containsExactly("created ada", "updated 2", "deleted fraud-detected");
    }

    @Test
    void toleratesNewFieldsAndNewEventsByDefault() {
        String withNewField = Envelopes.of(DELETED).replace("\"reason\":", "\"ticket\":\"T-1\",\"reason\":");
        String newEvent = Envelopes.of(DELETED).replace("User Account Deleted", "User Account Suspended");
        Recorder recorder = new Recorder();
        UserEventDispatcher.tolerant().dispatch(withNewField, recorder);
        UserEventDispatcher.tolerant().dispatch(newEvent, recorder);
        assertThat(recorder.seen).containsExactly("deleted fraud-detected", "unknown User Account Suspended");
    }

    @Test
    void readsAnEnumValueAddedByANewerContractAsUnrecognised() {
        String newValue = Envelopes.of(DELETED).replace("fraud-detected", "account-merged");
        Recorder recorder = new Recorder();
        UserEventDispatcher.tolerant().dispatch(newValue, recorder);
        assertThat(recorder.seen).containsExactly("deleted _UNRECOGNISED");
        Envelope<BusEvent> envelope = UserEventDispatcher.tolerant().parse(newValue);
        assertThat(((UserAccountDeleted) envelope.detail()).reason()).isEqualTo(Reason._UNRECOGNISED);
        assertThatThrownBy(() -> UserEventDispatcher.strict().parse(newValue))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("'account-merged' is not a Reason");
        assertThatThrownBy(() -> UserEventDispatcher.create(false, true).parse(newValue))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("breaks its schema: /reason");
    }

    @Test
    void generatedSamplesAreValidEventsThatEveryHandlerReads() {
        List<UserAccountCreated> samples = SampleEvents.generated(UserAccountCreated.class);
        assertThat(samples).hasSize(10).doesNotHaveDuplicates();
        // optional properties vary: some samples have a referral code, some do not
        assertThat(samples).anyMatch(e -> e.referralCode() == null).anyMatch(e -> e.referralCode() != null);
        Recorder recorder = new Recorder();
        try (LocalEventBus bus = LocalEventBus.builder().build()) {
            bus.subscribe("all", UserEventPatterns.ALL_EVENTS,
                    json -> UserEventDispatcher.strict().dispatch(json, recorder));
            for (UserAccountCreated sample : samples) {
                assertThat(bus.publish(List.of(OutgoingEvent.of(sample))).get(0).succeeded()).isTrue();
            }
        }
        assertThat(recorder.seen).hasSize(10).allMatch(line -> line.startsWith("created "));
        assertThat(SampleEvents.generated(UserAccountDeleted.class)).hasSize(10);
    }

    @Test
    void anUnrecognisedValueIsNeverPublished() {
        UserAccountDeleted relayed = DELETED.toBuilder().reason(Reason._UNRECOGNISED).build();
        try (LocalEventBus bus = LocalEventBus.builder().build()) {
            assertThatThrownBy(() -> bus.publish(List.of(OutgoingEvent.of(relayed))))
                    .isInstanceOf(InvalidEventException.class).hasMessageContaining("/reason");
            assertThat(bus.published()).isEmpty();
        }
    }

    @Test
    void aHandlerOverridesOnlyWhatItHandles() {
        List<String> seen = new ArrayList<>();
        UserEventHandler deletionsOnly = new UserEventHandler() {
            @Override
            public void onUserAccountDeleted(Envelope<UserAccountDeleted> envelope) {
                seen.add("deleted " + envelope.detail().reason());
            }

            @Override
            public void onUnhandled(Envelope<? extends UserEvent> envelope) {
                seen.add("unhandled " + envelope.detailType());
            }
        };
        for (UserEvent event : List.of(CREATED, DELETED)) {
            UserEventDispatcher.tolerant().dispatch(Envelopes.of(event), deletionsOnly);
        }
        assertThat(seen).containsExactly("unhandled User Account Created", "deleted fraud-detected");
        UserEventDispatcher.tolerant().dispatch(Envelopes.of(UPDATED), new UserEventHandler() { });
    }

    @Test
    void strictModeRefusesThem() {
        String withNewField = Envelopes.of(DELETED).replace("\"reason\":", "\"ticket\":\"T-1\",\"reason\":");
        String newEvent = Envelopes.of(DELETED).replace("User Account Deleted", "User Account Suspended");
        assertThatThrownBy(() -> UserEventDispatcher.strict().parse(withNewField))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("ticket");
        assertThatThrownBy(() -> UserEventDispatcher.strict().parse(newEvent))
                .isInstanceOf(EnvelopeException.class)
                .hasMessageStartingWith("unknown event 'User Account Suspended' from 'com.example.user-service'");
    }

    @Test
    void validatesOnReceiptWhenAsked() {
        String badUuid = Envelopes.of(DELETED).replace(USER.toString(), "not-a-uuid");
        assertThatThrownBy(() -> UserEventDispatcher.create(false, true).parse(badUuid))
                .isInstanceOf(EnvelopeException.class).hasMessageContaining("breaks its schema: /userId");
        assertThatThrownBy(() -> UserEventDispatcher.tolerant().parse("{\"id\":\"x\"}"))
                .isInstanceOf(EnvelopeException.class)
                .hasMessage("not an EventBridge envelope: it lacks detail-type, source, time, detail");
    }

    @Test
    void eachPatternMatchesItsOwnEventsAndNoOthers() throws Exception {
        Map<String, UserEvent> byPattern = Map.of(UserEventPatterns.USER_ACCOUNT_CREATED, CREATED,
                UserEventPatterns.USER_ACCOUNT_UPDATED, UPDATED, UserEventPatterns.USER_ACCOUNT_DELETED, DELETED);
        for (var pattern : byPattern.entrySet()) {
            for (UserEvent event : List.of(CREATED, UPDATED, DELETED)) {
                assertThat(Ruler.matchesRule(Envelopes.of(event), pattern.getKey()))
                        .as(pattern.getKey() + " on " + event.eventDetailType())
                        .isEqualTo(event == pattern.getValue());
            }
            assertThat(Ruler.matchesRule(Envelopes.of(pattern.getValue()), UserEventPatterns.ALL_EVENTS)).isTrue();
        }
    }

    @Test
    void typedNarrowingGivesValidPatterns() throws Exception {
        String fraudOnly = UserEventPatterns.userAccountDeleted().reason(Reason.FRAUD_DETECTED).toJson();
        assertThat(fraudOnly).isEqualTo("{\"source\":[\"com.example.user-service\"],\"detail-type\":[\"User Account"
                + " Deleted\"],\"detail\":{\"reason\":[\"fraud-detected\"]}}");
        assertThat(Ruler.matchesRule(Envelopes.of(DELETED), fraudOnly)).isTrue();
        UserAccountDeleted inactive = DELETED.toBuilder().reason(Reason.INACTIVE).build();
        assertThat(Ruler.matchesRule(Envelopes.of(inactive), fraudOnly)).isFalse();
        String operatorDeletions = UserEventPatterns.userAccountDeleted().deletedByExists(true)
                .dataRetentionDays(0, 30).toJson();
        assertThat(Ruler.matchesRule(Envelopes.of(DELETED), operatorDeletions)).isFalse();
        assertThat(Ruler.matchesRule(Envelopes.of(DELETED.toBuilder().deletedBy("op-7").dataRetentionDays(30).build()),
                operatorDeletions)).isTrue();
    }

    @Test
    void envelopesForTestsLookLikeEventBridgeOnes() {
        Envelope<BusEvent> envelope = UserEventDispatcher.strict().parse(Envelopes.of(CREATED));
        assertThat(envelope.id()).hasSize(36);
        assertThat(envelope.account()).isEqualTo("123456789012");
        assertThat(envelope.source()).isEqualTo(UserAccountCreated.SOURCE);
        assertThat(envelope.detail()).isEqualTo(CREATED);
    }
}

package com.example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.subscriber.events.Profile;
import com.example.subscriber.events.Reason;
import com.example.subscriber.events.Role;
import com.example.subscriber.events.UserAccountCreated;
import com.example.subscriber.events.UserAccountDeleted;
import com.example.subscriber.events.UserAccountUpdated;
import com.example.subscriber.events.UserEventDispatcher;
import com.example.subscriber.events.UserEventHandler;
import com.example.subscriber.events.UserEventPatterns;
import com.example.subscriber.events.UserEventPublisher;
import io.github.usereventbus.runtime.BusEvent;
import io.github.usereventbus.runtime.Envelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.usereventbus.runtime.PublishResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * End to end on moto server: a custom bus, a rule for one event with an SQS queue as its target, events
 * published through the generated facade; the queue receives exactly the published detail.
 */
class MotoRoundTripTest {

    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aRuleRoutesOnlyItsEventToSqsWithExactlyThePublishedDetail() throws Exception {
        try (Moto moto = Moto.start()) {
            // rules from generated patterns: every deletion, and (a narrowed one) only inactivity deletions
            Moto.Queue deletions = moto.queue("deletions");
            moto.route("deletions", UserEventPatterns.USER_ACCOUNT_DELETED, deletions);
            Moto.Queue inactiveQueue = moto.queue("inactive");
            moto.route("inactive", UserEventPatterns.userAccountDeleted().reason(Reason.INACTIVE).toJson(), inactiveQueue);
            SqsClient sqs = moto.sqs;
            String queueUrl = deletions.url();
            String inactiveUrl = inactiveQueue.url();

            UUID userId = UUID.randomUUID();
            UserAccountCreated created = UserAccountCreated.builder().userId(userId).username("grace")
                    .email("grace@example.com").createdAt(Instant.parse("2026-11-28T12:00:00Z"))
                    .profile(Profile.builder().displayName("Grace").locale("en-US").build())
                    .roles(java.util.Set.of(Role.MEMBER)).build();
            UserAccountDeleted deleted = UserAccountDeleted.builder().userId(userId)
                    .deletedAt(Instant.parse("2026-11-29T08:00:00Z")).reason(Reason.FRAUD_DETECTED).build();

            UserAccountDeleted inactive = UserAccountDeleted.builder().userId(UUID.randomUUID())
                    .deletedAt(Instant.parse("2026-11-30T08:00:00Z")).reason(Reason.INACTIVE).build();
            List<PublishResult> results;
            try (UserEventPublisher publisher = new UserEventPublisher(moto.publisher().build())) {
                results = publisher.publishAll(List.of(created, deleted));
                publisher.publishUserAccountDeleted(inactive);
            }
            assertThat(results).allMatch(PublishResult::succeeded);

            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 5 && messages.size() < 2; i++) {
                messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
                        .maxNumberOfMessages(10)).messages());
            }
            assertThat(messages).hasSize(2);
            messages.removeIf(m -> !m.body().contains(results.get(1).eventId()));
            JsonNode envelope = mapper.readTree(messages.get(0).body());
            assertThat(envelope.get("id").asText()).isEqualTo(results.get(1).eventId());
            assertThat(envelope.get("detail-type").asText()).isEqualTo("User Account Deleted");
            assertThat(envelope.get("detail")).isEqualTo(mapper.readTree(mapper.writeValueAsString(deleted)));
            assertThat(mapper.treeToValue(envelope.get("detail"), UserAccountDeleted.class)).isEqualTo(deleted);

            // the subscriber side: the message parses into the right typed event, equal to what was published
            Envelope<BusEvent> parsed = UserEventDispatcher.strict().parse(messages.get(0).body());
            assertThat(parsed.detail()).isEqualTo(deleted);
            List<Object> handled = new ArrayList<>();
            UserEventDispatcher.tolerant().dispatch(messages.get(0).body(), new UserEventHandler() {
                @Override
                public void onUserAccountCreated(Envelope<UserAccountCreated> e) {
                    handled.add(e.detail());
                }

                @Override
                public void onUserAccountUpdated(Envelope<UserAccountUpdated> e) {
                    handled.add(e.detail());
                }

                @Override
                public void onUserAccountDeleted(Envelope<UserAccountDeleted> e) {
                    handled.add(e.detail());
                }
            });
            assertThat(handled).containsExactly(deleted);
            List<Message> inactiveOnly = sqs.receiveMessage(b -> b.queueUrl(inactiveUrl).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages();
            assertThat(inactiveOnly).as("the narrowed rule matches inactivity deletions only").hasSize(1);
            assertThat(UserEventDispatcher.strict().parse(inactiveOnly.get(0).body()).detail()).isEqualTo(inactive);
        }
    }
}

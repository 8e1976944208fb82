package com.example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import io.github.usereventbus.runtime.EventBridgePublisher;
import io.github.usereventbus.runtime.PublishResult;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * End to end on moto server: a custom bus, a rule for one event with an SQS queue as its target, events
 * published through the generated facade; the queue receives exactly the published detail.
 */
class MotoRoundTripTest {

    final String endpoint = System.getProperty("moto.endpoint", "");
    final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aRuleRoutesOnlyItsEventToSqsWithExactlyThePublishedDetail() throws Exception {
        assumeTrue(!endpoint.isBlank(), "moto.endpoint is not set: start moto server (see .ci/run)");
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String busName = "user-event-bus-" + suffix;
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(endpoint))
                        .region(Region.US_EAST_1).credentialsProvider(credentials).build();
                SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(endpoint))
                        .region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            events.createEventBus(b -> b.name(busName));
            String queueUrl = sqs.createQueue(b -> b.queueName("deletions-" + suffix)).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            // rules from generated patterns: every deletion, and (a narrowed one) only inactivity deletions
            events.putRule(b -> b.name("deletions").eventBusName(busName)
                    .eventPattern(UserEventPatterns.USER_ACCOUNT_DELETED));
            events.putTargets(b -> b.rule("deletions").eventBusName(busName)
                    .targets(Target.builder().id("queue").arn(queueArn).build()));
            String inactiveUrl = sqs.createQueue(b -> b.queueName("inactive-" + suffix)).queueUrl();
            String inactiveArn = sqs.getQueueAttributes(b -> b.queueUrl(inactiveUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            events.putRule(b -> b.name("inactive").eventBusName(busName)
                    .eventPattern(UserEventPatterns.userAccountDeleted().reason(Reason.INACTIVE).toJson()));
            events.putTargets(b -> b.rule("inactive").eventBusName(busName)
                    .targets(Target.builder().id("queue").arn(inactiveArn).build()));

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
            try (UserEventPublisher publisher = new UserEventPublisher(EventBridgePublisher.builder()
                    .eventBusName(busName).endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).build())) {
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

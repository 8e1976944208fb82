package com.example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.subscriber.events.Profile;
import com.example.subscriber.events.Reason;
import com.example.subscriber.events.Role;
import com.example.subscriber.events.UserAccountCreated;
import com.example.subscriber.events.UserAccountDeleted;
import com.example.subscriber.events.UserEventPublisher;
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
            String pattern = "{\"source\":[\"" + UserAccountDeleted.SOURCE + "\"],\"detail-type\":[\""
                    + UserAccountDeleted.DETAIL_TYPE + "\"]}";
            events.putRule(b -> b.name("deletions").eventBusName(busName).eventPattern(pattern));
            events.putTargets(b -> b.rule("deletions").eventBusName(busName)
                    .targets(Target.builder().id("queue").arn(queueArn).build()));

            UUID userId = UUID.randomUUID();
            UserAccountCreated created = UserAccountCreated.builder().userId(userId).username("grace")
                    .email("grace@example.com").createdAt(Instant.parse("2026-11-28T12:00:00Z"))
                    .profile(Profile.builder().displayName("Grace").locale("en-US").build())
                    .roles(List.of(Role.MEMBER)).build();
            UserAccountDeleted deleted = UserAccountDeleted.builder().userId(userId)
                    .deletedAt(Instant.parse("2026-11-29T08:00:00Z")).reason(Reason.FRAUD_DETECTED).build();

            List<PublishResult> results;
            try (UserEventPublisher publisher = new UserEventPublisher(EventBridgePublisher.builder()
                    .eventBusName(busName).endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).build())) {
                results = publisher.publishAll(List.of(created, deleted));
            }
            assertThat(results).allMatch(PublishResult::succeeded);

            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 5 && messages.isEmpty(); i++) {
                messages.addAll(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)
                        .maxNumberOfMessages(10)).messages());
            }
            assertThat(messages).hasSize(1);
            JsonNode envelope = mapper.readTree(messages.get(0).body());
            assertThat(envelope.get("id").asText()).isEqualTo(results.get(1).eventId());
            assertThat(envelope.get("detail-type").asText()).isEqualTo("User Account Deleted");
            assertThat(envelope.get("detail")).isEqualTo(mapper.readTree(mapper.writeValueAsString(deleted)));
            assertThat(mapper.treeToValue(envelope.get("detail"), UserAccountDeleted.class)).isEqualTo(deleted);
        }
    }
}

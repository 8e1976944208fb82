package com.example.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.subscriber.events.Reason;
import com.example.subscriber.events.UserAccountCreated;
import com.example.subscriber.events.UserAccountDeleted;
import com.example.subscriber.events.UserAccountUpdated;
import com.example.subscriber.events.UserEventHandler;
import com.example.subscriber.events.UserEventPatterns;
import com.example.subscriber.events.UserEventPublisher;
import io.github.usereventbus.runtime.Envelope;
import io.github.usereventbus.runtime.EventBridgePublisher;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Producer to subscriber service on moto: the facade publishes, a family rule routes to SQS, the consumer handles. */
class SqsConsumerRoundTripTest {

    final String endpoint = System.getProperty("moto.endpoint", "");

    @Test
    void theConsumerHandlesEveryEventOfTheFamilyAndEmptiesItsQueue() throws Exception {
        assumeTrue(!endpoint.isBlank(), "moto.endpoint is not set: start moto server (see .ci/run)");
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String busName = "user-event-bus-" + suffix;
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(endpoint))
                        .region(Region.US_EAST_1).credentialsProvider(credentials).build();
                SqsClient sqs = SqsClient.builder().endpointOverride(URI.create(endpoint))
                        .region(Region.US_EAST_1).credentialsProvider(credentials).build()) {
            events.createEventBus(b -> b.name(busName));
            String queueUrl = sqs.createQueue(b -> b.queueName("accounts-" + suffix)).queueUrl();
            String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            for (int i = 0; i < UserEventPatterns.ALL_EVENTS_RULES.size(); i++) {
                String rule = "accounts-" + i;
                String pattern = UserEventPatterns.ALL_EVENTS_RULES.get(i);
                events.putRule(b -> b.name(rule).eventBusName(busName).eventPattern(pattern));
                events.putTargets(b -> b.rule(rule).eventBusName(busName)
                        .targets(Target.builder().id("queue").arn(queueArn).build()));
            }

            List<String> seen = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            UserEventHandler handler = new UserEventHandler() {
                @Override
                public void onUserAccountCreated(Envelope<UserAccountCreated> e) {
                    seen.add("created " + e.id());
                    two.countDown();
                }

                @Override
                public void onUserAccountUpdated(Envelope<UserAccountUpdated> e) {
                    seen.add("updated " + e.id());
                    two.countDown();
                }

                @Override
                public void onUserAccountDeleted(Envelope<UserAccountDeleted> e) {
                    seen.add("deleted " + e.detail().reason().value() + " " + e.id());
                    two.countDown();
                }
            };
            UserAccountDeleted deleted = UserAccountDeleted.builder().userId(UUID.randomUUID())
                    .deletedAt(Instant.parse("2026-11-29T08:00:00Z")).reason(Reason.INACTIVE).build();
            UserAccountUpdated updated = UserAccountUpdated.builder().userId(deleted.userId())
                    .updatedAt(Instant.parse("2026-11-28T08:00:00Z")).revision(3L)
                    .changedFields(List.of(com.example.subscriber.events.ChangedField.EMAIL)).email("a@example.com").build();
            try (AccountEventsService service = new AccountEventsService(sqs, queueUrl, handler)) {
                try (UserEventPublisher publisher = new UserEventPublisher(EventBridgePublisher.builder()
                        .eventBusName(busName).endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                        .credentialsProvider(credentials).build())) {
                    var results = publisher.publishAll(List.of(updated, deleted));
                    assertThat(two.await(30, TimeUnit.SECONDS)).as("both events handled").isTrue();
                    assertThat(seen).containsExactlyInAnyOrder("updated " + results.get(0).eventId(),
                            "deleted inactive " + results.get(1).eventId());
                }
            }
            assertThat(sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages())
                    .as("handled messages are deleted").isEmpty();
        }
    }
}

package com.example.subscriber;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.usereventbus.runtime.EventBridgePublisher;
import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The moto server that .ci/run starts and names in {@code moto.endpoint}: clients, a fresh bus, queues that
 * rules route to. Without the property the tests are skipped on a developer's machine, and fail under CI,
 * where a skipped end-to-end test would prove nothing.
 */
final class Moto implements AutoCloseable {

    /** A queue, by URL for SQS calls and by ARN for rule targets. */
    record Queue(String url, String arn) {
    }

    final String endpoint;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String bus = "user-event-bus-" + suffix;
    final StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    final EventBridgeClient events;
    final SqsClient sqs;

    private Moto(String endpoint) {
        this.endpoint = endpoint;
        this.events = EventBridgeClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        this.sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        events.createEventBus(b -> b.name(bus));
    }

    static Moto start() {
        String endpoint = System.getProperty("moto.endpoint", "");
        if (endpoint.isBlank() && System.getenv("CI") != null) {
            throw new IllegalStateException("moto.endpoint is not set; .ci/run starts moto server and sets it");
        }
        assumeTrue(!endpoint.isBlank(), "moto.endpoint is not set: start moto server (see .ci/run)");
        return new Moto(endpoint);
    }

    Queue queue(String name) {
        String url = sqs.createQueue(b -> b.queueName(name + "-" + suffix)).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Queue(url, arn);
    }

    /** A rule on the bus that sends what the pattern matches to the queue. */
    void route(String rule, String pattern, Queue queue) {
        events.putRule(b -> b.name(rule).eventBusName(bus).eventPattern(pattern));
        events.putTargets(b -> b.rule(rule).eventBusName(bus).targets(Target.builder().id("queue").arn(queue.arn()).build()));
    }

    /** A publisher to the bus, as a producer would configure it for this endpoint. */
    EventBridgePublisher.Builder publisher() {
        return EventBridgePublisher.builder().eventBusName(bus).endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1).credentialsProvider(credentials);
    }

    @Override
    public void close() {
        events.close();
        sqs.close();
    }
}

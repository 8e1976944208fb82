package io.github.usereventbus.bench.coldstart;

import io.github.usereventbus.bench.Samples;
import io.github.usereventbus.bench.events.UserEventPublisher;
import io.github.usereventbus.runtime.EventBridgePublisher;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A fresh JVM publishes its first event through the generated facade (validated; the publisher's own async
 * client). A second argument picks a variant, to see where the time goes: {@code sync-client} gives the
 * publisher the SDK's synchronous client (as the hand-written peer uses), {@code no-validation} turns
 * validation off.
 */
public final class PublisherGenerated {

    private PublisherGenerated() {
    }

    public static void main(String[] args) {
        String variant = args.length > 1 ? args[1] : "";
        EventBridgePublisher.Builder builder = EventBridgePublisher.builder().eventBusName("bench")
                .validation(!variant.equals("no-validation"));
        if (variant.equals("sync-client")) {
            builder.client(EventBridgeClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build());
        } else {
            builder.endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        try (UserEventPublisher publisher = new UserEventPublisher(builder.build())) {
            publisher.publishUserAccountCreated(Samples.created(1));
            ColdStart.report();
        }
    }
}

package io.github.usereventbus.bench.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.usereventbus.bench.Samples;
import io.github.usereventbus.bench.events.UserAccountCreated;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** The peer: a fresh JVM publishes its first event with hand-written SDK code (sync client, Jackson, no validation). */
public final class PublisherHandWritten {

    private PublisherHandWritten() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try (EventBridgeClient client = EventBridgeClient.builder().endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            UserAccountCreated event = Samples.created(1);
            PutEventsResponse response = client.putEvents(r -> r.entries(PutEventsRequestEntry.builder()
                    .eventBusName("bench").source(UserAccountCreated.SOURCE).detailType(UserAccountCreated.DETAIL_TYPE)
                    .detail(writeDetail(mapper, event)).build()));
            if (response.failedEntryCount() != 0) {
                throw new IllegalStateException("not acknowledged: " + response.entries());
            }
            ColdStart.report();
        }
    }

    private static String writeDetail(ObjectMapper mapper, UserAccountCreated event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.usereventbus.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.github.usereventbus.bench.events.Profile;
import io.github.usereventbus.bench.events.Role;
import io.github.usereventbus.bench.events.UserAccountCreated;
import io.github.usereventbus.runtime.EventBridgePublisher;
import io.github.usereventbus.runtime.OutgoingEvent;
import io.github.usereventbus.runtime.PublishLimits;
import io.github.usereventbus.runtime.PublishResult;
import io.github.usereventbus.runtime.EventEntries;
import io.github.usereventbus.runtime.EventEntry;
import io.github.usereventbus.runtime.SchemaValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * Publishing 10 User Account Created events: the peer is the best hand-written AWS SDK code (Jackson
 * serialisation, one PutEvents request, a check of FailedEntryCount) on the same async client, against
 * the same loopback endpoint that acknowledges every entry. Our publisher adds schema validation, entry
 * checks, batching and result mapping; the ratio of the scores is the price of that.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
public class PublishBenchmark {

    private HttpServer server;
    private EventBridgeAsyncClient client;
    private EventBridgePublisher validating;
    private EventBridgePublisher unvalidated;
    private List<UserAccountCreated> events;
    private List<OutgoingEvent<UserAccountCreated>> outgoing;
    private EventEntries preparer;
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Setup(Level.Trial)
    public void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            int entries = count(new String(request, StandardCharsets.UTF_8));
            StringBuilder body = new StringBuilder("{\"FailedEntryCount\":0,\"Entries\":[");
            for (int i = 0; i < entries; i++) {
                body.append(i == 0 ? "" : ",").append("{\"EventId\":\"").append(UUID.randomUUID()).append("\"}");
            }
            byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = EventBridgeAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        validating = EventBridgePublisher.builder().eventBusName("bench").asyncClient(client).build();
        unvalidated = EventBridgePublisher.builder().eventBusName("bench").asyncClient(client).validation(false).build();
        events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(UserAccountCreated.builder().userId(UUID.randomUUID()).username("user" + i)
                    .email("user" + i + "@example.com").createdAt(Instant.parse("2026-11-28T12:00:00Z"))
                    .profile(Profile.builder().displayName("User " + i).locale("en-GB").timeZone("Europe/London").build())
                    .roles(java.util.Set.of(Role.MEMBER)).marketingOptIn(i % 2 == 0).build());
        }
        outgoing = events.stream().map(OutgoingEvent::of).toList();
        preparer = new EventEntries(EventEntries.defaultMapper(), new SchemaValidator(), PublishLimits.EVENTBRIDGE);
    }

    private static int count(String request) {
        int count = 0;
        for (int i = request.indexOf("\"Source\""); i >= 0; i = request.indexOf("\"Source\"", i + 1)) {
            count++;
        }
        return count;
    }

    @TearDown(Level.Trial)
    public void stop() {
        validating.close();
        unvalidated.close();
        client.close();
        server.stop(0);
    }

    /** The peer: what a careful team writes by hand with the SDK. */
    @Benchmark
    public PutEventsResponse handWrittenSdk() throws Exception {
        List<PutEventsRequestEntry> entries = new ArrayList<>(events.size());
        for (UserAccountCreated event : events) {
            entries.add(PutEventsRequestEntry.builder().eventBusName("bench").source(UserAccountCreated.SOURCE)
                    .detailType(UserAccountCreated.DETAIL_TYPE).detail(mapper.writeValueAsString(event)).build());
        }
        PutEventsResponse response = client.putEvents(PutEventsRequest.builder().entries(entries).build()).join();
        if (response.failedEntryCount() != 0) {
            throw new IllegalStateException("unexpected failures");
        }
        return response;
    }

    /** The CPU-only peer: serialising the 10 details with Jackson, as the hand-written code does. */
    @Benchmark
    public List<String> serialiseOnly() throws Exception {
        List<String> details = new ArrayList<>(events.size());
        for (UserAccountCreated event : events) {
            details.add(mapper.writeValueAsString(event));
        }
        return details;
    }

    /** Our CPU work before sending: serialise, validate against the schema, check and size each entry. */
    @Benchmark
    public List<EventEntry> prepareWithValidation() {
        return preparer.prepare(outgoing);
    }

    @Benchmark
    public List<PublishResult> publisherValidating() {
        return validating.publish(outgoing);
    }

    @Benchmark
    public List<PublishResult> publisherWithoutValidation() {
        return unvalidated.publish(outgoing);
    }
}

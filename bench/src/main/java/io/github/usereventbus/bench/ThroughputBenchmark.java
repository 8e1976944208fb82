package io.github.usereventbus.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.usereventbus.bench.events.UserAccountCreated;
import io.github.usereventbus.bench.events.UserEventPublisher;
import io.github.usereventbus.runtime.EventBridgePublisher;
import io.github.usereventbus.runtime.EventEntries;
import io.github.usereventbus.runtime.PublishResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
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
 * Events per second from 4 threads, each publishing 10 events per operation, against a loopback PutEvents
 * endpoint that answers at once: our publisher (each event published on its own through the generated
 * facade; automatic batching groups them, schema validation on) against hand-written SDK code that sends
 * 10-entry batches, and against one event per call. All three use the same async client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Threads(4)
public class ThroughputBenchmark {

    static final int EVENTS = 10;

    private LoopbackPutEvents endpoint;
    private EventBridgeAsyncClient client;
    private EventBridgePublisher publisher;
    private UserEventPublisher facade;
    private EventBridgePublisher unvalidatedPublisher;
    private EventBridgePublisher plainPublisher;
    private UserEventPublisher plain;
    private UserEventPublisher unvalidated;
    private List<UserAccountCreated> events;
    private final ObjectMapper mapper = EventEntries.defaultMapper();

    @Setup(Level.Trial)
    public void start() throws IOException {
        endpoint = new LoopbackPutEvents(4);
        client = EventBridgeAsyncClient.builder().endpointOverride(endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        publisher = EventBridgePublisher.builder().eventBusName("bench").asyncClient(client)
                .autoBatching(Duration.ofNanos(Long.getLong("bench.lingerMicros", 2_000) * 1_000), 1_000).build();
        facade = new UserEventPublisher(publisher);
        unvalidatedPublisher = EventBridgePublisher.builder().eventBusName("bench").asyncClient(client)
                .autoBatching(Duration.ofMillis(2), 1_000).validation(false).build();
        unvalidated = new UserEventPublisher(unvalidatedPublisher);
        plainPublisher = EventBridgePublisher.builder().eventBusName("bench").asyncClient(client).build();
        plain = new UserEventPublisher(plainPublisher);
        events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(Samples.created(i));
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        publisher.close();
        unvalidatedPublisher.close();
        plainPublisher.close();
        client.close();
        endpoint.close();
    }

    private PutEventsRequestEntry entry(UserAccountCreated event) throws Exception {
        return PutEventsRequestEntry.builder().eventBusName("bench").source(UserAccountCreated.SOURCE)
                .detailType(UserAccountCreated.DETAIL_TYPE).detail(mapper.writeValueAsString(event)).build();
    }

    /** The peer: what a careful team writes by hand, 10 entries per PutEvents call. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public PutEventsResponse handWrittenBatches() throws Exception {
        List<PutEventsRequestEntry> entries = new ArrayList<>(EVENTS);
        for (UserAccountCreated event : events) {
            entries.add(entry(event));
        }
        PutEventsResponse response = client.putEvents(PutEventsRequest.builder().entries(entries).build()).join();
        if (response.failedEntryCount() != 0) {
            throw new IllegalStateException("unexpected failures");
        }
        return response;
    }

    /** The naive peer: one PutEvents call per event. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int handWrittenOnePerCall() throws Exception {
        int failed = 0;
        for (UserAccountCreated event : events) {
            failed += client.putEvents(PutEventsRequest.builder().entries(entry(event)).build()).join()
                    .failedEntryCount();
        }
        if (failed != 0) {
            throw new IllegalStateException("unexpected failures");
        }
        return failed;
    }

    /** Ours: each event on its own through the generated facade; the publisher batches them. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public List<PublishResult> publisherAutoBatching() {
        return publishEach(facade);
    }

    /** Ours, each thread publishing its 10 events in one call: one request per call, as the peer does. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public List<PublishResult> publisherTenPerCall() {
        return plain.publishAll(events);
    }

    /** Ours without schema validation: what validation costs in this setting. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public List<PublishResult> publisherAutoBatchingUnvalidated() {
        return publishEach(unvalidated);
    }

    private List<PublishResult> publishEach(UserEventPublisher through) {
        List<CompletableFuture<PublishResult>> futures = new ArrayList<>(EVENTS);
        for (UserAccountCreated event : events) {
            futures.add(through.publishUserAccountCreatedAsync(event));
        }
        List<PublishResult> results = new ArrayList<>(EVENTS);
        for (CompletableFuture<PublishResult> future : futures) {
            results.add(future.join());
        }
        return results;
    }
}

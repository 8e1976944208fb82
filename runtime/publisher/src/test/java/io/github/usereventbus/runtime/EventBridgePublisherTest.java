package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.runtime.PutEventsStub.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;

@DisplayName("The EventBridge publisher, against an endpoint speaking PutEvents' wire format")
class EventBridgePublisherTest {

    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(20));

    PutEventsStub stub;
    EventBridgePublisher publisher;

    EventBridgePublisher publisherFor(PutEventsStub.Script script) throws Exception {
        stub = new PutEventsStub(script);
        publisher = EventBridgePublisher.builder()
                .eventBusName("user-event-bus")
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .retryPolicy(FAST)
                .build();
        return publisher;
    }

    @AfterEach
    void close() {
        if (publisher != null) {
            publisher.close();
        }
        if (stub != null) {
            stub.close();
        }
    }

    static List<OutgoingEvent<NotePosted>> notes(int count) {
        return IntStream.range(0, count).mapToObj(n -> OutgoingEvent.of(NotePosted.of(n))).toList();
    }

    /** Every event ends acknowledged exactly once or failed, none lost: checked against the stub's log. */
    void assertEachAcknowledgedOnce(List<PublishResult> results) {
        Set<String> ids = new HashSet<>();
        for (String[] ack : stub.acknowledged) {
            assertThat(ids.add(ack[0])).isTrue();
        }
        List<String> ackedDetails = stub.acknowledged.stream().map(a -> a[1]).toList();
        assertThat(ackedDetails).doesNotHaveDuplicates();
        long succeeded = results.stream().filter(PublishResult::succeeded).count();
        assertThat(ackedDetails).hasSize((int) succeeded);
        results.stream().filter(PublishResult::succeeded).forEach(r -> assertThat(ids).contains(r.eventId()));
    }

    @Test
    @DisplayName("25 events go out as requests of 10, 10 and 5, each mapped back to its EventId")
    void batchesOfTen() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)));
        List<PublishResult> results = publisher.publish(notes(25));
        assertThat(stub.requests()).extracting(List::size).containsExactlyInAnyOrder(10, 10, 5);
        assertThat(results).hasSize(25).allMatch(PublishResult::succeeded);
        for (int i = 0; i < 25; i++) {
            assertThat(results.get(i).event().event()).isEqualTo(NotePosted.of(i));
        }
        // requests run concurrently, so find note 0's entry wherever it arrived
        JsonNode first = stub.requests().stream().flatMap(List::stream)
                .filter(e -> e.path("Detail").asText().contains("\"note 0\"")).findFirst().orElseThrow();
        assertThat(first.path("EventBusName").asText()).isEqualTo("user-event-bus");
        assertThat(first.path("Source").asText()).isEqualTo("com.example.notes");
        assertThat(first.path("DetailType").asText()).isEqualTo("Note Posted");
        assertThat(first.path("Detail").asText()).isEqualTo("{\"noteId\":\"00000000-0000-0000-0000-000000000000\",\"text\":\"note 0\"}");
        assertEachAcknowledgedOnce(results);
    }

    @Test
    @DisplayName("a partial failure resends only the entries that failed with a retryable code")
    void partialFailure() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.respond(entries,
                i -> n == 1 && i % 3 == 0 ? "ThrottlingException" : n == 1 && i == 4 ? "InternalFailure" : null, stub)));
        List<PublishResult> results = publisher.publish(notes(10));
        assertThat(stub.requests()).extracting(List::size).containsExactly(10, 5);
        assertThat(results).allMatch(PublishResult::succeeded);
        assertThat(results.get(0).attempts()).isEqualTo(2);
        assertThat(results.get(1).attempts()).isEqualTo(1);
        assertEachAcknowledgedOnce(results);
    }

    @Test
    @DisplayName("non-retryable codes are reported per event, and the synchronous call throws with every result")
    void nonRetryable() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.respond(entries,
                i -> i == 1 ? "MalformedDetail" : i == 2 ? "NotAuthorizedForDetailTypeException" : null, stub)));
        assertThatThrownBy(() -> publisher.publish(notes(4)))
                .isInstanceOfSatisfying(PublishException.class, e -> {
                    assertThat(e.results()).hasSize(4);
                    assertThat(e.failures()).extracting(PublishResult::errorCode)
                            .containsExactly("MalformedDetail", "NotAuthorizedForDetailTypeException");
                    assertThat(e.failures()).allMatch(r -> r.attempts() == 1);
                    assertThat(e.getMessage()).startsWith("2 of 4 events failed:")
                            .contains("Note Posted failed with MalformedDetail after 1 attempt(s)")
                            .doesNotContain("note 1");
                    assertEachAcknowledgedOnce(e.results());
                });
        assertThat(stub.requests()).hasSize(1);
    }

    /** The live threads of the event loop a publisher makes for its own Netty client. */
    static List<Thread> nettyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("user-event-bus-netty-")).toList();
    }

    @Test
    @DisplayName("close() stops the event loop of the publisher's own HTTP client at once, not after Netty's 2 s quiet period")
    void closeStopsItsOwnEventLoopAtOnce() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)));
        publisher.publish(notes(3));
        assertThat(nettyThreads()).isNotEmpty();

        long start = System.nanoTime();
        publisher.close();
        long millis = (System.nanoTime() - start) / 1_000_000;
        // the SDK's own event loop waits out Netty's quiet period: no close() took less than 2,000 ms with it
        assertThat(millis).isLessThan(1_500);
        assertThat(nettyThreads()).isEmpty();
    }

    @Test
    @DisplayName("whole-request throttling and 5xx are retried; what never succeeds is reported after the last attempt")
    void wholeRequestFailures() throws Exception {
        publisherFor((n, entries) -> switch (n) {
            case 1 -> Reply.error(400, "ThrottlingException", "Rate exceeded");
            case 2 -> Reply.error(500, "InternalException", "boom");
            case 3 -> Reply.error(503, "ServiceUnavailable", "later");
            default -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub));
        });
        List<PublishResult> results = publisher.publish(notes(3));
        assertThat(results).allMatch(r -> r.succeeded() && r.attempts() == 4);
        assertEachAcknowledgedOnce(results);
        publisher.close();
        stub.close();

        publisherFor((n, entries) -> Reply.error(500, "InternalException", "always"));
        assertThatThrownBy(() -> publisher.publish(notes(2)))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.failures())
                        .hasSize(2).allMatch(r -> r.errorCode().equals("InternalException") && r.attempts() == 4)
                        .allMatch(r -> r.errorMessage().endsWith("(gave up after 4 attempt(s))")));
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    @DisplayName("access denied is not retried")
    void accessDenied() throws Exception {
        publisherFor((n, entries) -> Reply.error(400, "AccessDeniedException", "no"));
        assertThatThrownBy(() -> publisher.publish(notes(1)))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.failures().get(0).errorCode())
                        .isEqualTo("AccessDeniedException"));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    @DisplayName("connection resets and timeouts are retried without losing or doubling events")
    void resetsAndTimeouts() throws Exception {
        stub = new PutEventsStub((n, entries) -> switch (n) {
            case 1 -> Reply.drop();
            case 2 -> Reply.error(500, "InternalException", "too late").delayed(1500);
            default -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub));
        });
        EventBridgeAsyncClient client = EventBridgeAsyncClient.builder()
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMillis(500))
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        try (client) {
            publisher = EventBridgePublisher.builder().eventBusName("b").asyncClient(client).retryPolicy(FAST).build();
            List<PublishResult> results = publisher.publish(notes(5));
            assertThat(results).allMatch(r -> r.succeeded() && r.attempts() == 3);
            assertEachAcknowledgedOnce(results);
        }
    }

    @Test
    @DisplayName("many threads publishing through one publisher: every event acknowledged exactly once")
    void concurrency() throws Exception {
        Set<String> throttledOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.respond(entries, i -> {
            String detail = entries.get(i).path("Detail").asText();
            return detail.hashCode() % 5 == 0 && throttledOnce.add(detail) ? "ThrottlingException" : null;
        }, stub)));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<List<PublishResult>>> calls = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int base = t * 1000;
            calls.add(threads.submit(() -> {
                List<PublishResult> mine = new ArrayList<>();
                for (int k = 0; k < 25; k++) {
                    mine.addAll(publisher.publish(List.of(OutgoingEvent.of(NotePosted.of(base + k)),
                            OutgoingEvent.of(NotePosted.of(base + 500 + k)))));
                }
                return mine;
            }));
        }
        List<PublishResult> all = new ArrayList<>();
        for (Future<List<PublishResult>> call : calls) {
            all.addAll(call.get());
        }
        threads.shutdown();
        assertThat(all).hasSize(800).allMatch(PublishResult::succeeded);
        assertEachAcknowledgedOnce(all);
        assertThat(stub.acknowledged).hasSize(800);
        assertThat(throttledOnce).isNotEmpty();
        assertThat(all).filteredOn(r -> r.attempts() == 2).hasSize(throttledOnce.size());
    }

    @Test
    @DisplayName("the asynchronous API completes one future per event; failed ones exceptionally")
    void asynchronous() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.respond(entries, i -> i == 1 ? "InvalidArgument" : null, stub)));
        List<CompletableFuture<PublishResult>> futures = publisher.publishAsync(notes(3));
        assertThat(futures.get(0).get().eventId()).isNotBlank();
        assertThat(futures.get(1)).failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .havingCause().isInstanceOf(PublishException.class).withMessageContaining("InvalidArgument");
        assertThat(futures.get(2).get().succeeded()).isTrue();
    }

    @Test
    @DisplayName("an invalid event stops the whole call before anything is sent, naming every violation")
    void validation() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)));
        List<OutgoingEvent<NotePosted>> events = List.of(OutgoingEvent.of(NotePosted.of(1)),
                OutgoingEvent.of(new NotePosted("not-a-uuid", "x", "not-an-email")));
        assertThatThrownBy(() -> publisher.publish(events))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("2 problems; nothing was sent:")
                .hasMessageContaining("event 1 (Note Posted) at /noteId: breaks its schema test-events/note-posted.json:")
                .hasMessageContaining("event 1 (Note Posted) at /author: breaks its schema");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    @DisplayName("an oversized event is refused with its detail-type and both sizes")
    void oversize() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)));
        NotePosted big = new NotePosted(new java.util.UUID(0, 1).toString(), "x".repeat(PublishLimits.ONE_MEGABYTE), null);
        assertThatThrownBy(() -> publisher.publish(List.of(OutgoingEvent.of(big))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("event 0 (Note Posted): the entry is 1048663 bytes by AWS's size formula,"
                        + " over the limit of 1048576 bytes by 87");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    @DisplayName("Time, Resources and TraceHeader are sent as given")
    void entryOptions() throws Exception {
        publisherFor((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)));
        publisher.publish(List.of(OutgoingEvent.of(NotePosted.of(1)).withTime(Instant.parse("2026-11-28T12:00:00Z"))
                .withResources(List.of("arn:aws:iam::123456789012:user/ada")).withTraceHeader("Root=1-abc")));
        JsonNode entry = stub.requests().get(0).get(0);
        assertThat(entry.path("Resources").get(0).asText()).isEqualTo("arn:aws:iam::123456789012:user/ada");
        assertThat(entry.path("TraceHeader").asText()).isEqualTo("Root=1-abc");
        assertThat(entry.path("Time").asDouble()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z").getEpochSecond());
    }
}

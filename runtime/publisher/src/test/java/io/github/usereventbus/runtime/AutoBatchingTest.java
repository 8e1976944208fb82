package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.usereventbus.runtime.PutEventsStub.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

@DisplayName("Automatic batching of single publishes")
class AutoBatchingTest {

    PutEventsStub stub;
    EventBridgePublisher publisher;

    EventBridgePublisher publisher(PutEventsStub.Script script, Duration linger, int maxBuffered) throws Exception {
        stub = new PutEventsStub(script);
        publisher = EventBridgePublisher.builder().eventBusName("b").endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .retryPolicy(EventBridgePublisherTest.FAST)
                .autoBatching(linger, maxBuffered).build();
        return publisher;
    }

    @AfterEach
    void close() {
        publisher.close();
        stub.close();
    }

    @Test
    @DisplayName("concurrent single publishes share requests of up to 10 entries; each is acknowledged once")
    void concurrentSinglesShareRequests() throws Exception {
        publisher((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)), Duration.ofMillis(50), 1000);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PublishResult>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            NotePosted note = NotePosted.of(i);
            calls.add(threads.submit(() -> {
                start.await();
                return publisher.publish(note);
            }));
        }
        start.countDown();
        for (Future<PublishResult> call : calls) {
            assertThat(call.get().succeeded()).isTrue();
        }
        threads.shutdown();
        assertThat(stub.acknowledged).hasSize(200);
        assertThat(stub.acknowledged.stream().map(a -> a[1]).distinct()).hasSize(200);
        assertThat(stub.requests()).allMatch(r -> r.size() <= 10);
        assertThat(stub.requests().size()).as("requests for 200 single publishes").isLessThan(200);
    }

    @Test
    @DisplayName("an event that follows a full batch still waits its own linger time, counted from when it came")
    void lingerCountsFromTheOldestBufferedEvent() throws Exception {
        List<Long> arrivals = java.util.Collections.synchronizedList(new ArrayList<>());
        publisher((n, entries) -> {
            arrivals.add(System.nanoTime());
            return Reply.ok(PutEventsStub.allAcknowledged(entries, stub));
        }, Duration.ofMillis(1_000), 1000);
        long start = System.nanoTime();
        List<CompletableFuture<PublishResult>> first = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(publisher.publishAsync(NotePosted.of(i))); // a full batch: sent at once
        }
        first.forEach(CompletableFuture::join);
        Thread.sleep(Math.max(0, 500 - (System.nanoTime() - start) / 1_000_000));
        long published = System.nanoTime();
        // the linger timer the first batch started (due about 1,000 ms after start) is still pending
        assertThat((published - start) / 1_000_000).isLessThan(900);
        PublishResult late = publisher.publishAsync(NotePosted.of(10)).join();

        assertThat(late.succeeded()).isTrue();
        assertThat(stub.requests()).extracting(List::size).containsExactly(10, 1);
        // sent once it had waited the whole linger, not when the first batch's timer came due (~500 ms in)
        assertThat((arrivals.get(1) - published) / 1_000_000).isGreaterThanOrEqualTo(990);
    }

    @Test
    @DisplayName("a full buffer fails the publish at once with a clear message")
    void fullBuffer() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        publisher((n, entries) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok(PutEventsStub.allAcknowledged(entries, stub));
        }, Duration.ZERO, 3);
        List<CompletableFuture<PublishResult>> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(publisher.publishAsync(NotePosted.of(i)));
        }
        assertThatThrownBy(() -> publisher.publishAsync(NotePosted.of(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the batching buffer is full: 3 events are waiting for EventBridge (maxBuffered 3)");
        release.countDown();
        for (CompletableFuture<PublishResult> f : accepted) {
            assertThat(f.get().succeeded()).isTrue();
        }
    }

    @Test
    @DisplayName("close sends what is still buffered")
    void flushOnClose() throws Exception {
        publisher((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)), Duration.ofMinutes(10), 100);
        List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add(publisher.publishAsync(NotePosted.of(i)));
        }
        assertThat(stub.requests()).isEmpty();
        publisher.close();
        assertThat(stub.requests()).hasSize(1);
        assertThat(futures).allMatch(f -> f.isDone() && f.join().succeeded());
    }
}

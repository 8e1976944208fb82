package io.github.usereventbus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.usereventbus.runtime.PutEventsStub.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

@DisplayName("The publisher never loses an event silently and fails fast on configuration errors")
class PublisherFaultsTest {

    PutEventsStub stub;
    EventBridgePublisher publisher;

    EventBridgePublisher.Builder builder(PutEventsStub.Script script) throws Exception {
        stub = new PutEventsStub(script);
        return EventBridgePublisher.builder()
                .eventBusName("user-event-bus")
                .endpointOverride(stub.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .retryPolicy(EventBridgePublisherTest.FAST);
    }

    @AfterEach
    void close() {
        if (publisher != null) {
            try {
                publisher.close();
            } catch (PublishException expectedInSomeTests) {
                // asserted where it matters
            }
        }
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    @DisplayName("missing credentials fail at once with ConfigurationError, without a request or a retry")
    void missingCredentials() throws Exception {
        publisher = builder((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)))
                .credentialsProvider(() -> {
                    throw SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                            + " AwsCredentialsProviderChain(credentialsProviders=[...]) :\n[SystemPropertyCredentialsProvider(): ...]");
                })
                .build();
        assertThatThrownBy(() -> publisher.publish(EventBridgePublisherTest.notes(2)))
                .isInstanceOfSatisfying(PublishException.class, e -> {
                    assertThat(e.failures()).hasSize(2).allSatisfy(r -> {
                        assertThat(r.errorCode()).isEqualTo(ErrorCodes.CONFIGURATION_ERROR);
                        assertThat(r.attempts()).isEqualTo(1);
                        assertThat(r.errorMessage()).isEqualTo("the request could not be made, so it was not retried:"
                                + " Unable to load credentials from any of the providers in the chain"
                                + " AwsCredentialsProviderChain(credentialsProviders=[...]) :");
                    });
                });
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    @DisplayName("a missing region fails build() with one short line that says where to set it, the SDK's exception as its cause")
    void missingRegion(@TempDir Path empty) throws Exception {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "the environment sets a region");
        Path config = Files.writeString(empty.resolve("config"), "");
        String[] keys = {"aws.region", "aws.configFile", "aws.sharedCredentialsFile", "aws.disableEc2Metadata", "aws.profile"};
        String[] saved = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            saved[i] = System.getProperty(keys[i]);
        }
        System.clearProperty("aws.region");
        System.setProperty("aws.configFile", config.toString());
        System.setProperty("aws.sharedCredentialsFile", config.toString());
        System.setProperty("aws.disableEc2Metadata", "true"); // never ask an instance metadata service
        System.setProperty("aws.profile", "user-event-bus-test-none");
        try {
            assertThatThrownBy(() -> EventBridgePublisher.builder().eventBusName("b").build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no AWS region found for the EventBridge client: give one with region(...) on"
                            + " EventBridgePublisher.builder(), the AWS_REGION environment variable, the aws.region"
                            + " system property, or a region in the AWS profile")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(300))
                    .cause().isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to load region");
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }

    @Test
    @DisplayName("after the last attempt each entry is reported with its own error code")
    void perEntryCodes() throws Exception {
        publisher = builder((n, entries) -> Reply.ok(PutEventsStub.respond(entries,
                i -> i == 0 ? "ThrottlingException" : i == 1 ? "InternalFailure" : null, stub))).build();
        assertThatThrownBy(() -> publisher.publish(EventBridgePublisherTest.notes(2)))
                .isInstanceOfSatisfying(PublishException.class, e -> {
                    assertThat(e.results()).extracting(PublishResult::errorCode)
                            .containsExactly(ErrorCodes.THROTTLING, ErrorCodes.INTERNAL_FAILURE);
                    assertThat(e.results()).allMatch(r -> r.attempts() == 4);
                });
    }

    @Test
    @DisplayName("close() waits for sends in flight, retries included, and every future completes")
    void closeWaitsForSendsInFlight() throws Exception {
        publisher = builder((n, entries) -> n == 1 ? Reply.error(400, "ThrottlingException", "slow down").delayed(200)
                : Reply.ok(PutEventsStub.allAcknowledged(entries, stub)).delayed(200)).build();
        List<CompletableFuture<PublishResult>> futures = publisher.publishAsync(EventBridgePublisherTest.notes(3));
        publisher.close();
        assertThat(futures).allSatisfy(f -> {
            assertThat(f).isDone();
            assertThat(f.join().succeeded()).isTrue();
            assertThat(f.join().attempts()).isEqualTo(2);
        });
        assertThat(stub.acknowledged).hasSize(3);
    }

    @Test
    @DisplayName("what is still unacknowledged at the retry deadline fails its future, once: close() does not throw it again")
    void closeFailsWhatRemains() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        publisher = builder((n, entries) -> {
            try {
                hang.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.ok(PutEventsStub.allAcknowledged(entries, stub));
        }).retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofMillis(300)))
                .autoBatching(Duration.ofMinutes(1), 100)
                .build();
        List<CompletableFuture<PublishResult>> futures = publisher.publishAsync(EventBridgePublisherTest.notes(2));
        try {
            publisher.close();
        } finally {
            hang.countDown();
        }
        assertThat(futures).allSatisfy(f -> assertThat(f).isCompletedExceptionally());
        assertThat(futures.get(0)).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.failures())
                        .extracting(PublishResult::errorCode).containsExactly(ErrorCodes.PUBLISHER_CLOSED))
                .withMessageContaining("may or may not have been delivered");
    }

    @RepeatedTest(150)
    @DisplayName("close() throws nothing for failures that futures already carry, however the failures and close() interleave")
    void closeDoesNotReportTwice(RepetitionInfo repetition) throws Exception {
        // every other event fails for good; replies come at once or after up to 3 ms, so failures complete before,
        // while and (for the slow ones) as close() takes its snapshot
        long delay = repetition.getCurrentRepetition() % 4;
        publisher = builder((n, entries) -> Reply.ok(PutEventsStub.respond(entries,
                i -> i % 2 == 0 ? "MalformedDetail" : null, stub)).delayed(delay)).build();
        List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            futures.addAll(publisher.publishAsync(EventBridgePublisherTest.notes(2)));
        }
        if (repetition.getCurrentRepetition() % 2 == 0) {
            futures.get(0).exceptionally(e -> null).join(); // one failure delivered before close()
        }
        publisher.close(); // throws, today, for a failure its future already delivered
        assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
        assertThat(futures.stream().filter(CompletableFuture::isCompletedExceptionally)).hasSize(4);
        assertThat(futures.get(0)).failsWithin(Duration.ZERO).withThrowableThat().havingCause()
                .isInstanceOf(PublishException.class).withMessageContaining("MalformedDetail");
    }

    @Test
    @DisplayName("a call that does not fit the batching buffer sends none of its events")
    void allOrNothing() throws Exception {
        publisher = builder((n, entries) -> Reply.ok(PutEventsStub.allAcknowledged(entries, stub)))
                .autoBatching(Duration.ofMinutes(1), 3).build();
        assertThatThrownBy(() -> publisher.publishAsync(EventBridgePublisherTest.notes(4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nothing of this call was sent");
        List<CompletableFuture<PublishResult>> fits = publisher.publishAsync(EventBridgePublisherTest.notes(3));
        publisher.close();
        assertThat(fits).allMatch(f -> f.join().succeeded());
        assertThat(stub.acknowledged).hasSize(3);
    }

    @Test
    @DisplayName("publishing while another thread closes: every accepted event is acknowledged or failed, never neither")
    void publishDuringClose() throws Exception {
        publisher = builder((n, entries) -> Reply.ok(PutEventsStub.respond(entries,
                i -> n % 3 == 0 ? "ThrottlingException" : null, stub)).delayed(5))
                .autoBatching(Duration.ofMillis(2), 10_000).build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CompletableFuture<PublishResult>>>> calls = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t * 1000;
            calls.add(threads.submit(() -> {
                start.await();
                List<CompletableFuture<PublishResult>> accepted = new ArrayList<>();
                for (int k = 0; k < 200; k++) {
                    try {
                        accepted.add(publisher.publishAsync(NotePosted.of(base + k)));
                    } catch (IllegalStateException closed) {
                        assertThat(closed).hasMessageStartingWith("the publisher is closed");
                        break;
                    }
                }
                return accepted;
            }));
        }
        start.countDown();
        Thread.sleep(20);
        try {
            publisher.close();
        } catch (PublishException failedAtClose) {
            assertThat(failedAtClose.failures()).isNotEmpty();
        }
        List<CompletableFuture<PublishResult>> accepted = new ArrayList<>();
        for (Future<List<CompletableFuture<PublishResult>>> call : calls) {
            accepted.addAll(call.get());
        }
        threads.shutdown();
        assertThat(accepted).isNotEmpty().allMatch(CompletableFuture::isDone);
        long acknowledged = accepted.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertThat(stub.acknowledged).hasSize((int) acknowledged);
    }
}

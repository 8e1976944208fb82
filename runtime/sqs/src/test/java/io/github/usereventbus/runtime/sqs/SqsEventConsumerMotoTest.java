package io.github.usereventbus.runtime.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.usereventbus.runtime.BusEvent;
import io.github.usereventbus.runtime.Envelope;
import io.github.usereventbus.runtime.EnvelopeHandler;
import io.github.usereventbus.runtime.Envelopes;
import io.github.usereventbus.runtime.NotePosted;
import io.github.usereventbus.runtime.RecordingNoteHandler;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Against moto server, which .ci/run starts and names in the moto.endpoint system property. */
@DisplayName("The SQS consumer, against moto server")
class SqsEventConsumerMotoTest {

    SqsClient sqs;
    String queueUrl;
    final RecordingNoteHandler notes = new RecordingNoteHandler();
    final List<Envelope<BusEvent>> handled = notes.handled;
    final EnvelopeHandler handler = notes;

    @BeforeEach
    void queue() {
        String endpoint = System.getProperty("moto.endpoint", "");
        if (endpoint.isEmpty() && System.getenv("CI") != null) {
            throw new IllegalStateException("moto.endpoint is not set; .ci/run starts moto server and sets it");
        }
        assumeTrue(!endpoint.isEmpty(), "no moto server: run bash .ci/run, or pass -Dmoto.endpoint=http://127.0.0.1:PORT");
        sqs = SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        queueUrl = sqs.createQueue(b -> b.queueName("notes-" + UUID.randomUUID())).queueUrl();
    }

    @AfterEach
    void deleteQueue() {
        if (sqs != null) {
            sqs.deleteQueue(b -> b.queueUrl(queueUrl));
            sqs.close();
        }
    }

    void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    SqsEventConsumer.Builder consumer() {
        return SqsEventConsumer.builder().client(sqs).queueUrl(queueUrl).handler(handler).waitTime(Duration.ofSeconds(1));
    }

    List<Message> receiveAll() {
        return sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    @Test
    @DisplayName("handled messages are deleted; failed and unreadable ones stay on the queue")
    void deletesOnlyWhatWasHandled() {
        send(Envelopes.of(NotePosted.of(1)));
        send(Envelopes.of(new NotePosted(new UUID(0, 2).toString(), "note 2 breaks the handler", null)));
        send("this is no JSON");
        send("{\"not\":\"an envelope\"}");
        send(Envelopes.of(NotePosted.of(5)));
        try (SqsEventConsumer consumer = consumer().retryDelay(Duration.ZERO).build()) {
            SqsEventConsumer.PollResult total = new SqsEventConsumer.PollResult(0, 0, 0, 0);
            while (total.received() < 5) {
                SqsEventConsumer.PollResult poll = consumer.pollOnce();
                total = new SqsEventConsumer.PollResult(total.received() + poll.received(),
                        total.handled() + poll.handled(), total.failed() + poll.failed(),
                        total.unreadable() + poll.unreadable());
            }
            assertThat(total).isEqualTo(new SqsEventConsumer.PollResult(5, 2, 1, 2));
        }
        assertThat(handled).extracting(e -> ((NotePosted) e.detail()).text()).containsExactlyInAnyOrder("note 1", "note 5");
        assertThat(handled).allSatisfy(e -> assertThat(e.id()).isNotBlank());
        // retryDelay zero: what was not handled is visible again at once, and only that
        List<String> left = receiveAll().stream().map(Message::body).toList();
        assertThat(left).hasSize(3).contains("this is no JSON", "{\"not\":\"an envelope\"}")
                .anySatisfy(body -> assertThat(body).contains("note 2 breaks the handler"));
    }

    @Test
    @DisplayName("started in the background, it handles what arrives, and close() stops it gracefully")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void backgroundAndGracefulStop() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        SqsEventConsumer consumer = SqsEventConsumer.builder().client(sqs).queueUrl(queueUrl)
                .handler(json -> {
                    handler.handle(json);
                    three.countDown();
                }).waitTime(Duration.ofSeconds(20)).build();
        consumer.start();
        assertThatThrownBy(consumer::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("the consumer is already started");
        for (int i = 1; i <= 3; i++) {
            send(Envelopes.of(NotePosted.of(i)));
        }
        assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();
        consumer.close(); // interrupts the 20 s long poll in progress rather than waiting it out
        assertThat(handled).hasSize(3);
        assertThat(receiveAll()).isEmpty();
        assertThatThrownBy(consumer::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("the consumer is closed");
    }

    @Test
    @DisplayName("a slow handler keeps its messages hidden: their visibility is extended while it works")
    void visibilityExtended() throws Exception {
        send(Envelopes.of(NotePosted.of(1)));
        CountDownLatch firstStarted = new CountDownLatch(1);
        try (SqsEventConsumer consumer = SqsEventConsumer.builder().client(sqs).queueUrl(queueUrl).maxMessages(10)
                .visibilityTimeout(Duration.ofSeconds(4)).waitTime(Duration.ofSeconds(1))
                .handler(json -> {
                    firstStarted.countDown();
                    try {
                        Thread.sleep(9_000); // more than twice the visibility timeout
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    handler.handle(json);
                }).build()) {
            Thread poller = new Thread(consumer::pollOnce);
            poller.start();
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(6_000); // well past the visibility timeout asked for at receive
            List<Message> stolen = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(1)).messages();
            poller.join(30_000);
            assertThat(stolen).as("messages visible to another consumer while in hand").isEmpty();
        }
        assertThat(handled).hasSize(1);
    }
}

package io.github.usereventbus.runtime.sqs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.usereventbus.runtime.EnvelopeException;
import io.github.usereventbus.runtime.EnvelopeHandler;
import io.github.usereventbus.runtime.JsonTrees;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * Consumes an SQS queue that is the target of an EventBridge rule, for subscribers outside Lambda (for
 * example a container service): long-polls the queue, hands each message's envelope to a handler, and
 * deletes only the messages that were handled. One polling thread; messages of a batch are handled in
 * order on it.
 *
 * <pre>{@code
 * try (SqsEventConsumer consumer = SqsEventConsumer.builder()
 *         .queueUrl(queueUrl)
 *         .handler(UserEventDispatcher.tolerant().routingTo(new AccountEvents()))
 *         .build()) {
 *     consumer.start();
 *     awaitShutdownSignal();
 * } // close(): stops polling, finishes and deletes the batch in hand, then returns
 * }</pre>
 *
 * <p>What becomes of a message:
 * <ul>
 *   <li>handled: deleted;</li>
 *   <li>the handler threw: kept, so SQS delivers it again when its visibility timeout ends (or after
 *       {@link Builder#retryDelay}, when one is set);</li>
 *   <li>it can never be read (not JSON, not an EventBridge envelope, or in strict mode an event or field
 *       the contract does not know): kept too, never deleted unread, so that the queue's redrive policy
 *       ({@code maxReceiveCount}) moves it to the dead-letter queue: give the queue one. The log names
 *       the message id, never the body.</li>
 * </ul>
 * While a batch is being handled, the visibility of its messages not yet handled is extended every half
 * {@link Builder#visibilityTimeout}, so a slow handler does not see its messages delivered twice.
 * Delivery is at least once all the same: use the envelope's {@code id} to handle each event once.
 */
public final class SqsEventConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventConsumer.class);
    private static final ObjectMapper JSON = JsonTrees.newMapper();

    /**
     * What one poll did.
     *
     * @param received   messages received
     * @param handled    handled and deleted
     * @param failed     the handler threw; left for redelivery
     * @param unreadable could not be read; left for the redrive policy
     */
    public record PollResult(int received, int handled, int failed, int unreadable) {
    }

    private final SqsClient client;
    private final boolean ownsClient;
    private final String queueUrl;
    private final EnvelopeHandler handler;
    private final int maxMessages;
    private final Duration waitTime;
    private final Duration visibilityTimeout;
    private final Duration retryDelay;
    private final Duration shutdownTimeout;
    private final ScheduledExecutorService heartbeats;
    private final Object lifecycle = new Object();
    private Thread poller;
    private volatile boolean stopping;
    /** The thread in a receive call, which close() may interrupt; guarded by lifecycle. */
    private Thread receiving;

    private SqsEventConsumer(Builder b) {
        this.ownsClient = b.client == null;
        this.client = ownsClient ? defaultClient(b) : b.client;
        this.queueUrl = b.queueUrl;
        this.handler = b.handler;
        this.maxMessages = b.maxMessages;
        this.waitTime = b.waitTime;
        this.visibilityTimeout = b.visibilityTimeout;
        this.retryDelay = b.retryDelay;
        this.shutdownTimeout = b.shutdownTimeout;
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "user-event-bus-sqs-visibility");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A consumer to configure; the queue URL and the handler are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts polling on a thread of its own, until {@link #close()}. A failed receive (throttling, a
     * network error) is logged and tried again after a pause; it never ends the polling.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (poller != null || stopping) {
                throw new IllegalStateException(stopping ? "the consumer is closed" : "the consumer is already started");
            }
            poller = new Thread(this::pollUntilStopped, "user-event-bus-sqs-poller");
            poller.start();
        }
    }

    private void pollUntilStopped() {
        long pauseMillis = 0;
        while (!stopping) {
            try {
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
                pollOnce();
                pauseMillis = 0;
            } catch (InterruptedException e) {
                return;
            } catch (SdkException e) {
                if (stopping) {
                    return;
                }
                pauseMillis = Math.min(Math.max(pauseMillis * 2, 200), 10_000);
                LOG.warn("receiving from {} failed, trying again in {} ms: {}", queueUrl, pauseMillis, e.getMessage());
            }
        }
    }

    /**
     * Receives one batch (long polling up to the wait time), handles each message, deletes the handled
     * ones and makes failed ones visible again after the retry delay, if one is set.
     *
     * @throws SdkException if the receive fails; nothing was handled then
     */
    public PollResult pollOnce() {
        ReceiveMessageRequest.Builder request = ReceiveMessageRequest.builder().queueUrl(queueUrl)
                .maxNumberOfMessages(maxMessages).waitTimeSeconds((int) waitTime.toSeconds());
        if (visibilityTimeout != null) {
            request.visibilityTimeout((int) visibilityTimeout.toSeconds());
        }
        List<Message> messages;
        synchronized (lifecycle) {
            if (stopping) {
                return new PollResult(0, 0, 0, 0);
            }
            receiving = Thread.currentThread();
        }
        try {
            messages = client.receiveMessage(request.build()).messages();
        } catch (AbortedException e) {
            // close() interrupted the long poll: whatever SQS handed out comes back after its visibility timeout
            return new PollResult(0, 0, 0, 0);
        } finally {
            synchronized (lifecycle) {
                receiving = null;
                Thread.interrupted(); // an interrupt meant for the receive must not reach the handler
            }
        }
        return handle(messages);
    }

    private PollResult handle(List<Message> messages) {
        Set<Message> inHand = ConcurrentHashMap.newKeySet();
        inHand.addAll(messages);
        ScheduledFuture<?> heartbeat = null;
        if (visibilityTimeout != null && !messages.isEmpty()) {
            long period = Math.max(visibilityTimeout.toMillis() / 2, 500);
            heartbeat = heartbeats.scheduleAtFixedRate(() -> extendVisibility(inHand), period, period,
                    TimeUnit.MILLISECONDS);
        }
        List<Message> handled = new ArrayList<>();
        List<Message> failed = new ArrayList<>();
        List<Message> unreadable = new ArrayList<>();
        try {
            for (Message message : messages) {
                switch (handle(message)) {
                    case HANDLED -> handled.add(message);
                    case FAILED -> failed.add(message);
                    case UNREADABLE -> unreadable.add(message);
                }
                inHand.remove(message);
            }
        } finally {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
        }
        delete(handled);
        if (retryDelay != null) {
            List<Message> notHandled = new ArrayList<>(failed);
            notHandled.addAll(unreadable);
            changeVisibility(notHandled, retryDelay);
        }
        return new PollResult(messages.size(), handled.size(), failed.size(), unreadable.size());
    }

    private enum Outcome { HANDLED, FAILED, UNREADABLE }

    private Outcome handle(Message message) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(message.body());
        } catch (JsonProcessingException e) {
            LOG.warn("message {} cannot be read, its body is not JSON: {}; left for the queue's redrive policy",
                    message.messageId(), e.getOriginalMessage());
            return Outcome.UNREADABLE;
        }
        try {
            handler.handle(envelope);
            return Outcome.HANDLED;
        } catch (EnvelopeException e) {
            LOG.warn("message {} cannot be read: {}; left for the queue's redrive policy", message.messageId(),
                    e.getMessage());
            return Outcome.UNREADABLE;
        } catch (RuntimeException e) {
            LOG.warn("message {} failed: {}; left for redelivery", message.messageId(), e.toString());
            return Outcome.FAILED;
        }
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(from + 10, messages.size()));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            try {
                DeleteMessageBatchResponse response = client.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                response.failed().forEach(f -> LOG.warn("message {} was handled but could not be deleted ({}: {});"
                        + " it will be delivered again", chunk.get(Integer.parseInt(f.id())).messageId(), f.code(),
                        f.message()));
            } catch (SdkException e) {
                LOG.warn("{} handled message(s) could not be deleted: {}; they will be delivered again",
                        chunk.size(), e.getMessage());
            }
        }
    }

    private void extendVisibility(Set<Message> inHand) {
        changeVisibility(new ArrayList<>(inHand), visibilityTimeout);
    }

    private void changeVisibility(List<Message> messages, Duration timeout) {
        if (messages.isEmpty()) {
            return;
        }
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(from + 10, messages.size()));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(chunk.get(i).receiptHandle()).visibilityTimeout((int) timeout.toSeconds()).build());
            }
            try {
                client.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries));
            } catch (SdkException e) {
                LOG.warn("the visibility of {} message(s) could not be changed: {}", chunk.size(), e.getMessage());
            }
        }
    }

    /**
     * Stops polling gracefully: a long poll in progress is abandoned (nothing is lost: what SQS handed out
     * comes back after its visibility timeout), the batch in hand is finished and its handled messages
     * deleted, within the shutdown timeout; then the client (if built here) is closed.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = poller;
            if (receiving != null) {
                receiving.interrupt();
            }
        }
        if (running != null) {
            try {
                running.join(shutdownTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                LOG.warn("the handler did not finish its batch within {}; its messages will be delivered again",
                        shutdownTimeout);
            }
        }
        heartbeats.shutdownNow();
        if (ownsClient) {
            client.close();
        }
    }

    private static SqsClient defaultClient(Builder b) {
        SqsClientBuilder builder = SqsClient.builder();
        if (b.region != null) {
            builder.region(b.region);
        }
        if (b.endpointOverride != null) {
            builder.endpointOverride(b.endpointOverride);
        }
        if (b.credentialsProvider != null) {
            builder.credentialsProvider(b.credentialsProvider);
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            String message = String.valueOf(e.getMessage());
            throw new IllegalStateException("the SQS client could not be built: "
                    + (message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message)
                    + "; set region(...) on SqsEventConsumer.builder(), the AWS_REGION environment variable or the"
                    + " aws.region system property, or a region in the AWS profile");
        }
    }

    /** Configures an {@link SqsEventConsumer}; the queue URL and the handler are required. */
    public static final class Builder {
        private SqsClient client;
        private Region region;
        private URI endpointOverride;
        private AwsCredentialsProvider credentialsProvider;
        private String queueUrl;
        private EnvelopeHandler handler;
        private int maxMessages = 10;
        private Duration waitTime = Duration.ofSeconds(20);
        private Duration visibilityTimeout;
        private Duration retryDelay;
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** A client of yours, kept open on close. */
        public Builder client(SqsClient client) {
            this.client = client;
            return this;
        }

        /** The region of the client built from the SDK's defaults; the default region chain otherwise. */
        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** An endpoint for the client built from the SDK's defaults, for example a local emulator. */
        public Builder endpointOverride(URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** Credentials for the client built from the SDK's defaults; the default chain otherwise. */
        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** The queue's URL (required). */
        public Builder queueUrl(String queueUrl) {
            this.queueUrl = queueUrl;
            return this;
        }

        /** Receives each envelope (required), for example a generated dispatcher's {@code routingTo(...)}. */
        public Builder handler(EnvelopeHandler handler) {
            this.handler = handler;
            return this;
        }

        /** Messages per receive, 1 to 10; 10 by default. */
        public Builder maxMessages(int maxMessages) {
            if (maxMessages < 1 || maxMessages > 10) {
                throw new IllegalArgumentException("maxMessages must be 1 to 10, not " + maxMessages);
            }
            this.maxMessages = maxMessages;
            return this;
        }

        /** How long a receive waits for messages (long polling), 0 to 20 s; 20 s by default. */
        public Builder waitTime(Duration waitTime) {
            if (waitTime.isNegative() || waitTime.toSeconds() > 20) {
                throw new IllegalArgumentException("waitTime must be 0 to 20 seconds, not " + waitTime);
            }
            this.waitTime = waitTime;
            return this;
        }

        /**
         * How long received messages stay hidden from other consumers, asked for with each receive and
         * extended while the batch is handled; the queue's own setting by default (then not extended).
         */
        public Builder visibilityTimeout(Duration visibilityTimeout) {
            if (visibilityTimeout.toSeconds() < 1 || visibilityTimeout.toSeconds() > 43_200) {
                throw new IllegalArgumentException("visibilityTimeout must be 1 s to 12 h, not " + visibilityTimeout);
            }
            this.visibilityTimeout = visibilityTimeout;
            return this;
        }

        /**
         * How long a message that was not handled (the handler threw, or it cannot be read) stays hidden
         * before SQS delivers it again; by default until its visibility timeout ends. Zero redelivers at
         * once; an unreadable message then reaches the dead-letter queue sooner.
         */
        public Builder retryDelay(Duration retryDelay) {
            if (retryDelay.isNegative() || retryDelay.toSeconds() > 43_200) {
                throw new IllegalArgumentException("retryDelay must be 0 s to 12 h, not " + retryDelay);
            }
            this.retryDelay = retryDelay;
            return this;
        }

        /** How long {@link #close()} waits for the batch in hand; 30 s by default. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
            return this;
        }

        /** @throws IllegalStateException if the queue URL or handler is missing, or no region can be found */
        public SqsEventConsumer build() {
            if (queueUrl == null || queueUrl.isBlank()) {
                throw new IllegalStateException("queueUrl is required");
            }
            if (handler == null) {
                throw new IllegalStateException("handler is required, for example"
                        + " UserEventDispatcher.tolerant().routingTo(yourHandler)");
            }
            if (client != null && (region != null || endpointOverride != null || credentialsProvider != null)) {
                throw new IllegalStateException("region, endpointOverride and credentialsProvider configure the"
                        + " client built here; set them on your own client instead");
            }
            return new SqsEventConsumer(this);
        }
    }
}

package com.example.subscriber;

import com.example.subscriber.events.UserEventDispatcher;
import com.example.subscriber.events.UserEventHandler;
import io.github.usereventbus.runtime.sqs.SqsEventConsumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A subscriber service outside Lambda: consumes its queue until closed. The README quotes it. */
public final class AccountEventsService implements AutoCloseable {

    private final SqsEventConsumer consumer;

    public AccountEventsService(SqsClient sqs, String queueUrl, UserEventHandler handler) {
        // tag::consumer[]
        consumer = SqsEventConsumer.builder()
                .client(sqs)
                .queueUrl(queueUrl)
                .handler(UserEventDispatcher.tolerant().routingTo(handler))
                .build();
        consumer.start();
        // end::consumer[]
    }

    /** Stops polling; the batch in hand is finished and its handled messages deleted. */
    @Override
    public void close() {
        consumer.close();
    }
}

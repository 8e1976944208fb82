package io.github.usereventbus.runtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.eventbridge.EventBridgeAsyncClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** One PutEvents call, whichever client makes it. */
public interface PutEventsTransport extends AutoCloseable {

    CompletableFuture<PutEventsResponse> putEvents(PutEventsRequest request);

    @Override
    void close();

    /** Uses an asynchronous client; closes it on close only if {@code owned}. */
    static PutEventsTransport of(EventBridgeAsyncClient client, boolean owned) {
        return of(client, owned ? client::close : () -> { });
    }

    /** Uses an asynchronous client; on close, runs {@code close}. */
    static PutEventsTransport of(EventBridgeAsyncClient client, Runnable close) {
        return new PutEventsTransport() {
            @Override
            public CompletableFuture<PutEventsResponse> putEvents(PutEventsRequest request) {
                return client.putEvents(request);
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    /** Uses a synchronous client on the given threads; closes the client on close only if {@code owned}. */
    static PutEventsTransport of(EventBridgeClient client, ExecutorService threads, boolean owned) {
        return new PutEventsTransport() {
            @Override
            public CompletableFuture<PutEventsResponse> putEvents(PutEventsRequest request) {
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return client.putEvents(request);
                    } catch (RuntimeException e) {
                        throw new CompletionException(e);
                    }
                }, threads);
            }

            @Override
            public void close() {
                threads.shutdown();
                if (owned) {
                    client.close();
                }
            }
        };
    }
}

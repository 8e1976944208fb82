package io.github.usereventbus.bench.coldstart;

import io.github.usereventbus.bench.events.UserAccountCreated;
import io.github.usereventbus.bench.events.UserEventDispatcher;
import io.github.usereventbus.bench.events.UserEventHandler;
import io.github.usereventbus.runtime.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh JVM reads its first SQS message body (an EventBridge envelope) through the generated dispatcher. */
public final class SubscriberGenerated {

    private SubscriberGenerated() {
    }

    public static void main(String[] args) throws Exception {
        String body = Files.readString(Path.of(args[0]));
        String[] seen = new String[1];
        UserEventDispatcher.tolerant().dispatch(body, new UserEventHandler() {
            @Override
            public void onUserAccountCreated(Envelope<UserAccountCreated> envelope) {
                seen[0] = envelope.detail().username();
            }
        });
        if (seen[0] == null) {
            throw new IllegalStateException("not handled");
        }
        ColdStart.report();
    }
}

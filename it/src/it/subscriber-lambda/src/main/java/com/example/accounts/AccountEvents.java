package com.example.accounts;

import com.example.accounts.events.UserAccountCreated;
import com.example.accounts.events.UserAccountDeleted;
import com.example.accounts.events.UserAccountUpdated;
import com.example.accounts.events.UserEventHandler;
import io.github.usereventbus.runtime.Envelope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The team's handler: all it writes. Here it keeps what it saw; a real one would update its store. */
public class AccountEvents implements UserEventHandler {

    /** What was handled, by EventBridge event id (the key for idempotent handling). */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void onUserAccountCreated(Envelope<UserAccountCreated> envelope) {
        SEEN.add(envelope.id() + " created " + envelope.detail().username());
    }

    @Override
    public void onUserAccountUpdated(Envelope<UserAccountUpdated> envelope) {
        SEEN.add(envelope.id() + " updated");
    }

    @Override
    public void onUserAccountDeleted(Envelope<UserAccountDeleted> envelope) {
        if (envelope.detail().userId().getMostSignificantBits() == 0) {
            throw new IllegalStateException("the store is down"); // a failure the test provokes
        }
        SEEN.add(envelope.id() + " deleted " + envelope.detail().reason().value());
    }
}

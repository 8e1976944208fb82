package com.example.accounts;

import com.example.accounts.events.Profile;
import com.example.accounts.events.Role;
import com.example.accounts.events.UserAccountCreated;
import com.example.accounts.events.UserEventPublisher;
import io.github.usereventbus.runtime.EventBridgePublisher;
import io.github.usereventbus.runtime.EventPublisher;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The quick start's producer: the README quotes it, and the quickstart invoker project builds and tests it. */
public final class AccountService {

    private final UserEventPublisher events;

    /** @param bus an {@code EventBridgePublisher} in production, a {@code LocalEventBus} in tests */
    public AccountService(EventPublisher bus) {
        this.events = new UserEventPublisher(bus);
    }

    // tag::create[]
    public UUID createAccount(String username, String email) {
        UUID id = UUID.randomUUID();
        events.publishUserAccountCreated(UserAccountCreated.builder()
                .userId(id).username(username).email(email).createdAt(Instant.now())
                .profile(Profile.builder().displayName(username).locale("en-GB").build())
                .roles(Set.of(Role.MEMBER))
                .build());
        return id;
    }
    // end::create[]

    public static void main(String[] args) {
        // tag::main[]
        try (EventBridgePublisher bus = EventBridgePublisher.builder().eventBusName("user-event-bus").build()) {
            new AccountService(bus).createAccount("ada", "ada@example.com");
        }
        // end::main[]
    }
}

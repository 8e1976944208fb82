package com.example.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.accounts.events.UserAccountCreated;
import com.example.accounts.events.UserEventDispatcher;
import com.example.accounts.events.UserEventPatterns;
import io.github.usereventbus.runtime.Envelope;
import io.github.usereventbus.runtime.LocalEventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    @Test
    void publishesAccountCreated() {
        // tag::test[]
        LocalEventBus bus = LocalEventBus.builder().build();
        List<String> received = new ArrayList<>();
        bus.subscribe("audit", UserEventPatterns.USER_ACCOUNT_CREATED, received::add);

        UUID id = new AccountService(bus).createAccount("ada", "ada@example.com");

        assertEquals(1, received.size());
        Envelope<?> envelope = UserEventDispatcher.strict().parse(received.get(0));
        assertEquals(id, ((UserAccountCreated) envelope.detail()).userId());
        // end::test[]
        assertTrue(bus.published().size() == 1);
    }
}

package io.github.usereventbus.bench;

import io.github.usereventbus.bench.events.Profile;
import io.github.usereventbus.bench.events.Role;
import io.github.usereventbus.bench.events.UserAccountCreated;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The event every benchmark publishes: a realistic User Account Created. */
public final class Samples {

    private Samples() {
    }

    public static UserAccountCreated created(int i) {
        return UserAccountCreated.builder().userId(new UUID(42, i)).username("user" + i)
                .email("user" + i + "@example.com").createdAt(Instant.parse("2026-11-28T12:00:00Z"))
                .profile(Profile.builder().displayName("User " + i).locale("en-GB").timeZone("Europe/London").build())
                .roles(Set.of(Role.MEMBER)).marketingOptIn(i % 2 == 0).build();
    }
}

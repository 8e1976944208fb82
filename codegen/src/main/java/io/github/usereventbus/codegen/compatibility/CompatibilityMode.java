package io.github.usereventbus.codegen.compatibility;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which readers must keep working. BACKWARD: readers on the new contract read events written under the
 * old one (subscribers upgrade first; archives and replays). FORWARD: readers on the old contract read
 * events written under the new one (the producer upgrades first, the usual case on a bus). FULL: both.
 * The {@code _TRANSITIVE} forms check against every earlier release, not only the latest.
 */
public enum CompatibilityMode {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    public boolean checksBackward() {
        return backward;
    }

    public boolean checksForward() {
        return forward;
    }

    /** Whether every earlier release is checked, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The mode named by a configuration value, in any case; fails with the list of modes otherwise. */
    public static CompatibilityMode parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("compatibility '" + value + "' is not a mode; use one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}

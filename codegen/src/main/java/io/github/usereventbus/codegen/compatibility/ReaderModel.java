package io.github.usereventbus.codegen.compatibility;

import java.util.Locale;

/**
 * How subscribers read events. TOLERANT, what generated dispatchers do by default: unknown properties
 * are ignored, an unknown enum value is read as the enum's unrecognised constant, an unknown event goes
 * to {@code onUnknownEvent}, and details are not validated on receipt. VALIDATING: subscribers validate
 * each detail against their copy of the schema, so whatever that schema refuses breaks them.
 */
public enum ReaderModel {
    TOLERANT,
    VALIDATING;

    /** The model named by a configuration value ({@code tolerant} or {@code validating}). */
    public static ReaderModel parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("readers '" + value + "' is not a reader model; use tolerant or"
                    + " validating");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.github.usereventbus.codegen.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the schema set: the file, the JSON pointer inside it and what is wrong.
 *
 * @param file    the schema file, relative to its origin (for example {@code user-account-created.json})
 * @param pointer a JSON pointer into that file ({@code ""} for the whole document)
 * @param message what is wrong and, where it helps, what to do about it
 */
public record Problem(String file, String pointer, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparing(Problem::pointer)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    /** {@code file#/pointer: message}, the form used in build output. */
    @Override
    public String toString() {
        return file + "#" + pointer + ": " + message;
    }
}

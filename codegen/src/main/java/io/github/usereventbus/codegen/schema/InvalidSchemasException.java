package io.github.usereventbus.codegen.schema;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the schema set has problems; carries all of them, sorted, so they can be fixed in one go. */
public final class InvalidSchemasException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public InvalidSchemasException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the event schemas:\n"
                + problems.stream().sorted().map(p -> "  - " + p).collect(Collectors.joining("\n"));
    }
}

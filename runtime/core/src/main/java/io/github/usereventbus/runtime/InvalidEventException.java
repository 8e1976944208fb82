package io.github.usereventbus.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before anything is sent when events of a call break their schema or EventBridge's rules for
 * entries (size, detail-type length, reserved source). Lists every problem of every event; none of the
 * call's events is sent. Problems name events by detail-type and position, never by their values.
 */
public final class InvalidEventException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem of one event.
     *
     * @param index      the event's position in the call
     * @param detailType the event's detail-type
     * @param pointer    a JSON pointer into the event's detail, or empty when the problem is the whole entry
     * @param message    what is wrong
     */
    public record Problem(int index, String detailType, String pointer, String message) {
        @Override
        public String toString() {
            return "event " + index + " (" + detailType + ")" + (pointer.isEmpty() ? "" : " at " + pointer) + ": "
                    + message;
        }
    }

    private final transient List<Problem> problems;

    /**
     * @param problems every problem of every event of the call
     */
    public InvalidEventException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; nothing was sent:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every problem, in the order of the events.
     *
     * @return the problems
     */
    public List<Problem> problems() {
        return problems;
    }
}

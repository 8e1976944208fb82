package io.github.usereventbus.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by the synchronous publish methods when any event failed. It carries the result of every
 * event of the call, the successful ones included, so a caller knows exactly what to retry.
 */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<PublishResult> results;

    /**
     * @param results every event's result, the successful ones included, in order
     */
    public PublishException(List<PublishResult> results) {
        super(describe(results));
        this.results = List.copyOf(results);
    }

    /** Every event's result, in the order the events were given. */
    public List<PublishResult> results() {
        return results;
    }

    /**
     * The results of the events that failed.
     *
     * @return the failed results, in order
     */
    public List<PublishResult> failures() {
        return results.stream().filter(r -> !r.succeeded()).toList();
    }

    private static String describe(List<PublishResult> results) {
        List<PublishResult> failed = results.stream().filter(r -> !r.succeeded()).toList();
        return failed.size() + " of " + results.size() + " events failed:\n" + failed.stream()
                .map(r -> "  - " + r).collect(Collectors.joining("\n"));
    }
}

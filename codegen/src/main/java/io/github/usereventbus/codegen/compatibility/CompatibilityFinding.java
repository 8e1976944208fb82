package io.github.usereventbus.codegen.compatibility;

/**
 * One difference between the contract and a baseline release.
 *
 * @param rule            what changed, a stable id
 * @param baseline        the release compared against, for example {@code com.example:events:1.1.0}
 * @param source          the event's source
 * @param detailType      the event's detail-type
 * @param pointer         where, as a JSON pointer into the event's schema with references inlined
 * @param location        the changed schema's file and pointer
 * @param message         what changed
 * @param breaksBackward  whether readers on the new contract may fail on events written under the baseline
 * @param breaksForward   whether readers on the baseline may fail on events written under the new contract
 * @param breaking        whether the check's mode cares about a direction that breaks
 * @param counterexample  a detail (JSON) the writer's schema accepts and the reader's refuses, or null
 * @param counterexampleDirection BACKWARD (written under the baseline, read under the new contract) or
 *                        FORWARD (the other way), or null
 * @param readerError     why the reader refuses the counterexample, or null
 * @param acceptedReason  the reason from the accepted-breaks file, or null when not accepted
 */
public record CompatibilityFinding(CompatibilityRule rule, String baseline, String source, String detailType,
        String pointer, String location, String message, boolean breaksBackward, boolean breaksForward,
        boolean breaking, String counterexample, String counterexampleDirection, String readerError,
        String acceptedReason) {

    /** BACKWARD, FORWARD, BOTH or NONE: the directions in which this change breaks readers. */
    public String direction() {
        return breaksBackward && breaksForward ? "BOTH" : breaksBackward ? "BACKWARD" : breaksForward ? "FORWARD"
                : "NONE";
    }

    /** Whether this finding fails the check: breaking and not accepted. */
    public boolean fails() {
        return breaking && acceptedReason == null;
    }

    CompatibilityFinding accepted(String reason) {
        return new CompatibilityFinding(rule, baseline, source, detailType, pointer, location, message, breaksBackward,
                breaksForward, breaking, counterexample, counterexampleDirection, readerError, reason);
    }

    /** The finding on a few lines: rule, event, pointer and direction, then the counterexample. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append('[').append(rule).append("] '").append(detailType).append("' ").append(pointer.isEmpty() ? "/"
                : pointer).append(" (breaks ").append(direction()).append(", against ").append(baseline).append("): ")
                .append(message);
        if (counterexample != null) {
            text.append("\n    counterexample (").append(counterexampleDirection).append("): ").append(counterexample)
                    .append("\n    refused by the reader: ").append(readerError);
        }
        text.append("\n    advice: ").append(rule.advice());
        return text.toString();
    }
}

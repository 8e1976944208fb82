package io.github.usereventbus.codegen.compatibility;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.compatibility.Counterexamples.Counterexample;
import io.github.usereventbus.codegen.compatibility.SchemaDiff.Change;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.EventSchema;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a contract against earlier releases: which changes break readers in the directions the mode
 * cares about, each with a counterexample where one exists. The entry point for build tools; the Maven
 * goal {@code check-compatibility} is a thin adapter around {@link #check}.
 */
public final class CompatibilityCheck {

    /** Generated events per event and direction in the search beyond the rules. */
    static final int SEARCH_SIZE = 200;

    /** An earlier release: a name for messages (its coordinates) and its schemas. */
    public record Baseline(String name, List<SchemaSource> schemas) {
    }

    /**
     * What the check found.
     *
     * @param findings every difference, breaking or not, accepted or not
     * @param stale    accepted breaks that no longer occur
     */
    public record Result(CompatibilityMode mode, ReaderModel readers, List<String> baselines,
            List<CompatibilityFinding> findings, List<AcceptedBreaks.Entry> stale) {

        /** Breaking findings that are not accepted: the check fails if there is any. */
        public List<CompatibilityFinding> failures() {
            return findings.stream().filter(CompatibilityFinding::fails).toList();
        }

        /** One line for each finding that does not fail the check: compatible, or accepted with its reason. */
        public List<String> notes() {
            return findings.stream().filter(f -> !f.fails())
                    .map(f -> "[" + f.rule() + "] '" + f.detailType() + "' " + f.pointer() + ": " + f.message()
                            + (f.acceptedReason() != null ? " (accepted: " + f.acceptedReason() + ")"
                                    : f.breaking() ? "" : " (compatible)"))
                    .toList();
        }

        /** One warning for each accepted break that no longer occurs, naming the file it is in. */
        public List<String> staleWarnings(String acceptedBreaksFile) {
            return stale.stream().map(entry -> "Stale accepted break in " + acceptedBreaksFile + ": " + entry
                    + " no longer occurs; remove it").toList();
        }

        /**
         * Why the check fails, every unaccepted break with its counterexample, and what to do: what a build or the
         * command line prints, word for word.
         *
         * @param report             where the JSON report was written, as the user should see it
         * @param acceptedBreaksFile where breaks are accepted, as the user should see it
         */
        public String failureMessage(String report, String acceptedBreaksFile) {
            List<CompatibilityFinding> failures = failures();
            StringBuilder message = new StringBuilder("The contract breaks " + mode + " compatibility ("
                    + readers.id() + " readers) with " + String.join(", ", baselines) + ": " + failures.size()
                    + " breaking change(s)\n");
            for (CompatibilityFinding f : failures) {
                message.append("  ").append(f.describe().replace("\n", "\n  ")).append('\n');
            }
            message.append("Report: ").append(report).append("\nTo break on purpose, publish a new"
                    + " detail-type alongside the old one, or accept the break with a reason in ")
                    .append(acceptedBreaksFile);
            return message.toString();
        }

        /** The line that says the contract is compatible. */
        public String summary(String report) {
            return "Compatible (" + mode + ", " + readers.id() + " readers) with " + String.join(", ", baselines)
                    + ": " + findings.size() + " change(s), none breaking; report " + report;
        }
    }

    private CompatibilityCheck() {
    }

    /**
     * Compares the contract with each baseline.
     *
     * @throws InvalidSchemasException if the contract's or a baseline's schemas do not load
     */
    public static Result check(List<SchemaSource> current, List<Baseline> baselines, CompatibilityMode mode,
            ReaderModel readers, AcceptedBreaks accepted) throws InvalidSchemasException {
        SchemaCatalog now = load(current);
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (Baseline baseline : baselines) {
            findings.addAll(compare(baseline.name(), load(baseline.schemas()), now, mode, readers));
        }
        Set<AcceptedBreaks.Entry> used = new HashSet<>();
        List<CompatibilityFinding> resolved = new ArrayList<>();
        for (CompatibilityFinding finding : findings) {
            AcceptedBreaks.Entry entry = accepted.entries().stream().filter(e -> e.matches(finding)).findFirst()
                    .orElse(null);
            if (entry != null) {
                used.add(entry);
                resolved.add(finding.accepted(entry.reason()));
            } else {
                resolved.add(finding);
            }
        }
        List<AcceptedBreaks.Entry> stale = accepted.entries().stream().filter(e -> !used.contains(e)).toList();
        return new Result(mode, readers, baselines.stream().map(Baseline::name).toList(), resolved, stale);
    }

    private static SchemaCatalog load(List<SchemaSource> schemas) throws InvalidSchemasException {
        List<Problem> problems = new ArrayList<>();
        SchemaCatalog catalog = SchemaCatalog.load(schemas, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSchemasException(problems);
        }
        return catalog;
    }

    private static String identity(EventSchema event) {
        return event.source() + "\u0000" + event.detailType();
    }

    private static List<CompatibilityFinding> compare(String baseline, SchemaCatalog before, SchemaCatalog after,
            CompatibilityMode mode, ReaderModel readers) {
        Map<String, EventSchema> oldEvents = new LinkedHashMap<>();
        before.events().forEach(e -> oldEvents.put(identity(e), e));
        Map<String, EventSchema> newEvents = new LinkedHashMap<>();
        after.events().forEach(e -> newEvents.put(identity(e), e));
        List<CompatibilityFinding> findings = new ArrayList<>();
        for (EventSchema oldEvent : oldEvents.values()) {
            EventSchema newEvent = newEvents.get(identity(oldEvent));
            if (newEvent == null) {
                findings.add(removed(baseline, before, oldEvent, after, newEvents, oldEvents, mode));
                continue;
            }
            List<Change> changes = SchemaDiff.compare(before, oldEvent, after, newEvent, readers);
            boolean explainedBackward = false;
            boolean explainedForward = false;
            for (Change change : changes) {
                boolean breaking = mode.checksBackward() && change.breaksBackward()
                        || mode.checksForward() && change.breaksForward();
                Counterexample example = null;
                String direction = null;
                if (breaking && mode.checksBackward() && change.breaksBackward()) {
                    example = Counterexamples.aimedAt(before, oldEvent, after, newEvent, change.path(), change.before());
                    direction = "BACKWARD";
                }
                if (breaking && example == null && mode.checksForward() && change.breaksForward()) {
                    example = Counterexamples.aimedAt(after, newEvent, before, oldEvent, change.path(), change.after());
                    direction = "FORWARD";
                }
                explainedBackward |= change.breaksBackward();
                explainedForward |= change.breaksForward();
                findings.add(finding(change.rule(), baseline, newEvent, change.pointer(), change.location(),
                        change.message(), change.breaksBackward(), change.breaksForward(), breaking, example,
                        example == null ? null : direction));
            }
            // beyond the rules: generated events that the rules did not explain, unless nothing the event is
            // made of changed (its schema and every schema it refers to, compared as text)
            if (changes.isEmpty() && before.closure(oldEvent).equals(after.closure(newEvent))) {
                continue;
            }
            if (mode.checksBackward() && !explainedBackward) {
                search(baseline, before, oldEvent, after, newEvent, readers, false).ifPresent(findings::add);
            }
            if (mode.checksForward() && !explainedForward) {
                search(baseline, after, newEvent, before, oldEvent, readers, true).ifPresent(findings::add);
            }
        }
        for (EventSchema newEvent : newEvents.values()) {
            if (!oldEvents.containsKey(identity(newEvent))) {
                findings.add(finding(CompatibilityRule.EVENT_ADDED, baseline, newEvent, "",
                        newEvent.document().name() + "#", "the event '" + newEvent.detailType() + "' from '"
                        + newEvent.source() + "' was added", false, false, false, null, null));
            }
        }
        return findings;
    }

    private static Optional<CompatibilityFinding> search(String baseline, SchemaCatalog writerCatalog,
            EventSchema writer, SchemaCatalog readerCatalog, EventSchema reader, ReaderModel readers, boolean forward) {
        Counterexample found = Counterexamples.search(writerCatalog, writer, readerCatalog, reader, readers, forward,
                SEARCH_SIZE);
        EventSchema current = forward ? writer : reader;
        return Optional.ofNullable(found).map(example -> finding(CompatibilityRule.COUNTEREXAMPLE_FOUND,
                baseline, current, "", current.document().name() + "#", "a generated event of the "
                + (forward ? "new contract is refused by the old one" : "old contract is refused by the new one"),
                !forward, forward, true, example, forward ? "FORWARD" : "BACKWARD"));
    }

    /** A removed event, named as a likely rename when an added event of the same source looks like it. */
    private static CompatibilityFinding removed(String baseline, SchemaCatalog before, EventSchema oldEvent,
            SchemaCatalog after, Map<String, EventSchema> newEvents, Map<String, EventSchema> oldEvents,
            CompatibilityMode mode) {
        String rename = null;
        double best = 0.5;
        Set<String> oldNames = topLevelNames(before, oldEvent);
        for (EventSchema candidate : newEvents.values()) {
            if (oldEvents.containsKey(identity(candidate)) || !candidate.source().equals(oldEvent.source())) {
                continue;
            }
            Set<String> names = topLevelNames(after, candidate);
            Set<String> common = new LinkedHashSet<>(names);
            common.retainAll(oldNames);
            Set<String> all = new LinkedHashSet<>(names);
            all.addAll(oldNames);
            double similarity = all.isEmpty() ? 0 : (double) common.size() / all.size();
            if (similarity >= best || candidate.document().path().equals(oldEvent.document().path())) {
                best = Math.max(best, similarity);
                rename = candidate.detailType();
            }
        }
        String message = "the event '" + oldEvent.detailType() + "' from '" + oldEvent.source() + "' was removed"
                + (rename == null ? "" : "; likely renamed to '" + rename + "': subscribers of the old name receive"
                + " nothing");
        List<JsonNode> examples = Counterexamples.bases(before, oldEvent);
        Counterexample example = examples.isEmpty() ? null : new Counterexample(examples.get(0),
                "the new contract has no event '" + oldEvent.detailType() + "' from '" + oldEvent.source() + "'");
        return finding(CompatibilityRule.EVENT_REMOVED, baseline, oldEvent, "", oldEvent.document().name() + "#",
                message, true, true, mode != CompatibilityMode.NONE, example, example == null ? null : "BACKWARD");
    }

    private static Set<String> topLevelNames(SchemaCatalog catalog, EventSchema event) {
        Map<String, SchemaCatalog.Target> properties = new LinkedHashMap<>();
        catalog.collect(new SchemaCatalog.Target(event.document(), "", event.document().root()), properties,
                new HashSet<>(), 0);
        return properties.keySet();
    }

    private static CompatibilityFinding finding(CompatibilityRule rule, String baseline, EventSchema event,
            String pointer, String location, String message, boolean backward, boolean forward, boolean breaking,
            Counterexample example, String direction) {
        return new CompatibilityFinding(rule, baseline, event.source(), event.detailType(), pointer, location, message,
                backward, forward, breaking, example == null ? null : example.detail().toString(), direction,
                example == null ? null : example.readerError(), null);
    }
}

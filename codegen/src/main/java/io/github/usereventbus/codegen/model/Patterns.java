package io.github.usereventbus.codegen.model;

import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.runtime.EventPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The EventBridge event patterns of a generation: one per event, and the fewest that cover the whole
 * family within EventBridge's length limit (usually one). Each is
 * written and checked by the runtime's {@link EventPattern} (event-ruler, AWS's own pattern engine, and
 * the 2048-character limit) when it is generated, so that the constants, the files and the typed
 * builders agree, and no rule built from them can be refused.
 */
public final class Patterns {

    private Patterns() {
    }

    /** Every event of one detail-type: {@code {"source":[...],"detail-type":[...]}}. */
    public static EventPattern of(EventType event) {
        return EventPattern.of(List.of(event.source()), List.of(event.detailType()));
    }

    /**
     * Every event of the generation, as the fewest patterns that each fit EventBridge's 2048 characters:
     * exactly the contract's (source, detail-type) pairs, one rule per pattern.
     */
    public static List<EventPattern> family(List<EventType> events) {
        Map<String, List<String>> pairs = new TreeMap<>();
        for (EventType event : events) {
            pairs.computeIfAbsent(event.source(), s -> new ArrayList<>()).add(event.detailType());
        }
        return EventPattern.forEventsInRules(pairs);
    }

    /** A problem with the pattern, or null if event-ruler accepts it and it is short enough. */
    static String check(EventPattern pattern) {
        try {
            pattern.toJson();
            return null;
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    /**
     * The pattern files: one per event, named after its detail-type (with {@code -2}, {@code -3}... where
     * two detail-types give the same name), and the family's: {@code all-events.json}, or
     * {@code all-events-1.json}, {@code all-events-2.json}... when it takes several rules.
     */
    static Map<String, EventPattern> files(List<EventType> events) {
        Map<String, EventPattern> files = new TreeMap<>();
        List<EventPattern> family = family(events);
        if (family.size() == 1) {
            files.put(FAMILY + ".json", family.get(0));
        } else {
            for (int i = 0; i < family.size(); i++) {
                files.put(FAMILY + "-" + (i + 1) + ".json", family.get(i));
            }
        }
        List<EventType> sorted = events.stream()
                .sorted(Comparator.comparing(EventType::detailType).thenComparing(EventType::source)).toList();
        for (EventType event : sorted) {
            String base = fileStem(event.detailType());
            if (isFamilyName(base + ".json")) {
                base += "-event"; // "All Events" or "All Events 2": the family's files keep their names
            }
            String name = base + ".json";
            for (int n = 2; files.containsKey(name); n++) {
                name = base + "-" + n + ".json";
            }
            files.put(name, of(event));
        }
        return files;
    }

    private static final String FAMILY = "all-events";

    private static boolean isFamilyName(String name) {
        return name.equals(FAMILY + ".json") || name.matches(FAMILY + "-[0-9]+\\.json");
    }

    private static String fileStem(String detailType) {
        return Identifiers.constantName(detailType).toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

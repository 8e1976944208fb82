package io.github.usereventbus.codegen;

import io.github.usereventbus.codegen.Model.EventType;
import io.github.usereventbus.runtime.EventPattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The EventBridge event patterns of a generation: one per event, one for the whole family. Each is
 * written and checked by the runtime's {@link EventPattern} (event-ruler, AWS's own pattern engine, and
 * the 2048-character limit) when it is generated, so that the constants, the files and the typed
 * builders agree, and no rule built from them can be refused.
 */
final class Patterns {

    private Patterns() {
    }

    /** Every event of one detail-type: {@code {"source":[...],"detail-type":[...]}}. */
    static EventPattern of(EventType event) {
        return EventPattern.of(List.of(event.source()), List.of(event.detailType()));
    }

    /** Every event of the generation. */
    static EventPattern family(List<EventType> events) {
        return EventPattern.of(events.stream().map(EventType::source).toList(),
                events.stream().map(EventType::detailType).toList());
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

    /** The pattern files: one per event, named after its detail-type, and {@code all-events.json}. */
    static Map<String, EventPattern> files(List<EventType> events) {
        Map<String, EventPattern> files = new TreeMap<>();
        for (EventType event : events) {
            files.put(fileName(event.detailType()), of(event));
        }
        files.put("all-events.json", family(events));
        return files;
    }

    static String fileName(String detailType) {
        return Identifiers.constantName(detailType).toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    }
}

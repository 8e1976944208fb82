package io.github.usereventbus.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.usereventbus.codegen.Model.EventType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.event.ruler.RuleCompiler;

/**
 * The EventBridge event patterns of a generation: one per event, one for the whole family. Each is
 * checked with event-ruler, AWS's own pattern engine, and against the 2048-character limit when it is
 * generated, so that no rule built from them can be refused.
 */
final class Patterns {

    static final int MAX_LENGTH = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Patterns() {
    }

    /** {@code {"source":[...],"detail-type":[...]}}, values sorted, as the runtime's EventPattern writes it. */
    static String of(List<String> sources, List<String> detailTypes) {
        ObjectNode pattern = JSON.createObjectNode();
        ArrayNode s = pattern.putArray("source");
        sources.stream().distinct().sorted().forEach(s::add);
        ArrayNode d = pattern.putArray("detail-type");
        detailTypes.stream().distinct().sorted().forEach(d::add);
        return pattern.toString();
    }

    static String of(EventType event) {
        return of(List.of(event.source()), List.of(event.detailType()));
    }

    static String family(List<EventType> events) {
        return of(events.stream().map(EventType::source).toList(), events.stream().map(EventType::detailType).toList());
    }

    /** A problem with the pattern, or null if event-ruler accepts it and it is short enough. */
    static String check(String pattern) {
        String problem = RuleCompiler.check(pattern);
        if (problem != null) {
            return "event-ruler refuses the generated pattern " + pattern + ": " + problem;
        }
        return pattern.length() > MAX_LENGTH ? "the generated pattern is " + pattern.length()
                + " characters long; EventBridge allows at most " + MAX_LENGTH : null;
    }

    /** The pattern files: one per event, named after its detail-type, and {@code all-events.json}. */
    static Map<String, String> files(List<EventType> events) {
        Map<String, String> files = new TreeMap<>();
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

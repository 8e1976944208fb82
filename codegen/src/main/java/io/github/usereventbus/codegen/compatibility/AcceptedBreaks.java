package io.github.usereventbus.codegen.compatibility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Breaks a team accepts on purpose, read from a JSON file:
 * <pre>{@code
 * {"accepted": [{"rule": "PROPERTY_MADE_REQUIRED", "event": "User Account Created",
 *                "pointer": "/properties/email", "reason": "every producer has set it since 1.0.0"}]}
 * }</pre>
 */
public final class AcceptedBreaks {

    /** One accepted break; {@code index} is its place in the file, for messages. */
    public record Entry(CompatibilityRule rule, String event, String pointer, String reason, int index) {
        boolean matches(CompatibilityFinding finding) {
            return rule == finding.rule() && event.equals(finding.detailType()) && pointer.equals(finding.pointer());
        }

        @Override
        public String toString() {
            return rule + " '" + event + "' " + (pointer.isEmpty() ? "/" : pointer) + " (entry " + index + ")";
        }
    }

    private final String file;
    private final List<Entry> entries;

    private AcceptedBreaks(String file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    public static AcceptedBreaks none() {
        return new AcceptedBreaks("", List.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    public String file() {
        return file;
    }

    /**
     * Reads the file; a missing file accepts nothing.
     *
     * @param display how messages name the file
     * @throws IllegalArgumentException naming the file, the JSON pointer and what is wrong
     */
    public static AcceptedBreaks read(Path path, String display) throws IOException {
        if (!Files.isRegularFile(path)) {
            return new AcceptedBreaks(display, List.of());
        }
        JsonNode root;
        try {
            root = SchemaCatalog.JSON.readTree(Files.readAllBytes(path));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(display + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || !root.path("accepted").isArray()) {
            throw new IllegalArgumentException(display + "#/accepted: expected an array of accepted breaks, each"
                    + " {\"rule\", \"event\", \"pointer\", \"reason\"}");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode accepted = root.get("accepted");
        for (int i = 0; i < accepted.size(); i++) {
            JsonNode entry = accepted.get(i);
            String at = display + "#/accepted/" + i;
            List<String> missing = new ArrayList<>();
            for (String field : List.of("rule", "event", "pointer", "reason")) {
                if (!entry.path(field).isTextual() || field.equals("reason") && entry.path(field).asText().isBlank()) {
                    missing.add(field);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(at + ": " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " required (text)" + (missing.contains("reason") ? "; the reason says why the break is"
                        + " acceptable" : ""));
                continue;
            }
            CompatibilityRule rule;
            try {
                rule = CompatibilityRule.valueOf(entry.get("rule").asText());
            } catch (IllegalArgumentException e) {
                problems.add(at + "/rule: '" + entry.get("rule").asText() + "' is not a rule id; use one of "
                        + Arrays.stream(CompatibilityRule.values()).map(Enum::name).collect(Collectors.joining(", ")));
                continue;
            }
            entries.add(new Entry(rule, entry.get("event").asText(), entry.get("pointer").asText(),
                    entry.get("reason").asText(), i));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return new AcceptedBreaks(display, entries);
    }
}

package io.github.usereventbus.codegen.compatibility;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a check's result as JSON (every finding) and as a JUnit XML file that CI servers show as tests. */
public final class CompatibilityReport {

    private CompatibilityReport() {
    }

    public static void writeJson(CompatibilityCheck.Result result, Path file) throws IOException {
        ObjectNode root = SchemaCatalog.JSON.createObjectNode();
        root.put("compatibility", result.mode().name());
        root.put("readers", result.readers().id());
        ArrayNode baselines = root.putArray("baselines");
        result.baselines().forEach(baselines::add);
        root.put("failures", result.failures().size());
        ArrayNode findings = root.putArray("findings");
        for (CompatibilityFinding f : result.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", f.rule().name());
            node.put("baseline", f.baseline());
            node.put("source", f.source());
            node.put("event", f.detailType());
            node.put("pointer", f.pointer());
            node.put("location", f.location());
            node.put("direction", f.direction());
            node.put("breaking", f.breaking());
            node.put("accepted", f.acceptedReason() != null);
            if (f.acceptedReason() != null) {
                node.put("reason", f.acceptedReason());
            }
            node.put("message", f.message());
            node.put("advice", f.rule().advice());
            if (f.counterexample() != null) {
                ObjectNode example = node.putObject("counterexample");
                example.put("direction", f.counterexampleDirection());
                example.set("detail", SchemaCatalog.JSON.readTree(f.counterexample()));
                example.put("readerError", f.readerError());
            }
        }
        ArrayNode stale = root.putArray("staleAcceptedBreaks");
        for (AcceptedBreaks.Entry e : result.stale()) {
            stale.addObject().put("rule", e.rule().name()).put("event", e.event()).put("pointer", e.pointer())
                    .put("reason", e.reason());
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, SchemaCatalog.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    /** One test case per baseline and event; a failing one lists the event's unaccepted breaking findings. */
    public static void writeJUnit(CompatibilityCheck.Result result, Path file) throws IOException {
        Map<String, List<CompatibilityFinding>> cases = new LinkedHashMap<>();
        for (CompatibilityFinding f : result.findings()) {
            cases.computeIfAbsent(f.detailType() + " against " + f.baseline(), k -> new java.util.ArrayList<>()).add(f);
        }
        long failing = cases.values().stream().filter(list -> list.stream().anyMatch(CompatibilityFinding::fails)).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"user-event-bus compatibility (").append(result.mode()).append(", ")
                .append(result.readers().id()).append(" readers)\" tests=\"").append(cases.size() + result.stale().size())
                .append("\" failures=\"").append(failing).append("\" errors=\"0\" skipped=\"").append(result.stale().size())
                .append("\">\n");
        for (var entry : cases.entrySet()) {
            xml.append("  <testcase classname=\"user-event-bus.compatibility\" name=\"").append(escape(entry.getKey()))
                    .append("\">\n");
            List<CompatibilityFinding> fails = entry.getValue().stream().filter(CompatibilityFinding::fails).toList();
            if (!fails.isEmpty()) {
                xml.append("    <failure message=\"").append(escape(fails.size() + " breaking change(s): "
                        + fails.get(0).rule() + " " + fails.get(0).pointer())).append("\">");
                for (CompatibilityFinding f : fails) {
                    xml.append(escape(f.describe())).append("\n");
                }
                xml.append("</failure>\n");
            }
            xml.append("    <system-out>");
            for (CompatibilityFinding f : entry.getValue()) {
                if (!f.fails()) {
                    xml.append(escape("[" + f.rule() + "] " + f.pointer() + ": " + f.message() + (f.acceptedReason() == null
                            ? "" : " (accepted: " + f.acceptedReason() + ")"))).append("\n");
                }
            }
            xml.append("</system-out>\n  </testcase>\n");
        }
        for (AcceptedBreaks.Entry stale : result.stale()) {
            xml.append("  <testcase classname=\"user-event-bus.compatibility\" name=\"")
                    .append(escape("accepted break " + stale)).append("\">\n")
                    .append("    <skipped message=\"stale: the break no longer occurs; remove it from the file\"/>\n")
                    .append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, xml.toString(), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\n' || cp == '\t' || cp == '\r') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}

package io.github.usereventbus.codegen.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.usereventbus.codegen.model.Analysis;
import io.github.usereventbus.codegen.model.Model.EventType;
import io.github.usereventbus.codegen.model.Patterns;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.runtime.EventPattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pages of an EventCatalog (the layout of {@code @eventcatalog/core} 2 and 3) that a contract owns:
 * the bus as a channel, one page per event with its schema attached, and the producing service.
 * Written from the same analysis as the generated code, so the pages name the real classes and patterns.
 */
final class EventCatalogPages {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContractDocsRequest request;
    private final Analysis analysis;
    private final Map<String, byte[]> pages = new TreeMap<>();

    private EventCatalogPages(ContractDocsRequest request, Analysis analysis) {
        this.request = request;
        this.analysis = analysis;
    }

    /** The contract's pages, by path relative to the catalog's root. */
    static Map<String, byte[]> render(ContractDocsRequest request, Analysis analysis) {
        EventCatalogPages renderer = new EventCatalogPages(request, analysis);
        renderer.channel();
        for (EventType event : analysis.generation().events()) {
            renderer.event(event);
        }
        renderer.service();
        return renderer.pages;
    }

    /** A page for each owner, for a catalog that has none yet: written only where none exists. */
    static Map<String, byte[]> ownerPages(ContractDocsRequest request) {
        Map<String, byte[]> owners = new TreeMap<>();
        for (String owner : request.owners()) {
            owners.put("teams/" + owner + ".mdx", utf8("---\n"
                    + "id: " + yaml(owner) + "\n"
                    + "name: " + yaml(words(owner)) + "\n"
                    + "summary: " + yaml("Owns the events of " + request.serviceDisplayName() + ".") + "\n"
                    + "---\n\n"
                    + "Owns the events that " + mdx(request.serviceDisplayName()) + " publishes on "
                    + mdx(request.busName()) + ". This page was written once by user-event-bus:catalog because"
                    + " the catalog had no page for this owner; edit it freely, it is never overwritten.\n"));
        }
        return owners;
    }

    private void channel() {
        StringBuilder body = new StringBuilder();
        String publisher = request.javaName(analysis.generation().family().publisherName());
        String patterns = request.javaName(analysis.generation().family().patternsName());
        String dispatcher = request.javaName(analysis.generation().family().dispatcherName());
        body.append(generatedNote())
                .append("The EventBridge bus on which ").append(mdx(request.serviceDisplayName()))
                .append(" publishes the events of its contract, version ").append(mdx(request.version()))
                .append(". Delivery is at least once: subscribers handle each event id once.\n\n")
                .append("## Events\n\n| Event | Source | Detail-type |\n|---|---|---|\n");
        for (EventType event : analysis.generation().events()) {
            body.append("| [").append(mdx(event.detailType())).append("](/docs/events/")
                    .append(event.className()).append("/").append(request.version()).append(") | `")
                    .append(event.source()).append("` | `").append(event.detailType()).append("` |\n");
        }
        body.append("\n## Publish\n\n")
                .append("Depend on the contract and `io.github.usereventbus:user-event-bus-publisher`, generate with ")
                .append("`user-event-bus-maven-plugin`").append(request.packageName() == null ? " (in a package of yours)"
                        : " (package `" + request.packageName() + "`)").append(", and publish")
                .append(" through the generated facade. Every event is validated against its schema before it is sent.\n\n")
                .append("```java\n")
                .append("try (").append(simple(publisher)).append(" events = new ").append(simple(publisher))
                .append("(\n        EventBridgePublisher.builder().eventBusName(\"").append(request.eventBus())
                .append("\").build())) {\n");
        EventType first = analysis.generation().events().get(0);
        body.append("    events.publish").append(first.className()).append("(")
                .append(lowerFirst(first.className())).append(");\n}\n```\n\n")
                .append("The producer needs `events:PutEvents` on this bus for these sources and detail-types only:")
                .append(" `user-event-bus:infrastructure` writes that IAM policy.\n\n")
                .append("## Subscribe\n\n")
                .append("Create a rule on this bus with a pattern of `").append(patterns)
                .append("` (one constant per event, `ALL_EVENTS_RULES` for every event, typed narrowing on detail")
                .append(" fields), or with the CloudFormation templates `user-event-bus:infrastructure` writes. Read what")
                .append(" arrives with `").append(dispatcher).append(".tolerant()`, from a Lambda function")
                .append(" (`user-event-bus-lambda`) or an SQS queue (`user-event-bus-sqs`).\n\n")
                .append("Every event:\n\n");
        for (EventPattern rule : Patterns.family(analysis.generation().events())) {
            body.append("```json\n").append(rule.toString()).append("\n```\n\n");
        }
        pages.put("channels/" + request.busName() + "/index.mdx", utf8(frontmatter(request.busName(),
                request.busName(), "The EventBridge bus of " + request.serviceDisplayName() + "'s events",
                "address: " + yaml(request.eventBus()) + "\n"
                        + "protocols:\n  - " + yaml("eventbridge") + "\n"
                        + "deliveryGuarantee: at-least-once\n") + body));
    }

    private void event(EventType event) {
        SchemaCatalog.EventSchema schema = analysis.catalog().events().stream()
                .filter(e -> e.detailType().equals(event.detailType())).findFirst().orElseThrow();
        Document doc = schema.document();
        String id = event.className();
        String dir = "events/" + id + "/";
        String description = doc.root().path("description").asText(doc.root().path("title").asText(event.detailType()));
        StringBuilder body = new StringBuilder(generatedNote())
                .append(mdx(description)).append("\n\n")
                .append("| | |\n|---|---|\n")
                .append("| Source | `").append(event.source()).append("` |\n")
                .append("| Detail-type | `").append(event.detailType()).append("` |\n")
                .append("| Java | `").append(request.javaName(id)).append("` |\n")
                .append("| Schema | `").append(doc.name()).append("` |\n\n")
                .append("## Event pattern\n\n```json\n").append(Patterns.of(event).toString()).append("\n```\n\n");
        JsonNode examples = doc.root().path("examples");
        if (examples.isArray() && !examples.isEmpty()) {
            body.append("## Examples\n\nThe detail of an event, as subscribers receive it:\n\n");
            for (JsonNode example : examples) {
                body.append("```json\n").append(pretty(example)).append("\n```\n\n");
            }
        }
        body.append("## Schema\n\n<SchemaViewer file=\"schema.json\" />\n");
        pages.put(dir + "index.mdx", utf8(frontmatter(id, event.detailType(), summary(description),
                "schemaPath: " + yaml("schema.json") + "\n"
                        + "badges:\n"
                        + "  - content: " + yaml(event.source()) + "\n"
                        + "    backgroundColor: " + yaml("blue") + "\n"
                        + "    textColor: " + yaml("white") + "\n"
                        + "channels:\n"
                        + "  - id: " + yaml(request.busName()) + "\n"
                        + "    version: " + yaml(request.version()) + "\n") + body));
        pages.put(dir + "schema.json", doc.source().content());
        // the shared definitions it refers to, at the same relative place, so that its $refs resolve there
        String base = doc.path().contains("/") ? doc.path().substring(0, doc.path().lastIndexOf('/') + 1) : "";
        for (Document shared : analysis.catalog().documents()) {
            boolean isEvent = analysis.catalog().events().stream().anyMatch(e -> e.document() == shared);
            if (!isEvent && shared.path().startsWith(base)) {
                pages.put(dir + shared.path().substring(base.length()), shared.source().content());
            }
        }
    }

    private void service() {
        StringBuilder sends = new StringBuilder("sends:\n");
        StringBuilder body = new StringBuilder(generatedNote())
                .append(mdx(request.serviceDisplayName())).append(" publishes these events on the bus ")
                .append("[").append(mdx(request.busName())).append("](/docs/channels/").append(request.busName())
                .append("/").append(request.version()).append("), contract version ").append(mdx(request.version()))
                .append(":\n\n");
        for (EventType event : analysis.generation().events()) {
            String id = event.className();
            sends.append("  - id: ").append(yaml(id)).append("\n")
                    .append("    version: ").append(yaml(request.version())).append("\n")
                    .append("    to:\n      - id: ").append(yaml(request.busName())).append("\n")
                    .append("        version: ").append(yaml(request.version())).append("\n");
            body.append("- [").append(mdx(event.detailType())).append("](/docs/events/").append(id).append("/")
                    .append(request.version()).append(")\n");
        }
        pages.put("services/" + request.serviceId() + "/index.mdx", utf8(frontmatter(request.serviceId(),
                request.serviceDisplayName(), "Publishes " + analysis.generation().events().size()
                        + " event(s) on " + request.busName(), sends.toString()) + body));
    }

    private String frontmatter(String id, String name, String summary, String extra) {
        StringBuilder owners = new StringBuilder("owners:\n");
        request.owners().forEach(o -> owners.append("  - ").append(yaml(o)).append("\n"));
        return "---\n"
                + "id: " + yaml(id) + "\n"
                + "name: " + yaml(name) + "\n"
                + "version: " + yaml(request.version()) + "\n"
                + "summary: " + yaml(summary) + "\n"
                + owners
                + extra
                + "---\n\n";
    }

    private static String generatedNote() {
        return "{/* Written by user-event-bus:catalog from the event schemas; edit the schemas, not this page. */}\n\n";
    }

    /** The first sentence or line, for a one-line summary. */
    private static String summary(String description) {
        String line = description.strip().split("\\R", 2)[0];
        int stop = line.indexOf(". ");
        return stop > 0 ? line.substring(0, stop + 1) : line;
    }

    /** A YAML scalar: a JSON string, which YAML reads as a double-quoted scalar. */
    static String yaml(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    /** Text safe in MDX prose: no JSX, no expressions. */
    static String mdx(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("{", "&#123;")
                .replace("}", "&#125;").strip();
    }

    private static String pretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node).replace("\r\n", "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static String words(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[-_.]+")) {
            if (!part.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ").append(part.substring(0, 1).toUpperCase(Locale.ROOT))
                        .append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> ownerPagePaths(String owner) {
        return List.of("teams/" + owner + ".mdx", "teams/" + owner + ".md", "users/" + owner + ".mdx",
                "users/" + owner + ".md");
    }
}

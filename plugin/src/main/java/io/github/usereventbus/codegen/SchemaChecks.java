package io.github.usereventbus.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import io.github.usereventbus.codegen.SchemaCatalog.Document;
import io.github.usereventbus.codegen.SchemaCatalog.EventSchema;
import io.github.usereventbus.codegen.SchemaCatalog.Target;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks across a loaded schema set: every document against its dialect's meta-schema, every
 * {@code $ref} resolvable, each detail-type declared once, each detail an object, each example an instance
 * of its schema. Problems go to the list given; warnings to the catalog.
 */
final class SchemaChecks {

    private final SchemaCatalog catalog;
    private final List<Problem> problems;
    private final CheckCache cache;

    SchemaChecks(SchemaCatalog catalog, List<Problem> problems, CheckCache cache) {
        this.catalog = catalog;
        this.problems = problems;
        this.cache = cache;
    }

    void run() {
        metaSchemas();
        references();
        events();
    }

    private void metaSchemas() {
        Map<SpecificationVersion, Schema> metaSchemas = new HashMap<>();
        for (Document doc : catalog.documents()) {
            String key = cache.key("meta-schema", List.of(doc.root().toString()));
            if (cache.passed(key)) {
                continue;
            }
            Schema meta = metaSchemas.computeIfAbsent(doc.dialect(), catalog::metaSchema);
            List<Error> errors = meta.validate(doc.root());
            for (Error error : errors) {
                problems.add(new Problem(doc.name(), error.getInstanceLocation().toString(),
                        "breaks the " + doc.dialect().getDialectId() + " meta-schema: " + error.getMessage()));
            }
            if (errors.isEmpty()) {
                cache.passedNow().add(key);
            }
        }
    }

    private void references() {
        for (Document doc : catalog.documents()) {
            references(doc, doc.root(), "");
        }
    }

    private void references(Document doc, JsonNode node, String pointer) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                catalog.resolve(doc, ref.asText(), pointer + "/$ref", problems);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!isDataKeyword(field.getKey())) {
                    references(doc, field.getValue(), pointer + "/" + SchemaCatalog.escape(field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(doc, node.get(i), pointer + "/" + i);
            }
        }
    }

    /** Keywords whose values are data, not schemas: a {@code $ref} inside them is not a reference. */
    private static boolean isDataKeyword(String keyword) {
        return keyword.equals("examples") || keyword.equals("example") || keyword.equals("enum")
                || keyword.equals("const") || keyword.equals("default");
    }

    private void events() {
        Map<String, EventSchema> byDetailType = new TreeMap<>();
        for (EventSchema event : catalog.allEvents()) {
            Document doc = event.document();
            EventSchema other = byDetailType.putIfAbsent(event.detailType(), event);
            if (other != null) {
                problems.add(new Problem(doc.name(), "/" + SchemaCatalog.DETAIL_TYPE_KEYWORD, "detail-type '"
                        + event.detailType() + "' is also declared by " + other.document().name()
                        + "; each event needs its own"));
                catalog.markDuplicate(event);
            }
            Target detail = catalog.followRefs(new Target(doc, "", doc.root()));
            if (detail != null && !SchemaCatalog.isObjectSchema(detail.node())) {
                problems.add(new Problem(doc.name(), "", "the detail schema must describe a JSON object (\"type\": \"object\"),"
                        + " since EventBridge requires Detail to be an object; found " + describeType(detail.node())));
            }
            examples(event);
        }
    }

    private static String describeType(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null) {
            return "\"type\": " + type;
        }
        return schema.isObject() ? "a schema for arrays or single values" : schema.toString();
    }

    private void examples(EventSchema event) {
        Document doc = event.document();
        JsonNode examples = doc.root().get("examples");
        if (examples == null || !examples.isArray() || examples.isEmpty()) {
            return;
        }
        String key = cache.key("examples", catalog.closure(event));
        if (cache.passed(key)) {
            return;
        }
        boolean clean = true;
        Schema schema = catalog.validatorFor(doc);
        // examples is a keyword from draft 06 on; in a draft 04 schema it is free-form (Google's hold URLs)
        boolean keyword = doc.dialect() != SpecificationVersion.DRAFT_4;
        for (int i = 0; i < examples.size(); i++) {
            for (Error error : schema.validate(examples.get(i))) {
                clean = false;
                Problem problem = new Problem(doc.name(), "/examples/" + i + error.getInstanceLocation(),
                        "the example breaks its schema: " + error.getMessage()
                                + (keyword ? "" : " (examples is no draft-04 keyword, so this is not an error)"));
                if (keyword) {
                    problems.add(problem);
                } else {
                    catalog.warn(problem);
                }
            }
        }
        if (clean) {
            cache.passedNow().add(key);
        }
    }
}

package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SpecificationVersion;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.codegen.schema.SchemaCatalog.EventSchema;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The checks across a loaded schema set: every document against its dialect's meta-schema, every
 * {@code $ref} resolvable, each detail-type declared once, each detail an object, each example an instance
 * of its schema. Problems go to the list given; warnings to the catalog.
 *
 * <p>The checks that need the validator (meta-schemas and examples: most of the checking time, and the
 * validator's own start in a fresh JVM) can run on a thread of their own while the caller models and renders
 * ({@link #start}); what they find is added when the caller {@linkplain Pending#join joins} them. They only
 * read the catalog.
 */
public final class SchemaChecks {

    private final SchemaCatalog catalog;
    private final List<Problem> problems;
    private final List<Problem> warnings;
    private final CheckCache cache;
    private final Set<String> passed;

    private SchemaChecks(SchemaCatalog catalog, List<Problem> problems, List<Problem> warnings, CheckCache cache,
            Set<String> passed) {
        this.catalog = catalog;
        this.problems = problems;
        this.warnings = warnings;
        this.cache = cache;
        this.passed = passed;
    }

    /** Runs every check now. */
    static void run(SchemaCatalog catalog, List<Problem> problems, CheckCache cache) {
        start(catalog, problems, cache, Runnable::run).join();
    }

    /**
     * Runs the checks that need no validator now, and hands the others to {@code executor}.
     *
     * @return the validator's checks, to be joined before their problems count
     */
    public static Pending start(SchemaCatalog catalog, List<Problem> problems, CheckCache cache, Executor executor) {
        SchemaChecks structural = new SchemaChecks(catalog, problems, null, cache, cache.passedNow());
        structural.references();
        structural.events();
        SchemaChecks validating = new SchemaChecks(catalog, new ArrayList<>(), new ArrayList<>(), cache,
                new HashSet<>());
        CompletableFuture<SchemaChecks> done = CompletableFuture.supplyAsync(() -> {
            validating.metaSchemas();
            catalog.allEvents().forEach(validating::examples);
            return validating;
        }, executor);
        return new Pending(done, catalog, problems, cache);
    }

    /** The validator's checks under way; {@link #join} adds their problems, warnings and passed checks. */
    public static final class Pending {
        private final CompletableFuture<SchemaChecks> done;
        private final SchemaCatalog catalog;
        private final List<Problem> problems;
        private final CheckCache cache;
        private boolean joined;

        private Pending(CompletableFuture<SchemaChecks> done, SchemaCatalog catalog, List<Problem> problems,
                CheckCache cache) {
            this.done = done;
            this.catalog = catalog;
            this.problems = problems;
            this.cache = cache;
        }

        /** Waits for the checks and adds what they found; a second call does nothing. */
        public void join() {
            if (joined) {
                return;
            }
            joined = true;
            SchemaChecks checks;
            try {
                checks = done.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            problems.addAll(checks.problems);
            checks.warnings.forEach(catalog::warn);
            cache.passedNow().addAll(checks.passed);
        }
    }

    private void metaSchemas() {
        Map<SpecificationVersion, Schema> metaSchemas = new HashMap<>();
        for (Document doc : catalog.documents()) {
            String key = cache.key("meta-schema", List.of(doc.root().toString()));
            if (passedBefore(key)) {
                continue;
            }
            Schema meta = metaSchemas.computeIfAbsent(doc.dialect(), catalog.validators()::metaSchema);
            List<Error> errors = meta.validate(doc.root());
            for (Error error : errors) {
                problems.add(new Problem(doc.name(), error.getInstanceLocation().toString(),
                        "breaks the " + doc.dialect().getDialectId() + " meta-schema: " + error.getMessage()));
            }
            if (errors.isEmpty()) {
                passed.add(key);
            }
        }
    }

    /** Whether the check passed last time; if so it counts as passed now too. */
    private boolean passedBefore(String key) {
        if (cache.passedBefore().contains(key)) {
            passed.add(key);
            return true;
        }
        return false;
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
                catalog.references().resolve(doc, ref.asText(), pointer + "/$ref", problems);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!isDataKeyword(field.getKey())) {
                    references(doc, field.getValue(), pointer + "/" + JsonPointers.escape(field.getKey()));
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
                problems.add(new Problem(doc.name(), "/" + EventKeywords.DETAIL_TYPE_KEYWORD, "detail-type '"
                        + event.detailType() + "' is also declared by " + other.document().name()
                        + "; each event needs its own"));
                catalog.markDuplicate(event);
            }
            Target detail = catalog.followRefs(new Target(doc, "", doc.root()));
            if (detail != null && !SchemaCatalog.isObjectSchema(detail.node())) {
                problems.add(new Problem(doc.name(), "", "the detail schema must describe a JSON object (\"type\": \"object\"),"
                        + " since EventBridge requires Detail to be an object; found " + describeType(detail.node())));
            }
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
        if (passedBefore(key)) {
            return;
        }
        boolean clean = true;
        Schema schema = catalog.validators().validatorFor(doc);
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
                    warnings.add(problem);
                }
            }
        }
        if (clean) {
            passed.add(key);
        }
    }
}

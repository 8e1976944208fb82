package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed, checked set of schema files: which are events, which are shared definitions, and how
 * {@code $ref}s between them resolve. Loading collects every problem it finds instead of stopping at
 * the first, and never reads anything but the given sources.
 */
public final class SchemaCatalog {

    /** How deep references and nesting are followed before a schema counts as too deep. */
    public static final int MAX_DEPTH = 64;
    static final SpecificationVersion DEFAULT_DIALECT = SpecificationVersion.DRAFT_2020_12;

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A parsed schema file. */
    public record Document(SchemaSource source, JsonNode root, SpecificationVersion dialect) {
        public String path() {
            return source.path();
        }

        public String name() {
            return source.displayName();
        }
    }

    /** A document marked as an event with both {@code x-amazon-events-*} keywords. */
    public record EventSchema(Document document, String source, String detailType) {
    }

    /** The target of a {@code $ref}: a node of some document, with its pointer. */
    public record Target(Document document, String pointer, JsonNode node) {
        public String key() {
            return document.path() + "#" + pointer;
        }
    }

    private final Map<String, Document> documents;
    private final List<Problem> warnings = new ArrayList<>();
    private final Map<String, Document> documentsById;
    private final List<EventSchema> events;
    private final List<EventSchema> duplicates = new ArrayList<>();
    private final SchemaReferences references;
    private final SchemaValidators validators;

    private SchemaCatalog(Map<String, Document> documents, Map<String, Document> documentsById,
            List<EventSchema> events) {
        this.documents = documents;
        this.documentsById = documentsById;
        this.events = events;
        this.references = new SchemaReferences(documents, documentsById);
        this.validators = new SchemaValidators(documents.values());
    }

    /**
     * Parses and checks every source; problems go to {@code problems}. Documents with problems that make
     * them unusable (malformed JSON) are left out of the catalog.
     */
    public static SchemaCatalog load(Collection<SchemaSource> sources, List<Problem> problems) {
        return load(sources, problems, CheckCache.none());
    }

    /** As {@link #load(Collection, List)}, skipping the checks that {@code cache} says passed before. */
    public static SchemaCatalog load(Collection<SchemaSource> sources, List<Problem> problems, CheckCache cache) {
        SchemaCatalog catalog = read(sources, problems);
        SchemaChecks.run(catalog, problems, cache);
        return catalog;
    }

    /** Parses every source, with no check across them: {@link SchemaChecks} does those. */
    public static SchemaCatalog read(Collection<SchemaSource> sources, List<Problem> problems) {
        Map<String, Document> documents = new TreeMap<>();
        Map<String, Document> byId = new TreeMap<>();
        for (SchemaSource source : sources) {
            Document previous = documents.get(source.path());
            if (previous != null) {
                problems.add(new Problem(source.displayName(), "",
                        "the same schema path is also provided by " + previous.name() + "; remove one of them"));
                continue;
            }
            SchemaDialects.parse(source, problems).ifPresent(doc -> {
                documents.put(source.path(), doc);
                JsonNode id = doc.root().path("$id");
                if (id.isTextual() && SchemaReferences.isAbsoluteUri(id.asText())) {
                    byId.put(SchemaReferences.stripFragment(id.asText()), doc);
                }
            });
        }
        List<EventSchema> events = new ArrayList<>();
        for (Document doc : documents.values()) {
            EventKeywords.classify(doc, problems).ifPresent(events::add);
        }
        return new SchemaCatalog(documents, byId, events);
    }

    /** The events, less those whose detail-type another event already declared. */
    public List<EventSchema> events() {
        return events.stream().filter(e -> !duplicates.contains(e)).toList();
    }

    /** Every event schema, duplicates of a detail-type included: what the checks go through. */
    List<EventSchema> allEvents() {
        return List.copyOf(events);
    }

    /** Leaves an event out of {@link #events()}: its detail-type was declared before. */
    void markDuplicate(EventSchema event) {
        duplicates.add(event);
    }

    /** What is worth fixing but stops nothing. */
    public List<Problem> warnings() {
        return List.copyOf(warnings);
    }

    void warn(Problem warning) {
        warnings.add(warning);
    }

    /** The text of an event's schema and of every schema it refers to, transitively, in the order reached. */
    public List<String> closure(EventSchema event) {
        List<String> texts = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<Document> todo = new java.util.ArrayDeque<>(List.of(event.document()));
        while (!todo.isEmpty()) {
            Document doc = todo.removeFirst();
            if (!seen.add(doc.path())) {
                continue;
            }
            texts.add(doc.root().toString());
            for (JsonNode ref : doc.root().findValues("$ref")) {
                Target target = ref.isTextual() ? references.resolve(doc, ref.asText(), "", new ArrayList<>()) : null;
                if (target != null) {
                    todo.addLast(target.document());
                }
            }
        }
        return texts;
    }

    /** How {@code $ref}s resolve within this set. */
    SchemaReferences references() {
        return references;
    }

    /** The validator of this set's documents and the meta-schemas of their dialects. */
    public SchemaValidators validators() {
        return validators;
    }

    public Collection<Document> documents() {
        return documents.values();
    }

    /** Follows plain {@code $ref}s; their own problems were reported when the set was checked. */
    Target followRefs(Target target) {
        Target current = target;
        for (int hops = 0; current != null && current.node().has("$ref") && hops < 32; hops++) {
            JsonNode siblings = current.node();
            if (siblings.has("type") || siblings.has("properties")) {
                return current;
            }
            current = references.resolve(current.document(), siblings.get("$ref").asText(), current.pointer() + "/$ref",
                    new ArrayList<>());
        }
        return current;
    }

    // ---------------------------------------------------------------- following references

    /** The target of a node's {@code $ref}, or null; problems with references were reported at load. */
    public Target resolveRef(Target target) {
        JsonNode ref = target.node().get("$ref");
        if (ref == null || !ref.isTextual()) {
            return null;
        }
        return references.resolve(target.document(), ref.asText(), target.pointer() + "/$ref", new ArrayList<>());
    }

    /** Follows plain {@code $ref}s to the schema that says something. */
    public Target follow(Target target) {
        Target current = target;
        for (int hops = 0; current != null && current.node().isObject() && current.node().has("$ref")
                && !SchemaShapes.hasStructuralSiblings(current.node()); hops++) {
            if (hops > MAX_DEPTH) {
                return null;
            }
            current = resolveRef(current);
        }
        return current;
    }

    /** Gathers properties and required names through {@code $ref} and {@code allOf}; later definitions narrow earlier ones. */
    public void collect(Target target, Map<String, Target> properties, Set<String> required, int depth) {
        JsonNode s = target.node();
        if (!s.isObject() || depth > MAX_DEPTH) {
            return;
        }
        if (s.has("$ref")) {
            Target referenced = resolveRef(target);
            if (referenced != null) {
                collect(referenced, properties, required, depth + 1);
            }
        }
        JsonNode allOf = s.path("allOf");
        for (int i = 0; i < allOf.size(); i++) {
            collect(SchemaShapes.child(target, "allOf", String.valueOf(i)), properties, required, depth + 1);
        }
        JsonNode props = s.path("properties");
        for (Iterator<String> names = props.fieldNames(); names.hasNext();) {
            String name = names.next();
            properties.remove(name);
            properties.put(name, SchemaShapes.child(target, "properties", name));
        }
        for (JsonNode r : s.path("required")) {
            if (r.isTextual()) {
                required.add(r.asText());
            }
        }
    }

    static boolean isObjectSchema(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.isObject() && !schema.has("items") && !schema.has("enum") && !schema.has("const");
        }
        if (type.isTextual()) {
            return type.asText().equals("object");
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("object")) {
                    return true;
                }
            }
        }
        return false;
    }

}

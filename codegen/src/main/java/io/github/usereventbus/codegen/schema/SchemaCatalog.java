package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.usereventbus.runtime.SchemaValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A parsed, checked set of schema files: which are events, which are shared definitions, and how
 * {@code $ref}s between them resolve. Loading collects every problem it finds instead of stopping at
 * the first, and never reads anything but the given sources.
 */
public final class SchemaCatalog {

    public static final String SOURCE_KEYWORD = "x-amazon-events-source";
    public static final String DETAIL_TYPE_KEYWORD = "x-amazon-events-detail-type";
    static final int MAX_DETAIL_TYPE_LENGTH = 128;
    static final int MAX_SOURCE_LENGTH = 256;
    /** How deep references and nesting are followed before a schema counts as too deep. */
    public static final int MAX_DEPTH = 64;
    /** Base IRI under which schemas are known to the validator; {@code .invalid} never resolves. */
    private static final String BASE_IRI = "https://user-event-bus.invalid/schemas/";
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
    private SchemaRegistry registry;

    private SchemaCatalog(Map<String, Document> documents, Map<String, Document> documentsById,
            List<EventSchema> events) {
        this.documents = documents;
        this.documentsById = documentsById;
        this.events = events;
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
                if (id.isTextual() && isAbsoluteUri(id.asText())) {
                    byId.put(stripFragment(id.asText()), doc);
                }
            });
        }
        List<EventSchema> events = new ArrayList<>();
        for (Document doc : documents.values()) {
            classify(doc, problems).ifPresent(events::add);
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
                Target target = ref.isTextual() ? resolve(doc, ref.asText(), "", new ArrayList<>()) : null;
                if (target != null) {
                    todo.addLast(target.document());
                }
            }
        }
        return texts;
    }

    /** The meta-schema of a dialect, from the shared registry. */
    Schema metaSchema(SpecificationVersion dialect) {
        return registry().getSchema(SchemaLocation.of(dialect.getDialectId()));
    }

    public Collection<Document> documents() {
        return documents.values();
    }

    // ---------------------------------------------------------------- parsing and classifying

    private static Optional<EventSchema> classify(Document doc, List<Problem> problems) {
        JsonNode root = doc.root();
        boolean hasSource = root.has(SOURCE_KEYWORD);
        boolean hasDetailType = root.has(DETAIL_TYPE_KEYWORD);
        if (!hasSource && !hasDetailType) {
            return Optional.empty();
        }
        if (hasSource != hasDetailType) {
            String missing = hasSource ? DETAIL_TYPE_KEYWORD : SOURCE_KEYWORD;
            String present = hasSource ? SOURCE_KEYWORD : DETAIL_TYPE_KEYWORD;
            problems.add(new Problem(doc.name(), "", "has " + present + " but not " + missing
                    + "; an event schema needs both, a shared definition neither"));
            return Optional.empty();
        }
        JsonNode source = root.get(SOURCE_KEYWORD);
        JsonNode detailType = root.get(DETAIL_TYPE_KEYWORD);
        boolean ok = true;
        if (!source.isTextual()) {
            problems.add(new Problem(doc.name(), "/" + SOURCE_KEYWORD, "must be a string"));
            ok = false;
        } else {
            ok &= checkSource(doc, source.asText(), problems);
        }
        if (!detailType.isTextual()) {
            problems.add(new Problem(doc.name(), "/" + DETAIL_TYPE_KEYWORD, "must be a string"));
            ok = false;
        } else {
            ok &= checkDetailType(doc, detailType.asText(), problems);
        }
        return ok ? Optional.of(new EventSchema(doc, source.asText(), detailType.asText())) : Optional.empty();
    }

    private static boolean checkSource(Document doc, String source, List<Problem> problems) {
        String pointer = "/" + SOURCE_KEYWORD;
        if (source.isBlank()) {
            problems.add(new Problem(doc.name(), pointer, "the source must not be empty"));
            return false;
        }
        if (source.startsWith("aws.")) {
            problems.add(new Problem(doc.name(), pointer, "source '" + source + "' starts with 'aws.', which"
                    + " EventBridge reserves for AWS services and refuses from custom publishers"
                    + " (NotAuthorizedForSourceException); use a reverse-DNS name such as com.example.user-service"));
            return false;
        }
        if (source.length() > MAX_SOURCE_LENGTH) {
            problems.add(new Problem(doc.name(), pointer, "source is " + source.length()
                    + " characters long; EventBridge allows at most " + MAX_SOURCE_LENGTH));
            return false;
        }
        return true;
    }

    private static boolean checkDetailType(Document doc, String detailType, List<Problem> problems) {
        String pointer = "/" + DETAIL_TYPE_KEYWORD;
        if (detailType.isBlank()) {
            problems.add(new Problem(doc.name(), pointer, "the detail-type must not be empty"));
            return false;
        }
        if (detailType.length() > MAX_DETAIL_TYPE_LENGTH) {
            problems.add(new Problem(doc.name(), pointer, "detail-type is " + detailType.length()
                    + " characters long; EventBridge allows at most " + MAX_DETAIL_TYPE_LENGTH));
            return false;
        }
        return true;
    }

    /** Follows plain {@code $ref}s; their own problems were reported when the set was checked. */
    Target followRefs(Target target) {
        Target current = target;
        for (int hops = 0; current != null && current.node().has("$ref") && hops < 32; hops++) {
            JsonNode siblings = current.node();
            if (siblings.has("type") || siblings.has("properties")) {
                return current;
            }
            current = resolve(current.document(), siblings.get("$ref").asText(), current.pointer() + "/$ref",
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
        return resolve(target.document(), ref.asText(), target.pointer() + "/$ref", new ArrayList<>());
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

    /** A validator for the document, resolving references within the schema set only. */
    public Schema validatorFor(Document doc) {
        return registry().getSchema(SchemaLocation.of(iriOf(doc)));
    }

    /** The validator's registry of this schema set, made on first use: its start is slow in a fresh JVM. */
    private synchronized SchemaRegistry registry() {
        if (registry == null) {
            registry = newRegistry(documents.values());
        }
        return registry;
    }

    private static String iriOf(Document doc) {
        JsonNode id = doc.root().path("$id");
        return id.isTextual() && isAbsoluteUri(id.asText()) ? stripFragment(id.asText()) : BASE_IRI + doc.path();
    }

    private static SchemaRegistry newRegistry(Collection<Document> documents) {
        Map<String, String> contents = new HashMap<>();
        for (Document doc : documents) {
            String text = doc.root().toString();
            contents.put(BASE_IRI + doc.path(), text);
            contents.put(iriOf(doc), text);
        }
        return SchemaValidator.newRegistry(iri -> contents.get(stripFragment(iri)));
    }

    // ---------------------------------------------------------------- reference resolution

    /**
     * Resolves a {@code $ref} found in {@code from} at {@code refPointer}. Returns null, with a problem,
     * when it is a URL, leaves the schema set, or names something that does not exist.
     */
    Target resolve(Document from, String ref, String refPointer, List<Problem> problems) {
        int hash = ref.indexOf('#');
        String location = hash < 0 ? ref : ref.substring(0, hash);
        String fragment = hash < 0 ? "" : ref.substring(hash + 1);
        Document target;
        if (location.isEmpty()) {
            target = from;
        } else if (isAbsoluteUri(location) || location.startsWith("//")) {
            target = documentsById.get(location);
            if (target == null) {
                problems.add(new Problem(from.name(), refPointer, "$ref '" + ref + "' is a URL; the build never"
                        + " fetches schemas from the network: copy the schema into the schema directory and"
                        + " refer to it by a relative path"));
                return null;
            }
        } else {
            String path = resolvePath(from.path(), location);
            if (path == null) {
                problems.add(new Problem(from.name(), refPointer, "$ref '" + ref
                        + "' points outside the schema directory; only files inside it can be referenced"));
                return null;
            }
            target = documents.get(path);
            if (target == null) {
                problems.add(new Problem(from.name(), refPointer, "$ref '" + ref + "' names the file '" + path
                        + "', which is not in the schema directory"));
                return null;
            }
        }
        return resolveFragment(from, target, ref, fragment, refPointer, problems);
    }

    private Target resolveFragment(Document from, Document target, String ref, String fragment, String refPointer,
            List<Problem> problems) {
        String pointer = decodeFragment(fragment);
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            String anchor = findAnchor(target.root(), pointer, "");
            if (anchor == null) {
                problems.add(new Problem(from.name(), refPointer, "$ref '" + ref + "' names the anchor '" + pointer
                        + "', which " + target.name() + " does not define"));
                return null;
            }
            pointer = anchor;
        }
        JsonNode node;
        try {
            node = target.root().at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(from.name(), refPointer, "$ref '" + ref + "' has an invalid JSON pointer: "
                    + e.getMessage()));
            return null;
        }
        if (node.isMissingNode()) {
            problems.add(new Problem(from.name(), refPointer, "$ref '" + ref + "' points to '" + pointer
                    + "', which does not exist in " + target.name()));
            return null;
        }
        return new Target(target, pointer, node);
    }

    private static String findAnchor(JsonNode node, String anchor, String pointer) {
        if (node.isObject()) {
            if (anchor.equals(node.path("$anchor").asText(null)) || ("#" + anchor).equals(node.path("$id").asText(null))) {
                return pointer;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String found = findAnchor(field.getValue(), anchor, pointer + "/" + escape(field.getKey()));
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = findAnchor(node.get(i), anchor, pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Resolves {@code relative} against the directory of {@code base}; null if it leaves the root. */
    public static String resolvePath(String base, String relative) {
        String decoded = java.net.URLDecoder.decode(relative.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>(List.of(base.split("/")));
        parts.remove(parts.size() - 1);
        if (decoded.startsWith("/")) {
            return null;
        }
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private static String decodeFragment(String fragment) {
        return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static boolean isAbsoluteUri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute();
        } catch (URISyntaxException e) {
            return value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
        }
    }

    static String stripFragment(String iri) {
        int hash = iri.indexOf('#');
        return hash < 0 ? iri : iri.substring(0, hash);
    }

    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

}

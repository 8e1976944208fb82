package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How a {@code $ref} resolves within a schema set: a relative path (never leaving the set), a fragment (a JSON
 * pointer or an anchor), or an absolute URI that is the {@code $id} of one of the set's files. Never the network.
 */
public final class SchemaReferences {

    private final Map<String, Document> documents;
    private final Map<String, Document> documentsById;

    SchemaReferences(Map<String, Document> documents, Map<String, Document> documentsById) {
        this.documents = documents;
        this.documentsById = documentsById;
    }

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
                String found = findAnchor(field.getValue(), anchor, pointer + "/" + JsonPointers.escape(field.getKey()));
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
}

package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.usereventbus.codegen.schema.SchemaCatalog.Document;
import io.github.usereventbus.runtime.SchemaValidator;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The validator (networknt, configured as at run time) of a schema set: each document under its {@code $id} or a
 * base IRI that never resolves, so that references stay within the set; and the meta-schemas of the dialects.
 */
public final class SchemaValidators {

    /** Base IRI under which schemas are known to the validator; {@code .invalid} never resolves. */
    private static final String BASE_IRI = "https://user-event-bus.invalid/schemas/";

    private final Collection<Document> documents;
    private SchemaRegistry registry;

    SchemaValidators(Collection<Document> documents) {
        this.documents = documents;
    }

    /** The meta-schema of a dialect, from the shared registry. */
    public Schema metaSchema(SpecificationVersion dialect) {
        return registry().getSchema(SchemaLocation.of(dialect.getDialectId()));
    }

    /** A validator for the document, resolving references within the schema set only. */
    public Schema validatorFor(Document doc) {
        return registry().getSchema(SchemaLocation.of(iriOf(doc)));
    }

    /** The validator's registry of this schema set, made on first use: its start is slow in a fresh JVM. */
    private synchronized SchemaRegistry registry() {
        if (registry == null) {
            registry = newRegistry(documents);
        }
        return registry;
    }

    private static String iriOf(Document doc) {
        JsonNode id = doc.root().path("$id");
        return id.isTextual() && SchemaReferences.isAbsoluteUri(id.asText()) ? SchemaReferences.stripFragment(id.asText()) : BASE_IRI + doc.path();
    }

    private static SchemaRegistry newRegistry(Collection<Document> documents) {
        Map<String, String> contents = new HashMap<>();
        for (Document doc : documents) {
            String text = doc.root().toString();
            contents.put(BASE_IRI + doc.path(), text);
            contents.put(iriOf(doc), text);
        }
        return SchemaValidator.newRegistry(iri -> contents.get(SchemaReferences.stripFragment(iri)));
    }
}

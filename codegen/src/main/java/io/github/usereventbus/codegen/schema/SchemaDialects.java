package io.github.usereventbus.codegen.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.SpecificationVersion;
import io.github.usereventbus.runtime.SchemaValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reading a schema file: its JSON, and which JSON Schema dialect it speaks. */
final class SchemaDialects {

    private SchemaDialects() {
    }

    static Optional<SchemaCatalog.Document> parse(SchemaSource source, List<Problem> problems) {
        JsonNode root;
        try {
            root = SchemaCatalog.JSON.readTree(new String(source.content(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            problems.add(new Problem(source.displayName(), "", "malformed JSON" + where + ": " + e.getOriginalMessage()));
            return Optional.empty();
        }
        if (root == null || root.isMissingNode()) {
            problems.add(new Problem(source.displayName(), "", "the file is empty; a schema is a JSON object"));
            return Optional.empty();
        }
        SpecificationVersion dialect = SchemaCatalog.DEFAULT_DIALECT;
        JsonNode declared = root.path("$schema");
        if (declared.isTextual()) {
            Optional<SpecificationVersion> known = dialectOf(declared.asText());
            if (known.isEmpty()) {
                problems.add(new Problem(source.displayName(), "/$schema", "unsupported $schema '" + declared.asText()
                        + "'; use draft-04, draft-06, draft-07, 2019-09, 2020-12 or Iglu's self-describing 1-0-0 (no $schema"
                        + " means 2020-12)"));
                return Optional.empty();
            }
            dialect = known.get();
        }
        return Optional.of(new SchemaCatalog.Document(source, root, dialect));
    }

    static Optional<SpecificationVersion> dialectOf(String schemaUri) {
        if (SchemaReferences.stripFragment(schemaUri.trim()).equals(
                SchemaReferences.stripFragment(SchemaValidator.IGLU_SELF_DESCRIBING))) {
            return Optional.of(SpecificationVersion.DRAFT_4); // Iglu: draft 04 with a self keyword
        }
        String normalized = SchemaReferences.stripFragment(schemaUri.trim()).replaceFirst("^http://json-schema\\.org/draft/",
                "https://json-schema.org/draft/");
        for (SpecificationVersion version : SpecificationVersion.values()) {
            if (SchemaReferences.stripFragment(version.getDialectId()).equals(normalized)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}

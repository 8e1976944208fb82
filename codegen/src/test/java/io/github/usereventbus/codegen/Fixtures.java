package io.github.usereventbus.codegen;

import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Schema sources for tests: the project's own contract, and hand-written ones. */
public final class Fixtures {

    /** The schemas/ module of this repository: the real contract. */
    public static final Path CONTRACT = Path.of("..", "schemas", "src", "main", "schemas");

    private Fixtures() {
    }

    public static List<SchemaSource> contract() {
        try {
            return SchemaSources.fromDirectory(CONTRACT, "schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pairs of path and JSON text. */
    static List<SchemaSource> schemas(String... pathsAndTexts) {
        List<SchemaSource> sources = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            sources.add(new SchemaSource(pathsAndTexts[i], pathsAndTexts[i],
                    pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return sources;
    }

    /** An event schema with the given properties and required list, source and detail-type. */
    static String event(String detailType, String properties, String required) {
        return """
                {"x-amazon-events-source": "com.example.test", "x-amazon-events-detail-type": "%s",
                 "title": "%s", "description": "A test event.", "type": "object",
                 "properties": %s, "required": %s}
                """.formatted(detailType, detailType, properties, required);
    }
}

package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Schemas from a dependency's jar")
class SchemaDependenciesTest {

    @TempDir
    Path dir;

    Path jar(String name, String... entriesAndTexts) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < entriesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entriesAndTexts[i]));
                zip.write(entriesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    @Test
    @DisplayName("are read in place and combine with local ones")
    void combined() throws Exception {
        Path jar = jar("contract-1.0.jar", "contract/a.json", Fixtures.event("A", "{\"id\": {\"$ref\": \"common/id.json\"}}", "[]"),
                "contract/common/id.json", "{\"type\": \"string\", \"format\": \"uuid\"}");
        List<SchemaSource> sources = new ArrayList<>(SchemaSources.fromJar(jar, "", "com.example:contract:1.0"));
        sources.addAll(Fixtures.schemas("local-b.json", Fixtures.event("B", "{}", "[]")));
        assertThat(sources).extracting(SchemaSource::displayName)
                .containsExactly("com.example:contract:1.0!/contract/a.json", "com.example:contract:1.0!/contract/common/id.json",
                        "local-b.json");
        GeneratedCode code = GeneratedCode.compile(sources, "dep", dir.resolve("out"));
        assertThat(code.output.events()).isEqualTo(2);
        assertThat(code.load("dep.A").getRecordComponents()[0].getType()).isEqualTo(java.util.UUID.class);
    }

    @Test
    @DisplayName("two schemas with the same detail-type are an error naming both origins")
    void duplicateAcrossOrigins() throws Exception {
        Path jar = jar("contract-1.0.jar", "contract/a.json", Fixtures.event("Same", "{}", "[]"));
        List<SchemaSource> sources = new ArrayList<>(SchemaSources.fromJar(jar, "", "com.example:contract:1.0"));
        sources.add(new SchemaSource("z-local.json", "src/main/schemas/z-local.json",
                Fixtures.event("Same", "{}", "[]").getBytes(StandardCharsets.UTF_8)));
        try {
            EventCodeGenerator.render(GeneratedCode.request(sources, "dep", dir));
            throw new AssertionError("accepted");
        } catch (InvalidSchemasException e) {
            assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                    "src/main/schemas/z-local.json#/x-amazon-events-detail-type: detail-type 'Same' is also declared by"
                            + " com.example:contract:1.0!/contract/a.json; each event needs its own");
        }
    }

    @Test
    @DisplayName("a new dependency version regenerates; the same one does not")
    void versionIsPartOfTheFingerprint() throws Exception {
        String schema = Fixtures.event("A", "{}", "[]");
        Path jar = jar("contract.jar", "a.json", schema);
        GenerationRequest v1 = GeneratedCode.request(SchemaSources.fromJar(jar, "", "com.example:contract:1.0"), "dep", dir);
        GenerationRequest v1again = GeneratedCode.request(SchemaSources.fromJar(jar, "", "com.example:contract:1.0"), "dep", dir);
        GenerationRequest v2 = GeneratedCode.request(SchemaSources.fromJar(jar, "", "com.example:contract:2.0"), "dep", dir);
        assertThat(EventCodeGenerator.generate(v1).upToDate()).isFalse();
        assertThat(EventCodeGenerator.generate(v1again).upToDate()).isTrue();
        GenerationResult changed = EventCodeGenerator.generate(v2);
        assertThat(changed.upToDate()).isFalse();
        assertThat(changed.written()).as("only the Javadoc naming the origin changed").isEqualTo(1);
    }
}

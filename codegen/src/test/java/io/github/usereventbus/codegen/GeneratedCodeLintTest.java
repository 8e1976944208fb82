package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Generated code is clean for the strictest javac checks")
class GeneratedCodeLintTest {

    /** javadoc's level (public and protected API) and every lint, as errors. */
    static final List<String> STRICT = List.of("-Xdoclint:all/protected", "-Xlint:all", "-Werror");

    @Test
    @DisplayName("the contract's generated code passes -Xdoclint:all/protected and -Xlint:all with -Werror")
    void contract(@TempDir Path dir) throws Exception {
        GeneratedCode.compile(Fixtures.contract(), "com.example.events", dir, STRICT);
    }

    @Test
    @DisplayName("so does code from schemas with nested objects, enums, maps, sets, JSON trees and odd names")
    void tricky(@TempDir Path dir) throws Exception {
        GeneratedCode.compile(Fixtures.schemas("shared/defs.json", TrickySchemasTest.SHARED,
                "order-shipped.json", TrickySchemasTest.EVENT), "tricky", dir, STRICT);
    }

    @Test
    @DisplayName("-Xdoclint:all at private level finds nothing but javac 17's complaint about record components")
    void privateLevel(@TempDir Path dir) throws Exception {
        EventCodeGenerator.Output output = EventCodeGenerator.render(GeneratedCode.request(Fixtures.contract(),
                "com.example.events", dir));
        List<String> warnings = warnings(output, dir, List.of("-Xdoclint:all", "-Xlint:all"));
        // javac 17 asks for comments on a record's implicit private fields, which source cannot carry
        // (fixed in later JDKs): a record component is the only place left without one
        assertThat(warnings).allSatisfy(w -> assertThat(w).matches("(?s).*no comment.*@JsonProperty\\(.*"));
    }

    static List<String> warnings(EventCodeGenerator.Output output, Path dir, List<String> options) {
        try {
            List<Path> files = GeneratedCode.write(output.sources(), dir.resolve("lint-src"));
            List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>();
            GeneratedCode.javac(files, dir.resolve("lint-classes"), options, diagnostics);
            List<String> warnings = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
                if (d.getKind() == Diagnostic.Kind.NOTE) {
                    continue;
                }
                String line = Files.readAllLines(Path.of(d.getSource().toUri())).get((int) d.getLineNumber() - 1);
                warnings.add(d.getMessage(Locale.ROOT) + " at " + d.getSource().getName() + ":" + d.getLineNumber()
                        + ": " + line.strip());
            }
            return warnings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

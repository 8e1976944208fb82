package io.github.usereventbus.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.GenerationRequest;
import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's own build check: every schema is valid against its meta-schema, every example against
 * its schema, references resolve, and the conventions (title, description, examples) hold. The checks
 * are the generator's, so producers and consumers are held to exactly the same rules.
 */
@DisplayName("The event schemas")
class ContractTest {

    @Test
    @DisplayName("are valid, their examples too, and they follow the conventions")
    void valid(@TempDir Path dir) throws Exception {
        var sources = SchemaSources.fromDirectory(Path.of("src/main/schemas"), "schemas/src/main/schemas");
        GenerationResult result = EventCodeGenerator.generate(new GenerationRequest(sources, "contract.check",
                "UserEvent", dir.resolve("java"), dir.resolve("resources"), dir.resolve("state"), "check"));
        assertThat(result.warnings()).isEmpty();
        assertThat(result.events()).isEqualTo(3);
    }
}

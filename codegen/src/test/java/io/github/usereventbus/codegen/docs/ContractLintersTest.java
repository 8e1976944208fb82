package io.github.usereventbus.codegen.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.usereventbus.codegen.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated catalog, policy and templates pass the tools the field trusts: EventCatalog's linter,
 * parliament and cfn-lint, pinned and installed by .ci/run in node_modules/ and .venv/. Each tool also
 * fails on a broken input, so a pass means something.
 */
@DisplayName("The linters the field trusts accept the contract's catalog, policy and templates")
class ContractLintersTest {

    static final Path ROOT = Path.of(System.getProperty("tools.root", "..")).toAbsolutePath().normalize();

    record Run(int exit, String output) {
    }

    static Path tool(String relative) {
        Path tool = ROOT.resolve(relative);
        if (!Files.isExecutable(tool)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(tool + " is missing; .ci/run installs it");
            }
            Assumptions.abort(tool + " is not installed: run bash .ci/run once, which installs the linters");
        }
        return tool;
    }

    static Run run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("@eventcatalog/linter passes the catalog, and fails it once a page it refers to is gone")
    void eventCatalogLinter(@TempDir Path catalog) throws Exception {
        Path linter = tool("node_modules/.bin/eventcatalog-linter");
        ContractDocs.writeCatalog(ContractDocsTest.request(Fixtures.contract()), catalog);
        Run clean = run(catalog, linter.toString(), "--fail-on-warning", ".");
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("No problems found");

        Files.delete(catalog.resolve("events/UserAccountCreated/index.mdx")); // the service still sends it
        Run broken = run(catalog, linter.toString(), ".");
        assertThat(broken.exit()).as(broken.output()).isNotZero();
        assertThat(broken.output()).contains("UserAccountCreated");
    }

    @Test
    @DisplayName("parliament finds nothing in the IAM policy, and flags a misspelt condition key")
    void parliament() throws Exception {
        Path parliament = tool(".venv/bin/parliament");
        String policy = ContractDocs.infrastructure(ContractDocsTest.request(Fixtures.contract()))
                .get("iam/producer-policy.json");
        Run clean = run(ROOT, parliament.toString(), "--string", policy);
        assertThat(clean.exit()).as(clean.output()).isZero();
        assertThat(clean.output()).isBlank();

        Run broken = run(ROOT, parliament.toString(), "--string", policy.replace("events:source", "events:sauce"));
        assertThat(broken.exit()).isNotZero();
        assertThat(broken.output()).contains("Unknown condition events:sauce");
    }

    @Test
    @DisplayName("cfn-lint passes every rule template, and fails a rule with an invalid state")
    void cfnLint(@TempDir Path dir) throws Exception {
        Path cfnLint = tool(".venv/bin/cfn-lint");
        List<String> command = new ArrayList<>(List.of(cfnLint.toString()));
        for (Map.Entry<String, String> file : ContractDocs.infrastructure(ContractDocsTest.request(Fixtures.contract()))
                .entrySet()) {
            if (file.getKey().startsWith("cloudformation/")) {
                Path template = dir.resolve(file.getKey().substring("cloudformation/".length()));
                Files.writeString(template, file.getValue());
                command.add(template.toString());
            }
        }
        assertThat(command).hasSize(5);
        Run clean = run(dir, command.toArray(String[]::new));
        assertThat(clean.exit()).as(clean.output()).isZero();

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(dir.resolve("all-events.yaml")).replace("State: ENABLED", "State: PAUSED"));
        Run bad = run(dir, cfnLint.toString(), broken.toString());
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.output()).contains("'PAUSED' is not one of");
    }
}

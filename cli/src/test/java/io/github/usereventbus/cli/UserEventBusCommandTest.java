package io.github.usereventbus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The command line user-event-bus")
class UserEventBusCommandTest {

    /** The schemas/ module of this repository: the real contract. */
    static final Path CONTRACT = Path.of("..", "schemas", "src", "main", "schemas").toAbsolutePath().normalize();

    static final String REGISTERED = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema",
             "title": "User Registered", "description": "Someone opened an account.",
             "x-amazon-events-source": "com.example.accounts", "x-amazon-events-detail-type": "User Registered",
             "type": "object", "required": ["userId"],
             "properties": {"userId": {"type": "string", "format": "uuid"}, "name": {"type": "string", "maxLength": %d}},
             "examples": [{"userId": "6f1d3c1e-8a4b-4c55-9b0e-2f4a7c9d1e22", "name": "Ada"}]}
            """;

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = UserEventBusCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Help text with its line wrapping undone: the words, one space apart. */
    static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }

    Path schemas(String folder, int nameLength) throws IOException {
        Path schemas = Files.createDirectories(dir.resolve(folder));
        Files.writeString(schemas.resolve("user-registered.json"), REGISTERED.formatted(nameLength));
        return schemas;
    }

    /** Runs the command line in its own JVM in {@code project}, as the launcher does; standard output to {@code out}. */
    static int runIn(Path project, java.util.List<String> args, Path out) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UserEventBusCommand.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return process.waitFor();
    }

    @Test
    @DisplayName("the README's Gradle task and CI step work as written, in a project with the contract's schemas")
    void consumerCommands() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path schemas = Files.createDirectories(project.resolve("src/main/schemas"));
        try (Stream<Path> files = Files.walk(CONTRACT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = schemas.resolve(CONTRACT.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        try (OutputStream file = Files.newOutputStream(project.resolve("contract-1.2.0.jar"));
                JarOutputStream jar = new JarOutputStream(file);
                Stream<Path> files = Files.walk(CONTRACT)) {
            for (Path schema : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry("user-event-schemas/" + CONTRACT.relativize(schema).toString()
                        .replace('\\', '/')));
                jar.write(Files.readAllBytes(schema));
                jar.closeEntry();
            }
        }
        Path consumer = Path.of("src", "test", "resources", "consumer");
        // the Exec task's commandLine(...), argument by argument
        String gradle = Files.readString(consumer.resolve("build.gradle.kts"));
        String call = gradle.substring(gradle.indexOf("commandLine(") + "commandLine(".length(),
                gradle.indexOf(")\n", gradle.indexOf("commandLine(")));
        java.util.List<String> exec = new java.util.ArrayList<>();
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(call);
        while (quoted.find()) {
            exec.add(quoted.group(1));
        }
        assertThat(exec.remove(0)).isEqualTo("tools/user-event-bus");
        assertThat(runIn(project, exec, dir.resolve("gradle.out"))).isZero();
        assertThat(project.resolve("build/generated-sources/user-event-bus/com/example/accounts/events/UserAccountCreated.java"))
                .isRegularFile();
        // each command of the CI step
        int commands = 0;
        for (String line : Files.readAllLines(consumer.resolve("ci-step.yml"))) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("tools/user-event-bus ")) {
                continue;
            }
            String[] redirect = trimmed.split(" > ");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(redirect[0].split(" ")));
            args.remove(0);
            Path out = redirect.length > 1 ? project.resolve(redirect[1]) : dir.resolve("step-" + commands + ".out");
            assertThat(runIn(project, args, out)).as(trimmed).isZero();
            commands++;
        }
        assertThat(commands).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(project.resolve("compatibility.json").toFile()).path("failures").asInt())
                .isZero();
    }

    @Test
    @DisplayName("--help lists every command and the exit codes")
    void help() {
        Run run = run("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Usage: user-event-bus [-hV] [COMMAND]");
        assertThat(words(run.out()))
                .contains(" generate Generates the event classes, publisher and subscriber helpers.")
                .contains(" validate Checks the schemas as generate does, writing nothing.")
                .contains(" check-compatibility Checks the contract against earlier releases.")
                .contains(" catalog Writes the contract into an EventCatalog.")
                .contains(" infrastructure Writes the producer's IAM policy and the subscribers' rules.")
                .contains(" samples Makes valid sample details of each event.")
                .contains(" 0 success 1 problems found: in the schemas, or breaking changes 2 bad usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "validate", "check-compatibility", "catalog", "infrastructure", "samples"})
    @DisplayName("--help on each command lists its options with their defaults, as the goal's parameters")
    void commandHelp(String command) {
        Run run = run(command, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\nUsage: user-event-bus " + command + " [-hV]");
        assertThat(words(run.out()))
                .contains("--schemas=<dir>").contains("Default: src/main/schemas")
                .contains("--schema-jar=<jar>").contains("--family-name=<name>").contains("Default: UserEvent")
                .contains("Exit codes: 0 success 1 problems found 2 bad usage");
        switch (command) {
            case "generate" -> assertThat(words(run.out())).contains("--output=<dir>")
                    .contains("Default: target/generated-sources/user-event-bus").contains("--exhaustive-handlers")
                    .contains("--samples=<n>");
            case "check-compatibility" -> assertThat(words(run.out())).contains("--baseline=<dir|jar>")
                    .contains("--compatibility=<mode>").contains("Default: FULL").contains("--readers=<model>")
                    .contains("Default: tolerant").contains("--format=<format>");
            case "catalog" -> assertThat(words(run.out())).contains("--catalog-directory=<dir>")
                    .contains("Default: target/eventcatalog").contains("--contract-version=<version>");
            case "infrastructure" -> assertThat(words(run.out())).contains("--infrastructure-directory=<dir>")
                    .contains("--event-bus=<name|arn>").contains("Default: user-event-bus");
            default -> {
            }
        }
    }

    @Test
    @DisplayName("validate checks the contract: exit 0 with the build's summary")
    void validateContract() {
        Run run = run("validate", "--schemas", CONTRACT.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("Checked 3 event(s) in 4 schema file(s): valid\n");
        assertThat(run.code()).isZero();
    }

    @Test
    @DisplayName("validate on bad schemas: exit 1, every problem with its file and pointer, no stack trace")
    void validateBadSchemas() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("a.json"), "{\"x-amazon-events-source\": \"aws.x\","
                + " \"x-amazon-events-detail-type\": \"A\", \"type\": \"object\"}");
        Files.writeString(bad.resolve("b.json"), "{\"x-amazon-events-source\": \"com.example\", \"type\": \"object\"}");
        Run run = run("validate", "--schemas", bad.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("2 problems in the event schemas:\n")
                .contains("a.json#/x-amazon-events-source: source 'aws.x' starts with 'aws.', which EventBridge"
                        + " reserves for AWS services")
                .contains("b.json#: has x-amazon-events-source but not x-amazon-events-detail-type")
                .doesNotContain("\tat ").doesNotContain("java.");
    }

    @Test
    @DisplayName("bad usage exits 2 with one message and where to find the options")
    void badUsage() {
        Run unknown = run("validate", "--nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("Unknown option: '--nope'\nTry 'user-event-bus validate --help' for the"
                + " options.\n");
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("deploy").code()).isEqualTo(2);
        Run noSchemas = run("validate", "--schemas", dir.resolve("none").toString());
        assertThat(noSchemas.code()).isEqualTo(2);
        assertThat(noSchemas.err()).startsWith("No event schemas found in ");
        Run missingVersion = run("catalog", "--schemas", CONTRACT.toString());
        assertThat(missingVersion.code()).isEqualTo(2);
        assertThat(missingVersion.err()).startsWith("Missing required option: '--contract-version=<version>'");
    }

    @Test
    @DisplayName("generate writes the event classes, does nothing the second time, and needs a valid package")
    void generate() throws IOException {
        Path out = dir.resolve("java");
        String[] args = {"generate", "--schemas", CONTRACT.toString(), "--package-name", "com.example.cli",
            "--output", out.toString(), "--resource-output", dir.resolve("res").toString(),
            "--state-directory", dir.resolve("state").toString()};
        Run first = run(args);
        assertThat(first.err()).isEmpty();
        assertThat(first.code()).isZero();
        assertThat(first.out()).matches("Generated 3 event\\(s\\) from 4 schema file\\(s\\): \\d+ file\\(s\\) written,"
                + " 0 unchanged, 0 deleted\n");
        assertThat(Files.readString(out.resolve("com/example/cli/UserAccountCreated.java")))
                .contains("public record UserAccountCreated(");
        assertThat(dir.resolve("res/com/example/cli/schemas/user-account-created.json")).isRegularFile();
        assertThat(run(args).out()).isEqualTo("Event classes are up to date; nothing to generate\n");

        Run noPackage = run("generate", "--schemas", CONTRACT.toString(), "--output", out.toString());
        assertThat(noPackage.code()).isEqualTo(2);
        assertThat(noPackage.err()).startsWith("Invalid options of generate: packageName is required: the Java"
                + " package of the generated classes, for example com.example.events\n");
        assertThat(run("generate", "--schemas", CONTRACT.toString(), "--package-name", "com.example.class").err())
                .startsWith("Invalid options of generate: packageName 'com.example.class' is not a valid Java"
                        + " package name");
    }

    @Test
    @DisplayName("check-compatibility against a directory with a break: exit 1, the break with its counterexample, the report")
    void compatibilityBreak() throws IOException {
        Path before = schemas("v1", 50);
        Path after = schemas("v2", 30);
        Path reports = dir.resolve("reports");
        Run run = run("check-compatibility", "--schemas", after.toString(), "--baseline", before.toString(),
                "--report-directory", reports.toString(), "--accepted-breaks", dir.resolve("none.json").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("The contract breaks FULL compatibility (tolerant readers) with ")
                .contains(": 1 breaking change(s)\n")
                .contains("[CONSTRAINT_TIGHTENED] 'User Registered' /properties/name/maxLength (breaks BACKWARD")
                .contains("maxLength went from 50 to 30").contains("counterexample (BACKWARD): {")
                .contains("Report: ").contains("compatibility-report.json").doesNotContain("\tat ");
        JsonNode report = new ObjectMapper().readTree(reports.resolve("compatibility-report.json").toFile());
        assertThat(report.path("failures").asInt()).isEqualTo(1);
        assertThat(reports.resolve("TEST-user-event-bus-compatibility.xml")).isRegularFile();

        Run compatible = run("check-compatibility", "--schemas", before.toString(), "--baseline", before.toString(),
                "--report-directory", reports.toString(), "--accepted-breaks", dir.resolve("none.json").toString());
        assertThat(compatible.code()).isZero();
        assertThat(compatible.out()).contains("Compatible (FULL, tolerant readers) with ")
                .contains(": 0 change(s), none breaking; report ");
    }

    @Test
    @DisplayName("check-compatibility against a contract jar, with the JSON report on standard output")
    void compatibilityJarJson() throws IOException {
        Path jar = dir.resolve("user-events-1.0.0.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("user-events/user-registered.json"));
            out.write(REGISTERED.formatted(50).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Run run = run("check-compatibility", "--schemas", schemas("v2", 30).toString(), "--baseline", jar.toString(),
                "--format", "json", "--report-directory", dir.resolve("reports").toString(),
                "--accepted-breaks", dir.resolve("none.json").toString());
        assertThat(run.code()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("failures").asInt()).isEqualTo(1);
        assertThat(report.path("findings").get(0).path("rule").asText()).isEqualTo("CONSTRAINT_TIGHTENED");
        assertThat(run("check-compatibility", "--schemas", CONTRACT.toString(), "--baseline",
                dir.resolve("missing.jar").toString()).code()).isEqualTo(2);
    }

    @Test
    @DisplayName("catalog and infrastructure write the contract's pages, policy and rules")
    void docs() throws IOException {
        Run catalog = run("catalog", "--schemas", CONTRACT.toString(), "--contract-version", "1.2.0",
                "--catalog-directory", dir.resolve("catalog").toString());
        assertThat(catalog.code()).isZero();
        assertThat(catalog.out()).contains("Created teams/user-team.mdx: the catalog had no page for this owner")
                .contains("file(s) written, 0 unchanged, 0 deleted");
        assertThat(Files.readString(dir.resolve("catalog/events/UserAccountCreated/index.mdx")))
                .contains("version: \"1.2.0\"").contains("| Java | `UserAccountCreated` |");

        Run infrastructure = run("infrastructure", "--schemas", CONTRACT.toString(), "--contract-version", "1.2.0",
                "--infrastructure-directory", dir.resolve("infra").toString());
        assertThat(infrastructure.code()).isZero();
        assertThat(infrastructure.out()).startsWith("Wrote the producer's IAM policy and 4 CloudFormation template(s)");
        assertThat(Files.readString(dir.resolve("infra/iam/producer-policy.json"))).contains("events:PutEvents");
        try (Stream<Path> templates = Files.list(dir.resolve("infra/cloudformation"))) {
            assertThat(templates.count()).isEqualTo(4);
        }
        Run badVersion = run("catalog", "--schemas", CONTRACT.toString(), "--contract-version", "next");
        assertThat(badVersion.code()).isEqualTo(2);
        assertThat(badVersion.err()).startsWith("Invalid options of catalog: version 'next' is not a semantic version");
    }

    @Test
    @DisplayName("samples prints valid details of each event, the same every time, or writes them")
    void samples() throws IOException {
        Run run = run("samples", "--schemas", CONTRACT.toString(), "--count", "3");
        assertThat(run.code()).isZero();
        assertThat(run.out().lines()).hasSize(3).allMatch(line -> line.matches("user-account-\\w+\\.json: \\[.*]"));
        assertThat(run("samples", "--schemas", CONTRACT.toString(), "--count", "3").out()).isEqualTo(run.out());
        String created = run.out().lines().filter(l -> l.startsWith("user-account-created.json")).findFirst().orElseThrow();
        JsonNode details = new ObjectMapper().readTree(created.substring(created.indexOf('[')));
        assertThat(details).hasSize(3);
        details.forEach(detail -> assertThat(detail.has("userId")).isTrue());

        Run written = run("samples", "--schemas", CONTRACT.toString(), "--output", dir.resolve("samples").toString());
        assertThat(written.out()).startsWith("Wrote 10 sample(s) of each of 3 event(s) in ");
        assertThat(new ObjectMapper().readTree(dir.resolve("samples/user-account-deleted.json").toFile())).hasSize(10);
        assertThat(run("samples", "--schemas", CONTRACT.toString(), "--count", "0").code()).isEqualTo(2);
    }
}

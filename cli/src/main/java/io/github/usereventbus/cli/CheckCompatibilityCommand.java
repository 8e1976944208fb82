package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.compatibility.AcceptedBreaks;
import io.github.usereventbus.codegen.compatibility.CompatibilityCheck;
import io.github.usereventbus.codegen.compatibility.CompatibilityMode;
import io.github.usereventbus.codegen.compatibility.CompatibilityReport;
import io.github.usereventbus.codegen.compatibility.ReaderModel;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The goal {@code check-compatibility}, against releases given as directories or jar files. */
@Command(name = "check-compatibility", mixinStandardHelpOptions = true,
        header = "Checks the contract against earlier releases.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:problems found", "2:bad usage"},
        description = "Fails (exit 1) when the contract breaks readers of an earlier release: each breaking change"
                + " with its rule id, event, JSON pointer and a concrete counterexample. Writes every finding to"
                + " compatibility-report.json and a JUnit XML file in the report directory.")
final class CheckCompatibilityCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOptions schemas;

    @Option(names = "--baseline", paramLabel = "<dir|jar>", required = true,
            description = "An earlier release to compare with: a directory of schemas, or a contract jar file."
                    + " Repeatable: each is checked.")
    private List<Path> baselines = new ArrayList<>();

    @Option(names = "--compatibility", paramLabel = "<mode>", defaultValue = "FULL",
            description = "Which readers must keep working: BACKWARD (readers on the new contract read old events),"
                    + " FORWARD (readers on the old contract read new events), FULL (both), or NONE."
                    + " Default: ${DEFAULT-VALUE}.")
    private String compatibility;

    @Option(names = "--readers", paramLabel = "<model>", defaultValue = "tolerant",
            description = "How subscribers read: tolerant (unknown properties ignored, unknown enum values read as"
                    + " the unrecognised constant, no validation) or validating. Default: ${DEFAULT-VALUE}.")
    private String readers;

    @Option(names = "--accepted-breaks", paramLabel = "<file>", defaultValue = "accepted-breaks.json",
            description = "Breaks accepted on purpose, each with rule, event, pointer and reason; may be absent."
                    + " Default: ${DEFAULT-VALUE}.")
    private Path acceptedBreaks;

    @Option(names = "--report-directory", paramLabel = "<dir>", defaultValue = "target/user-event-bus",
            description = "Where the JSON report and the JUnit XML file go. Default: ${DEFAULT-VALUE}.")
    private Path reportDirectory;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text (messages as the build prints them) or json (the JSON report on standard output)."
                    + " Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Override
    public Integer call() throws IOException {
        Report report = new Report(spec);
        CompatibilityMode mode;
        ReaderModel readerModel;
        try {
            mode = CompatibilityMode.parse(compatibility);
            readerModel = ReaderModel.parse(readers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid options of check-compatibility: "
                    + e.getMessage());
        }
        if (mode == CompatibilityMode.NONE) {
            report.info("Compatibility NONE: nothing to check");
            return 0;
        }
        List<SchemaSource> current = schemas.require();
        List<CompatibilityCheck.Baseline> releases = new ArrayList<>();
        for (Path baseline : baselines) {
            releases.add(baseline(baseline));
        }
        AcceptedBreaks accepted;
        try {
            accepted = AcceptedBreaks.read(acceptedBreaks, Display.of(acceptedBreaks));
        } catch (IllegalArgumentException e) {
            return report.problems("Invalid accepted breaks:\n" + e.getMessage());
        }
        CompatibilityCheck.Result result;
        try {
            result = CompatibilityCheck.check(current, releases, mode, readerModel, accepted);
        } catch (InvalidSchemasException e) {
            return report.problems(e);
        }
        Path json = reportDirectory.resolve("compatibility-report.json");
        CompatibilityReport.writeJson(result, json);
        CompatibilityReport.writeJUnit(result, reportDirectory.resolve("TEST-user-event-bus-compatibility.xml"));
        if (format == Format.json) {
            spec.commandLine().getOut().print(Files.readString(json, StandardCharsets.UTF_8));
        } else {
            result.notes().forEach(report::info);
        }
        result.staleWarnings(accepted.file()).forEach(report::warn);
        if (!result.failures().isEmpty()) {
            return report.problems(result.failureMessage(Display.of(json), Display.of(acceptedBreaks)));
        }
        if (format == Format.text) {
            report.info(result.summary(Display.of(json)));
        }
        return 0;
    }

    private CompatibilityCheck.Baseline baseline(Path baseline) {
        String name = Display.of(baseline);
        try {
            List<SchemaSource> sources;
            if (Files.isDirectory(baseline)) {
                sources = SchemaSources.fromDirectory(baseline, name);
            } else if (Files.isRegularFile(baseline)) {
                sources = SchemaSources.fromJar(baseline, "", name);
            } else {
                throw new ParameterException(spec.commandLine(), "The baseline " + name + " does not exist");
            }
            if (sources.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "The baseline " + name + " holds no *.json schemas");
            }
            return new CompatibilityCheck.Baseline(name, sources);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the baseline " + name + ": " + e, e);
        }
    }
}

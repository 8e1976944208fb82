package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Sample events: valid details of each event, as generate writes them for tests. */
@Command(name = "samples", mixinStandardHelpOptions = true,
        header = "Makes valid sample details of each event.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:problems found", "2:bad usage"},
        description = "Makes valid details of each event from its schema (strings matching their patterns,"
                + " constants present), each checked against the schema; the same schemas give the same samples."
                + " Prints them, a JSON array per event schema, or writes one file per event schema.")
final class SamplesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOptions schemas;

    @Option(names = "--count", paramLabel = "<n>", defaultValue = "10",
            description = "How many per event, from 1 to 1000. Default: ${DEFAULT-VALUE}.")
    private int count;

    @Option(names = "--output", paramLabel = "<dir>",
            description = "Writes <dir>/<schema path> for each event schema instead of printing.")
    private Path output;

    @Override
    public Integer call() throws IOException {
        Report report = new Report(spec);
        Map<String, byte[]> samples;
        try {
            samples = EventCodeGenerator.samples(schemas.require(), schemas.familyName, count);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid options of samples: " + e.getMessage());
        } catch (InvalidSchemasException e) {
            return report.problems(e);
        }
        for (var sample : samples.entrySet()) {
            if (output == null) {
                report.info(sample.getKey() + ": " + new String(sample.getValue(), StandardCharsets.UTF_8).strip());
            } else {
                Path file = output.resolve(sample.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, sample.getValue());
            }
        }
        if (output != null) {
            report.info("Wrote " + count + " sample(s) of each of " + samples.size() + " event(s) in "
                    + Display.of(output));
        }
        return 0;
    }
}

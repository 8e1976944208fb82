package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import picocli.CommandLine.Model.CommandSpec;

/** How a command tells what happened: information on standard output, warnings and problems on standard error. */
final class Report {

    private final CommandSpec spec;

    Report(CommandSpec spec) {
        this.spec = spec;
    }

    void info(String line) {
        spec.commandLine().getOut().println(line);
    }

    void warn(String line) {
        spec.commandLine().getErr().println("warning: " + line);
    }

    /** The notes and warnings of a generation or check. */
    void of(GenerationResult result) {
        result.notes().forEach(this::info);
        for (Problem warning : result.warnings()) {
            warn(warning.toString());
        }
    }

    /** Every problem in the schemas, as the build prints them; the exit code that says so. */
    int problems(InvalidSchemasException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return UserEventBusCommand.PROBLEMS;
    }

    int problems(String message) {
        spec.commandLine().getErr().println(message);
        return UserEventBusCommand.PROBLEMS;
    }
}

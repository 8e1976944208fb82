package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The goal {@code validate}: every check of generate, nothing written. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Checks the schemas as generate does, writing nothing.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:problems found", "2:bad usage"},
        description = "Makes every check that generate makes of the schemas (meta-schemas, references, sources and"
                + " detail-types, examples, Java names, event patterns) without writing anything: for a contract's"
                + " own build. Every problem is printed at once, with its file and JSON pointer.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOptions schemas;

    @Override
    public Integer call() {
        Report report = new Report(spec);
        List<SchemaSource> sources = schemas.require();
        GenerationResult result;
        try {
            result = EventCodeGenerator.check(sources, schemas.packageName, schemas.familyName);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid options of validate: " + e.getMessage());
        } catch (InvalidSchemasException e) {
            return report.problems(e);
        }
        report.of(result);
        report.info(result.checkSummary(sources.size()));
        return 0;
    }
}

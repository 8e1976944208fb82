package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.docs.ContractDocs;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The goal {@code infrastructure}: the producer's IAM policy and the subscribers' rules. */
@Command(name = "infrastructure", mixinStandardHelpOptions = true,
        header = "Writes the producer's IAM policy and the subscribers' rules.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:problems found", "2:bad usage"},
        description = "Writes iam/producer-policy.json, an IAM policy that allows events:PutEvents on the bus for the"
                + " contract's sources and detail-types only, and cloudformation/*.yaml, an AWS::Events::Rule per"
                + " event and for the whole family, with the target left to a parameter.")
final class InfrastructureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOptions schemas;

    @Mixin
    private DocsOptions docs;

    @Option(names = "--infrastructure-directory", paramLabel = "<dir>",
            defaultValue = "target/user-event-bus-infrastructure",
            description = "Where the policy and the templates go. Default: ${DEFAULT-VALUE}.")
    private Path infrastructureDirectory;

    @Override
    public Integer call() throws IOException {
        Report report = new Report(spec);
        int templates;
        try {
            templates = ContractDocs.writeInfrastructure(docs.request(schemas, "infrastructure"),
                    infrastructureDirectory);
        } catch (InvalidSchemasException e) {
            return report.problems(e);
        }
        report.info(ContractDocs.infrastructureSummary(templates, Display.of(infrastructureDirectory)));
        return 0;
    }
}

package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.GenerationRequest;
import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The goal {@code generate}: immutable event classes, the publisher facade and subscriber helpers. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Generates the event classes, publisher and subscriber helpers.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:problems found", "2:bad usage"},
        description = "Generates immutable event classes, a typed publisher and subscriber helpers from the event"
                + " schemas, as the Maven goal generate does. Does no work when neither the schemas, the options nor"
                + " the generator changed; otherwise writes only files whose content changed and deletes files no"
                + " longer generated.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOptions schemas;

    @Option(names = "--output", paramLabel = "<dir>", defaultValue = "target/generated-sources/user-event-bus",
            description = "Where the Java sources go. Default: ${DEFAULT-VALUE}.")
    private Path outputDirectory;

    @Option(names = "--resource-output", paramLabel = "<dir>",
            defaultValue = "target/generated-resources/user-event-bus",
            description = "Where the schema copies go (under <package>/schemas/), for validation at run time: put it"
                    + " on the class path. Default: ${DEFAULT-VALUE}.")
    private Path resourceOutputDirectory;

    @Option(names = "--state-directory", paramLabel = "<dir>", defaultValue = "target/user-event-bus",
            description = "Where the state of the last generation is kept, for incremental runs."
                    + " Default: ${DEFAULT-VALUE}.")
    private Path stateDirectory;

    @Option(names = "--exhaustive-handlers",
            description = "Makes every handler method abstract, so that a new event fails subscribers' builds until"
                    + " handled.")
    private boolean exhaustiveHandlers;

    @Option(names = "--samples", paramLabel = "<n>", defaultValue = "0",
            description = "Valid details to generate per event under <package>/samples/, for SampleEvents.generated"
                    + " in tests. Default: ${DEFAULT-VALUE}.")
    private int samples;

    @Override
    public Integer call() {
        Report report = new Report(spec);
        GenerationRequest request;
        try {
            request = new GenerationRequest(schemas.require(), schemas.packageName, schemas.familyName,
                    outputDirectory, resourceOutputDirectory,
                    stateDirectory.resolve(outputDirectory.getFileName() + ".state"),
                    UserEventBusCommand.version(), exhaustiveHandlers, samples,
                    GenerationRequest.buildOf(UserEventBusCommand.version(), ownJar()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid options of generate: " + e.getMessage());
        }
        GenerationResult result;
        try {
            result = EventCodeGenerator.generate(request);
        } catch (InvalidSchemasException e) {
            return report.problems(e);
        }
        report.of(result);
        report.info(result.summary(request.schemas().size()));
        return 0;
    }

    private static Path ownJar() {
        try {
            return Path.of(GenerateCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}

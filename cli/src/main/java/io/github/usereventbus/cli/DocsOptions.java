package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.docs.ContractDocsRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What the catalog and infrastructure add to the schemas: the bus, the service, its owners, the version. */
final class DocsOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--event-bus", paramLabel = "<name|arn>", defaultValue = "user-event-bus",
            description = "The bus the events are published on: a name, or an ARN (the IAM policy then names it"
                    + " exactly). Default: ${DEFAULT-VALUE}.")
    String eventBus;

    @Option(names = "--service-id", paramLabel = "<id>", defaultValue = "user-service",
            description = "The producing service's id in the catalog. Default: ${DEFAULT-VALUE}.")
    String serviceId;

    @Option(names = "--service-name", paramLabel = "<name>",
            description = "The producing service's display name; its id when not given.")
    String serviceName;

    @Option(names = "--owner", paramLabel = "<id>",
            description = "A team or user who owns the contract, by catalog id; repeatable. Default: user-team.")
    List<String> owners = new ArrayList<>();

    @Option(names = "--contract-version", paramLabel = "<version>", required = true,
            description = "The contract's version, a semantic version such as 1.2.0 (the goals take the project's).")
    String contractVersion;

    ContractDocsRequest request(SchemaOptions schemas, String command) {
        try {
            return new ContractDocsRequest(schemas.require(), schemas.packageName, schemas.familyName, eventBus,
                    serviceId, serviceName, owners.isEmpty() ? List.of("user-team") : owners, contractVersion);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid options of " + command + ": " + e.getMessage());
        }
    }
}

package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.docs.ContractDocsRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** What the documentation and infrastructure goals add to the schemas: the bus, the service, its owners. */
abstract class ContractDocsParameters extends AbstractSchemaMojo {

    /**
     * The bus the contract's events are published on: a name, or an ARN. The IAM policy names the ARN; for
     * a name it allows the bus of that name in any region and account.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.eventBus", defaultValue = "user-event-bus")
    protected String eventBus;

    /**
     * The producing service's id in the catalog.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.serviceId", defaultValue = "user-service")
    protected String serviceId;

    /**
     * The producing service's display name; its id when not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.serviceName")
    protected String serviceName;

    /**
     * The teams or users who own the contract, by catalog id. The catalog gets a team page for each that
     * it has no page for yet.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.owners", defaultValue = "user-team")
    protected List<String> owners = new ArrayList<>();

    /**
     * The contract's version, a semantic version; the project's version by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.contractVersion", defaultValue = "${project.version}")
    protected String contractVersion;

    /** The request from the parameters; a wrong parameter fails the build with one line. */
    protected ContractDocsRequest docsRequest(String goal) throws MojoExecutionException, MojoFailureException {
        try {
            return new ContractDocsRequest(collectSchemas(), packageName, familyName, eventBus, serviceId, serviceName,
                    owners, contractVersion);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MojoFailureException("Invalid configuration of user-event-bus:" + goal + ": " + e.getMessage());
        }
    }
}

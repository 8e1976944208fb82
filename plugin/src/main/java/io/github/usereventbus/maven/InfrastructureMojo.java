package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.docs.ContractDocs;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the infrastructure pieces of the contract: {@code iam/producer-policy.json}, an IAM policy that
 * allows {@code events:PutEvents} on the bus for the contract's sources and detail-types only; and
 * {@code cloudformation/*.yaml}, an {@code AWS::Events::Rule} per event and for the whole family with the
 * generated patterns, the target left to a parameter, for subscribers to paste into their stacks. Needs the
 * schemas; {@code packageName} is not used.
 *
 * @since 0.1.0
 */
@Mojo(name = "infrastructure", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class InfrastructureMojo extends ContractDocsParameters {

    /**
     * Where the policy and the templates are written.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.infrastructureDirectory",
            defaultValue = "${project.build.directory}/user-event-bus-infrastructure")
    private File infrastructureDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the infrastructure files (user-event-bus.skip)");
            return;
        }
        int templates;
        try {
            templates = ContractDocs.writeInfrastructure(docsRequest("infrastructure"), infrastructureDirectory.toPath());
        } catch (InvalidSchemasException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write into " + infrastructureDirectory + ": " + e, e);
        }
        getLog().info(ContractDocs.infrastructureSummary(templates, display(infrastructureDirectory.toPath())));
    }
}

package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Every check that {@code generate} makes of the schemas (meta-schemas, references, sources and
 * detail-types, examples, Java names, event patterns), without generating anything: for the contract's
 * own build. Needs the schemas only: {@code packageName} is optional here.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class ValidateMojo extends AbstractSchemaMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping schema validation (user-event-bus.skip)");
            return;
        }
        List<SchemaSource> schemas = requireSchemas();
        GenerationResult result;
        try {
            result = EventCodeGenerator.check(schemas, packageName, familyName);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid configuration of user-event-bus:validate: " + e.getMessage());
        } catch (InvalidSchemasException e) {
            throw new MojoFailureException(e.getMessage());
        }
        result.notes().forEach(getLog()::info);
        for (Problem warning : result.warnings()) {
            getLog().warn(warning.toString());
        }
        getLog().info(result.checkSummary(schemas.size()));
    }
}

package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.docs.ContractDocs;
import io.github.usereventbus.codegen.docs.ContractDocs.CatalogConflictException;
import io.github.usereventbus.codegen.docs.ContractDocs.CatalogResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the contract into an EventCatalog (the layout of {@code @eventcatalog/core} 2 and 3): the bus as
 * a channel, with how to publish and subscribe; one page per event with its schema, pattern and examples;
 * the producing service with what it sends; a page per owner the catalog lacks. An existing catalog is
 * updated in place: only the contract's own pages (listed in {@code .user-event-bus-catalog}) are
 * rewritten or removed, a team's hand-written pages are left alone. Needs the schemas; {@code packageName} is
 * optional (with it, the pages name the generated classes with their package).
 *
 * <pre>{@code
 * ./mvnw -pl schemas user-event-bus:catalog -Duser-event-bus.catalogDirectory=../my-catalog
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "catalog", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class CatalogMojo extends ContractDocsParameters {

    /**
     * The catalog's root directory: new, or an existing EventCatalog to update.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.catalogDirectory", defaultValue = "${project.build.directory}/eventcatalog")
    private File catalogDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the catalog (user-event-bus.skip)");
            return;
        }
        CatalogResult result;
        try {
            result = ContractDocs.writeCatalog(docsRequest("catalog"), catalogDirectory.toPath());
        } catch (InvalidSchemasException | CatalogConflictException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the catalog in " + catalogDirectory + ": " + e, e);
        }
        result.lines(display(catalogDirectory.toPath())).forEach(getLog()::info);
    }
}

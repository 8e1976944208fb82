package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal reads: the schemas, from a directory and from dependencies' jars, and the names the
 * generated code uses. Configured once at the plugin's level, it serves every goal.
 */
abstract class AbstractSchemaMojo extends AbstractMojo {

    /**
     * The directory holding the JSON Schemas ({@code *.json}, searched recursively). A schema with both
     * {@code x-amazon-events-source} and {@code x-amazon-events-detail-type} is an event; one with neither
     * is a shared definition, generated only where a {@code $ref} uses it. A missing directory is fine
     * when schemas come from dependencies.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.schemaDirectory", defaultValue = "${project.basedir}/src/main/schemas")
    protected File schemaDirectory;

    /**
     * The Java package of the generated classes, for example {@code com.example.events}. Required by
     * {@code generate}; {@code validate}, {@code check-compatibility}, {@code catalog} and {@code infrastructure}
     * run without it (a contract repository has schemas and no Java), and the catalog then names the generated
     * classes without their package.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.packageName")
    protected String packageName;

    /**
     * The name of the sealed interface every generated event implements. The publisher facade
     * ({@code <familyName>Publisher}), the handler and dispatcher and the pattern constants are named
     * after it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.familyName", defaultValue = "UserEvent")
    protected String familyName;

    /**
     * Dependencies whose jars hold schemas, as {@code groupId:artifactId}; each must also be a dependency
     * of the project, whose version is then the contract's version. Their {@code *.json} entries are read
     * in place (outside {@code META-INF}), together with the schemas of {@link #schemaDirectory}.
     *
     * <pre>{@code
     * <schemaDependencies>
     *   <schemaDependency>io.github.usereventbus:user-event-schemas</schemaDependency>
     * </schemaDependencies>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.schemaDependencies")
    protected List<String> schemaDependencies = new ArrayList<>();

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    protected List<SchemaSource> collectSchemas() throws MojoExecutionException {
        List<SchemaSource> sources = new ArrayList<>();
        try {
            sources.addAll(SchemaSources.fromDirectory(schemaDirectory.toPath(), display(schemaDirectory.toPath())));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read the schemas in " + schemaDirectory + ": " + e, e);
        }
        for (String coordinates : schemaDependencies) {
            Artifact artifact = project.getArtifacts().stream()
                    .filter(a -> (a.getGroupId() + ":" + a.getArtifactId()).equals(coordinates.trim()))
                    .findFirst()
                    .orElseThrow(() -> new MojoExecutionException("The schema dependency " + coordinates
                            + " is not a dependency of this project; add it to <dependencies> with the contract"
                            + " version you want"));
            File file = artifact.getFile();
            String origin = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
            if (file == null || !file.exists()) {
                throw new MojoExecutionException("The schema dependency " + coordinates + " has no jar to read ("
                        + file + "); build or install it first");
            }
            try {
                // in a reactor build that stops before packaging, a module's artifact is its classes directory
                sources.addAll(file.isDirectory() ? SchemaSources.fromDirectory(file.toPath(), origin + "!")
                        : SchemaSources.fromJar(file.toPath(), "", origin));
            } catch (IOException e) {
                throw new MojoExecutionException("Could not read the schemas in " + artifact.getFile() + ": " + e, e);
            }
        }
        return sources;
    }

    /** The schemas, or a failure saying where none were found. */
    protected List<SchemaSource> requireSchemas() throws MojoExecutionException, MojoFailureException {
        List<SchemaSource> schemas = collectSchemas();
        if (schemas.isEmpty()) {
            throw new MojoFailureException("No event schemas found in " + display(schemaDirectory.toPath())
                    + "; put *.json schemas there or set <schemaDirectory>");
        }
        return schemas;
    }

    protected String display(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}

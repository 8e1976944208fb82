package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.GenerationRequest;
import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.InvalidSchemasException;
import io.github.usereventbus.codegen.Problem;
import io.github.usereventbus.codegen.SchemaSource;
import io.github.usereventbus.codegen.SchemaSources;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

/**
 * Generates immutable event classes, a typed publisher and subscriber helpers from EventBridge event
 * schemas. Does no work when neither the schemas, the configuration nor the plugin version changed.
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>io.github.usereventbus</groupId>
 *   <artifactId>user-event-bus-maven-plugin</artifactId>
 *   <executions><execution><goals><goal>generate</goal></goals></execution></executions>
 *   <configuration><packageName>com.example.events</packageName></configuration>
 * </plugin>
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends AbstractMojo {

    /**
     * The directory holding the JSON Schemas ({@code *.json}, searched recursively). A schema with both
     * {@code x-amazon-events-source} and {@code x-amazon-events-detail-type} is an event; one with neither
     * is a shared definition, generated only where a {@code $ref} uses it. A missing directory is fine
     * when schemas come from dependencies.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.schemaDirectory", defaultValue = "${project.basedir}/src/main/schemas")
    private File schemaDirectory;

    /**
     * The Java package of the generated classes, for example {@code com.example.events}. Required.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.packageName", required = true)
    private String packageName;

    /**
     * The name of the sealed interface every generated event implements. The publisher facade
     * ({@code <familyName>Publisher}), the handler and dispatcher and the pattern constants are named
     * after it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.familyName", defaultValue = "UserEvent")
    private String familyName;

    /**
     * Where the Java sources are generated; added to the project's compile source roots.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/user-event-bus")
    private File outputDirectory;

    /**
     * Where the schemas are copied (under {@code <package>/schemas/}) so that the runtime can validate
     * events against them; added to the project's resources.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.resourceOutputDirectory",
            defaultValue = "${project.build.directory}/generated-resources/user-event-bus")
    private File resourceOutputDirectory;

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
    private List<String> schemaDependencies = new ArrayList<>();

    /**
     * Skips generation.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    /** The IDE's view of the build (m2e): on the command line, a context where everything changed. */
    @Component
    private BuildContext buildContext;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping event code generation (user-event-bus.skip)");
            return;
        }
        GenerationRequest request;
        try {
            request = new GenerationRequest(collectSchemas(), packageName, familyName, outputDirectory.toPath(),
                    resourceOutputDirectory.toPath(),
                    Path.of(project.getBuild().getDirectory(), "user-event-bus", outputDirectory.getName() + ".state"),
                    pluginVersion);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid configuration of user-event-bus:generate: " + e.getMessage());
        }
        if (buildContext.isIncremental() && !buildContext.hasDelta(schemaDirectory) && outputDirectory.isDirectory()) {
            getLog().debug("No schema changed since the IDE's last build");
            addRoots();
            return;
        }
        buildContext.removeMessages(schemaDirectory);
        if (request.schemas().isEmpty()) {
            throw new MojoFailureException("No event schemas found in " + display(schemaDirectory.toPath())
                    + "; put *.json schemas there or set <schemaDirectory>");
        }
        GenerationResult result;
        try {
            result = EventCodeGenerator.generate(request);
        } catch (InvalidSchemasException e) {
            // an IDE's context marks each local schema's problems; the command line's would print them twice
            boolean ide = !(buildContext instanceof DefaultBuildContext);
            for (Problem problem : e.problems()) {
                File file = new File(project.getBasedir(), problem.file());
                if (ide && file.isFile()) {
                    buildContext.addMessage(file, 0, 0, "#" + problem.pointer() + ": " + problem.message(),
                            BuildContext.SEVERITY_ERROR, null);
                }
            }
            throw new MojoFailureException(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
        for (String note : result.notes()) {
            getLog().info(note);
        }
        for (Problem warning : result.warnings()) {
            getLog().warn(warning.toString());
        }
        if (result.upToDate()) {
            getLog().info("Event classes are up to date; nothing to generate");
        } else {
            getLog().info("Generated " + result.events() + " event(s) from " + request.schemas().size()
                    + " schema file(s): " + result.written() + " file(s) written, " + result.unchanged()
                    + " unchanged, " + result.deleted() + " deleted");
        }
        if (!result.upToDate()) {
            buildContext.refresh(outputDirectory);
            buildContext.refresh(resourceOutputDirectory);
        }
        addRoots();
    }

    private void addRoots() {
        project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
        if (project.getResources().stream()
                .noneMatch(r -> resourceOutputDirectory.getAbsolutePath().equals(r.getDirectory()))) {
            Resource resource = new Resource();
            resource.setDirectory(resourceOutputDirectory.getAbsolutePath());
            project.addResource(resource);
        }
    }

    private List<SchemaSource> collectSchemas() throws MojoExecutionException {
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

    private String display(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}

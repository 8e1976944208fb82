package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.EventCodeGenerator;
import io.github.usereventbus.codegen.GenerationRequest;
import io.github.usereventbus.codegen.GenerationResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.sonatype.plexus.build.incremental.DefaultBuildContext;

/**
 * Generates immutable event classes, a typed publisher and subscriber helpers from EventBridge event
 * schemas. Does no work when neither the schemas, the configuration nor the plugin version changed. Needs
 * {@code packageName}, the one goal that does.
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
public class GenerateMojo extends AbstractSchemaMojo {

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
     * Makes every method of the generated handler abstract, so that a contract upgrade that adds an event
     * fails the subscriber's build until the event is handled. By default each method calls
     * {@code onUnhandled}, which ignores the event unless overridden, so such an upgrade compiles as is.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.exhaustiveHandlers", defaultValue = "false")
    private boolean exhaustiveHandlers;

    /**
     * How many valid details to generate per event from its schema, written under {@code <package>/samples/}
     * in the generated resources, for tests: the test kit's {@code SampleEvents.generated(type)} reads them.
     * Each is checked against the schema; the same contract gives the same samples. 0, the default, for
     * none (they cost build time: about 0.5 s for 200 events at 10 each).
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.samples", defaultValue = "0")
    private int samples;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    /** The plugin's own jar, where this class was loaded from unless a test names another. */
    private File pluginJar;

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
                    pluginVersion, exhaustiveHandlers, samples, generatorBuild());
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
        getLog().info(result.summary(request.schemas().size()));
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


    /**
     * What tells two builds of a SNAPSHOT plugin apart: its jar's size and time, so that a rebuilt snapshot
     * regenerates instead of keeping old output. Kept in the incremental state only: generated sources name the
     * plugin version alone, and are the same on every machine. Empty for a release.
     */
    private String generatorBuild() {
        File code = pluginJar;
        if (code == null) {
            try {
                code = new File(GenerateMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
                return "";
            }
        }
        return GenerationRequest.buildOf(pluginVersion, code.toPath());
    }
}

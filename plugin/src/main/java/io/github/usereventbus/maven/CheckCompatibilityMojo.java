package io.github.usereventbus.maven;

import io.github.usereventbus.codegen.compatibility.AcceptedBreaks;
import io.github.usereventbus.codegen.compatibility.CompatibilityCheck;
import io.github.usereventbus.codegen.compatibility.CompatibilityMode;
import io.github.usereventbus.codegen.compatibility.CompatibilityReport;
import io.github.usereventbus.codegen.compatibility.ReaderModel;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.version.Version;

/**
 * Fails the build when the contract breaks readers of an earlier release: each breaking change with its
 * rule id, event, JSON pointer and a concrete counterexample. Writes every finding to
 * {@code target/user-event-bus/compatibility-report.json} and a JUnit XML file beside it. Needs the schemas
 * and a baseline (an earlier release, found by default); {@code packageName} is not used.
 *
 * <pre>{@code
 * <execution>
 *   <goals><goal>check-compatibility</goal></goals>
 *   <configuration><compatibility>FULL</compatibility></configuration>
 * </execution>
 * }</pre>
 *
 * @since 0.1.0
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckCompatibilityMojo extends AbstractSchemaMojo {

    /**
     * Which readers must keep working: {@code BACKWARD} (readers on the new contract read events written under
     * the old one), {@code FORWARD} (readers on the old contract read new events: the producer upgrades first),
     * {@code FULL} (both), each also {@code _TRANSITIVE} (against every earlier release), or {@code NONE}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.compatibility", defaultValue = "FULL")
    private String compatibility;

    /**
     * How subscribers read: {@code tolerant} (generated dispatchers' default: unknown properties ignored, an
     * unknown enum value read as the unrecognised constant, no validation on receipt) or {@code validating}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.readers", defaultValue = "tolerant")
    private String readers;

    /**
     * The release to compare with, as {@code groupId:artifactId:version} of a contract jar, resolved from the
     * project's repositories (the local one included). By default, the newest release (not a SNAPSHOT) of this
     * project's own artifact older than its version; in a {@code _TRANSITIVE} mode, every such release.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.baseline")
    private String baseline;

    /**
     * A directory of schemas to compare with instead of a released jar.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.baselineDirectory")
    private File baselineDirectory;

    /**
     * Breaks accepted on purpose, each with rule id, event, JSON pointer and a required reason:
     * {@code {"accepted": [{"rule": ..., "event": ..., "pointer": ..., "reason": ...}]}}. An entry that no
     * longer matches a break is reported as stale.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.acceptedBreaks", defaultValue = "${project.basedir}/accepted-breaks.json")
    private File acceptedBreaks;

    /**
     * Where the JSON report and the JUnit XML file go.
     *
     * @since 0.1.0
     */
    @Parameter(property = "user-event-bus.reportDirectory", defaultValue = "${project.build.directory}/user-event-bus")
    private File reportDirectory;

    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> remoteRepositories;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the compatibility check (user-event-bus.skip)");
            return;
        }
        CompatibilityMode mode;
        ReaderModel readerModel;
        try {
            mode = CompatibilityMode.parse(compatibility);
            readerModel = ReaderModel.parse(readers);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid configuration of user-event-bus:check-compatibility: " + e.getMessage());
        }
        if (mode == CompatibilityMode.NONE) {
            getLog().info("Compatibility NONE: nothing to check");
            return;
        }
        List<SchemaSource> schemas = requireSchemas();
        List<CompatibilityCheck.Baseline> baselines = baselines(mode);
        if (baselines.isEmpty()) {
            getLog().info("No release of " + project.getGroupId() + ":" + project.getArtifactId() + " before "
                    + project.getVersion() + ": nothing to check compatibility with (the first release)");
            return;
        }
        AcceptedBreaks accepted;
        try {
            accepted = AcceptedBreaks.read(acceptedBreaks.toPath(), display(acceptedBreaks.toPath()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid accepted breaks:\n" + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read " + acceptedBreaks + ": " + e, e);
        }
        CompatibilityCheck.Result result;
        try {
            result = CompatibilityCheck.check(schemas, baselines, mode, readerModel, accepted);
        } catch (InvalidSchemasException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Path json = reportDirectory.toPath().resolve("compatibility-report.json");
        try {
            CompatibilityReport.writeJson(result, json);
            CompatibilityReport.writeJUnit(result, reportDirectory.toPath().resolve("TEST-user-event-bus-compatibility.xml"));
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the compatibility report in " + reportDirectory + ": " + e, e);
        }
        result.notes().forEach(getLog()::info);
        result.staleWarnings(accepted.file()).forEach(getLog()::warn);
        if (!result.failures().isEmpty()) {
            throw new MojoFailureException(result.failureMessage(display(json), display(acceptedBreaks.toPath())));
        }
        getLog().info(result.summary(display(json)));
    }

    private List<CompatibilityCheck.Baseline> baselines(CompatibilityMode mode)
            throws MojoExecutionException, MojoFailureException {
        List<CompatibilityCheck.Baseline> baselines = new ArrayList<>();
        if (baselineDirectory != null) {
            if (!baselineDirectory.isDirectory()) {
                throw new MojoFailureException("The baselineDirectory " + display(baselineDirectory.toPath())
                        + " does not exist");
            }
            try {
                String name = display(baselineDirectory.toPath());
                baselines.add(new CompatibilityCheck.Baseline(name, SchemaSources.fromDirectory(baselineDirectory.toPath(),
                        name)));
            } catch (IOException e) {
                throw new MojoExecutionException("Could not read " + baselineDirectory + ": " + e, e);
            }
            return baselines;
        }
        if (baseline != null && !baseline.isBlank()) {
            String[] parts = baseline.trim().split(":");
            if (parts.length != 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
                throw new MojoFailureException("The baseline '" + baseline + "' is not groupId:artifactId:version");
            }
            baselines.add(released(parts[0], parts[1], parts[2]));
            return baselines;
        }
        for (String version : earlierReleases(mode.transitive())) {
            baselines.add(released(project.getGroupId(), project.getArtifactId(), version));
        }
        return baselines;
    }

    /** Earlier non-SNAPSHOT versions of this project's artifact, oldest first: every one, or the newest. */
    private List<String> earlierReleases(boolean all) throws MojoExecutionException {
        VersionRangeRequest request = new VersionRangeRequest(new DefaultArtifact(project.getGroupId(),
                project.getArtifactId(), "jar", "(," + project.getVersion() + ")"), remoteRepositories, null);
        VersionRangeResult range;
        try {
            range = repositorySystem.resolveVersionRange(repositorySession, request);
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException("Could not list the releases of " + project.getGroupId() + ":"
                    + project.getArtifactId() + ": " + e.getMessage(), e);
        }
        range.getExceptions().forEach(e -> getLog().debug("Listing releases: " + e));
        List<String> versions = range.getVersions().stream().map(Version::toString)
                .filter(v -> !v.endsWith("-SNAPSHOT")).toList();
        return all || versions.isEmpty() ? versions : List.of(versions.get(versions.size() - 1));
    }

    private CompatibilityCheck.Baseline released(String groupId, String artifactId, String version)
            throws MojoExecutionException, MojoFailureException {
        String coordinates = groupId + ":" + artifactId + ":" + version;
        File jar;
        try {
            jar = repositorySystem.resolveArtifact(repositorySession, new ArtifactRequest(
                    new DefaultArtifact(groupId, artifactId, "jar", version), remoteRepositories, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoFailureException("Could not resolve the baseline " + coordinates + ": " + e.getMessage());
        }
        try {
            List<SchemaSource> schemas = SchemaSources.fromJar(jar.toPath(), "", coordinates);
            if (schemas.isEmpty()) {
                throw new MojoFailureException("The baseline " + coordinates + " holds no *.json schemas");
            }
            return new CompatibilityCheck.Baseline(coordinates, schemas);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read the baseline " + jar + ": " + e, e);
        }
    }
}

package io.github.usereventbus.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.model.Build;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MojoTest
@DisplayName("The generate goal")
class GenerateMojoTest {

    static final Path CONTRACT = Path.of("..", "schemas", "src", "main", "schemas").toAbsolutePath().normalize();

    @TempDir
    Path target;

    void configure(GenerateMojo mojo, Path schemas) throws Exception {
        configure(mojo, schemas, target);
    }

    /** Points the mojo at a schema directory and a project whose build directory is {@code target}. */
    static MavenProject configure(GenerateMojo mojo, Path schemas, Path target) throws Exception {
        MavenProject project = new MavenProject();
        project.setFile(target.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setDirectory(target.toString());
        project.setBuild(build);
        setVariableValueToObject(mojo, "project", project);
        setVariableValueToObject(mojo, "schemaDirectory", schemas.toFile());
        setVariableValueToObject(mojo, "outputDirectory", target.resolve("java").toFile());
        setVariableValueToObject(mojo, "resourceOutputDirectory", target.resolve("resources").toFile());
        setVariableValueToObject(mojo, "pluginVersion", "test");
        return project;
    }

    @Test
    @DisplayName("generates the contract, registers the source and resource roots, then does nothing the second time")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void generatesAndIsIncremental(GenerateMojo mojo) throws Exception {
        configure(mojo, CONTRACT);
        mojo.execute();
        Path created = target.resolve("java/com/example/mojo/UserAccountCreated.java");
        assertThat(created).isRegularFile();
        assertThat(target.resolve("resources/com/example/mojo/schemas/common/profile.json")).isRegularFile();
        MavenProject project = MojoExtensionAccess.project(mojo);
        assertThat(project.getCompileSourceRoots()).contains(target.resolve("java").toString());
        assertThat(project.getResources()).extracting(r -> r.getDirectory()).contains(target.resolve("resources").toString());

        FileTime old = FileTime.fromMillis(1_000_000L);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(target.resolve("java"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Files.setLastModifiedTime(file, old);
        }
        mojo.execute();
        for (Path file : files) {
            assertThat(Files.getLastModifiedTime(file)).as("%s rewritten", file).isEqualTo(old);
        }
    }

    @Test
    @DisplayName("fails with every problem, file and pointer, and no stack trace, on bad schemas")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void badSchemas(GenerateMojo mojo) throws Exception {
        Path schemas = Files.createDirectories(target.resolve("schemas"));
        Files.writeString(schemas.resolve("e.json"), "{\"x-amazon-events-source\": \"aws.users\","
                + " \"x-amazon-events-detail-type\": \"E\", \"type\": \"object\"}");
        configure(mojo, schemas);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasNoCause()
                .hasMessageContaining("1 problem in the event schemas:")
                .hasMessageContaining("#/x-amazon-events-source: source 'aws.users' starts with 'aws.'");
    }

    @Test
    @DisplayName("refuses an invalid package name with a clear message")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void badConfiguration(GenerateMojo mojo) throws Exception {
        configure(mojo, CONTRACT);
        setVariableValueToObject(mojo, "packageName", "com.example.class");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Invalid configuration of user-event-bus:generate: packageName 'com.example.class' is not"
                        + " a valid Java package name (dot-separated identifiers, no keywords)");
    }

    @Test
    @DisplayName("generates the same sources from two installed copies of one SNAPSHOT, and still regenerates for a rebuilt one")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void snapshotSourcesDoNotNameTheJar(GenerateMojo mojo) throws Exception {
        // two installs of the same SNAPSHOT: jars of other sizes and times, as on two machines
        Path firstJar = Files.write(Files.createDirectories(target.resolve("first")).resolve("plugin.jar"), new byte[10]);
        Path secondJar = Files.write(Files.createDirectories(target.resolve("second")).resolve("plugin.jar"), new byte[20]);
        Files.setLastModifiedTime(firstJar, FileTime.fromMillis(1_000_000L));
        Files.setLastModifiedTime(secondJar, FileTime.fromMillis(2_000_000L));

        configure(mojo, CONTRACT, target.resolve("first"));
        setVariableValueToObject(mojo, "pluginVersion", "0.1.0-SNAPSHOT");
        setVariableValueToObject(mojo, "pluginJar", firstJar.toFile());
        mojo.execute();
        configure(mojo, CONTRACT, target.resolve("second"));
        setVariableValueToObject(mojo, "pluginVersion", "0.1.0-SNAPSHOT");
        setVariableValueToObject(mojo, "pluginJar", secondJar.toFile());
        mojo.execute();

        List<Path> sources;
        try (Stream<Path> walk = Files.walk(target.resolve("first/java"))) {
            sources = walk.filter(Files::isRegularFile).map(target.resolve("first/java")::relativize).sorted().toList();
        }
        assertThat(sources).hasSizeGreaterThan(5);
        for (Path source : sources) {
            assertThat(target.resolve("second/java").resolve(source)).as("%s", source)
                    .hasSameBinaryContentAs(target.resolve("first/java").resolve(source));
        }
        assertThat(Files.readString(target.resolve("first/java/com/example/mojo/UserEvent.java")))
                .contains("@Generated(\"io.github.usereventbus:user-event-bus-codegen:0.1.0-SNAPSHOT\")");

        // the state still tells the builds apart: a rebuilt SNAPSHOT regenerates (here: rewrites nothing, as the
        // sources are the same) instead of trusting the last output
        Path state = target.resolve("second/user-event-bus/java.state");
        String before = Files.readString(state);
        setVariableValueToObject(mojo, "pluginJar", firstJar.toFile());
        mojo.execute();
        assertThat(Files.readString(state)).isNotEqualTo(before);
    }

    @Test
    @DisplayName("is the one goal that needs a package name, and says so")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void packageNameRequired(GenerateMojo mojo) throws Exception {
        configure(mojo, CONTRACT);
        setVariableValueToObject(mojo, "packageName", null);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("Invalid configuration of user-event-bus:generate: packageName is required: the Java"
                        + " package of the generated classes, for example com.example.events");
    }

    /** Reads the mojo's project back. */
    static final class MojoExtensionAccess {
        static MavenProject project(GenerateMojo mojo) throws IllegalAccessException {
            return org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject(mojo, "project");
        }
    }

}

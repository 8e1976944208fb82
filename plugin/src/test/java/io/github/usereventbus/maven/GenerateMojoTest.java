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

    /** Reads the mojo's project back. */
    static final class MojoExtensionAccess {
        static MavenProject project(GenerateMojo mojo) throws IllegalAccessException {
            return org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject(mojo, "project");
        }
    }

}

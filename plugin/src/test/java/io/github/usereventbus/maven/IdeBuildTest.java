package io.github.usereventbus.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.Scanner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.build.incremental.BuildContext;
import org.w3c.dom.Document;

@MojoTest
@DisplayName("The generate goal in an IDE (m2e)")
class IdeBuildTest {

    @TempDir
    Path target;

    /** What m2e's build context would be told: a stand-in, since no IDE runs here. */
    static final class RecordingContext implements BuildContext {
        boolean incremental;
        boolean delta = true;
        final List<File> refreshed = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override public boolean hasDelta(String relpath) { return delta; }
        @Override public boolean hasDelta(File file) { return delta; }
        @Override public boolean hasDelta(@SuppressWarnings("rawtypes") List relpaths) { return delta; }
        @Override public void refresh(File file) { refreshed.add(file); }
        @Override public OutputStream newFileOutputStream(File file) throws IOException {
            return Files.newOutputStream(file.toPath());
        }
        @Override public Scanner newScanner(File basedir) { throw new UnsupportedOperationException(); }
        @Override public Scanner newDeleteScanner(File basedir) { throw new UnsupportedOperationException(); }
        @Override public Scanner newScanner(File basedir, boolean ignoreDelta) { throw new UnsupportedOperationException(); }
        @Override public boolean isIncremental() { return incremental; }
        @Override public void setValue(String key, Object value) { }
        @Override public Object getValue(String key) { return null; }
        @Override public void addWarning(File file, int line, int column, String message, Throwable cause) { }
        @Override public void addError(File file, int line, int column, String message, Throwable cause) { }
        @Override public void addMessage(File file, int line, int column, String message, int severity, Throwable cause) {
            messages.add(file.getName() + " " + severity + " " + message);
        }
        @Override public void removeMessages(File file) { messages.add("cleared " + file.getName()); }
        @Override public boolean isUptodate(File target, File source) { return false; }
    }

    MavenProject configure(GenerateMojo mojo, Path schemas, BuildContext context) throws Exception {
        MavenProject project = GenerateMojoTest.configure(mojo, schemas, target);
        setVariableValueToObject(mojo, "buildContext", context);
        return project;
    }

    @Test
    @DisplayName("refreshes what it wrote; an incremental build with no schema changed does nothing but keep the roots")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void refreshAndSkip(GenerateMojo mojo) throws Exception {
        RecordingContext context = new RecordingContext();
        configure(mojo, GenerateMojoTest.CONTRACT, context);
        mojo.execute();
        assertThat(context.refreshed).containsExactly(target.resolve("java").toFile(), target.resolve("resources").toFile());

        Path created = target.resolve("java/com/example/mojo/UserAccountCreated.java");
        Files.delete(created);
        context.incremental = true;
        context.delta = false;
        context.refreshed.clear();
        MavenProject project = configure(mojo, GenerateMojoTest.CONTRACT, context);
        mojo.execute();
        assertThat(created).as("not regenerated: nothing changed as far as the IDE knows").doesNotExist();
        assertThat(project.getCompileSourceRoots()).contains(target.resolve("java").toString());

        context.delta = true;
        mojo.execute();
        assertThat(created).isRegularFile();
    }

    @Test
    @DisplayName("marks each problem on its schema file, for the IDE's problem view")
    @InjectMojo(goal = "generate", pom = "classpath:/unit/contract/pom.xml")
    void problemMarkers(GenerateMojo mojo) throws Exception {
        Path schemas = Files.createDirectories(target.resolve("src/main/schemas"));
        Files.writeString(schemas.resolve("e.json"), "{\"x-amazon-events-source\": \"aws.users\","
                + " \"x-amazon-events-detail-type\": \"E\", \"type\": \"object\"}");
        RecordingContext context = new RecordingContext();
        configure(mojo, schemas, context);
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(context.messages).first().isEqualTo("cleared schemas");
        assertThat(context.messages).anySatisfy(m -> assertThat(m)
                .startsWith("e.json " + BuildContext.SEVERITY_ERROR + " #/x-amazon-events-source: source 'aws.users'"));
    }

    @Test
    @DisplayName("the plugin jar tells m2e to run generate on incremental builds and configuration changes")
    void m2eMapping() throws Exception {
        Document mapping;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
            assertThat(in).as("META-INF/m2e/lifecycle-mapping-metadata.xml on the plugin's classpath").isNotNull();
            mapping = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertThat(mapping.getElementsByTagName("goal").item(0).getTextContent()).isEqualTo("generate");
        assertThat(mapping.getElementsByTagName("runOnIncremental").item(0).getTextContent()).isEqualTo("true");
        assertThat(mapping.getElementsByTagName("runOnConfiguration").item(0).getTextContent()).isEqualTo("true");
    }
}

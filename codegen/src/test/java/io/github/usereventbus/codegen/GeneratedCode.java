package io.github.usereventbus.codegen;

import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.SchemaSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Test support: generates from schema sources, compiles the result with javac and loads it. */
final class GeneratedCode {

    final EventCodeGenerator.Output output;
    final ClassLoader loader;
    final Path directory;

    private GeneratedCode(EventCodeGenerator.Output output, ClassLoader loader, Path directory) {
        this.output = output;
        this.loader = loader;
        this.directory = directory;
    }

    static GenerationRequest request(List<SchemaSource> sources, String packageName, Path dir) {
        return new GenerationRequest(sources, packageName, "UserEvent", dir.resolve("src"), dir.resolve("res"),
                dir.resolve("state"), "test");
    }

    /** Generates and compiles; fails the test with javac's diagnostics if the output does not compile. */
    static GeneratedCode compile(List<SchemaSource> sources, String packageName, Path dir)
            throws InvalidSchemasException {
        return compile(sources, packageName, dir, List.of());
    }

    /**
     * Generates and compiles with extra javac options (for example {@code -Xdoclint:all -Werror}); fails
     * the test with javac's diagnostics, warnings included, if javac does not succeed.
     */
    static GeneratedCode compile(List<SchemaSource> sources, String packageName, Path dir, List<String> javacOptions)
            throws InvalidSchemasException {
        EventCodeGenerator.Output output = EventCodeGenerator.render(request(sources, packageName, dir));
        try {
            Path classes = dir.resolve("classes");
            List<Path> files = write(output.sources(), dir.resolve("src"));
            write(output.resources(), classes);
            List<Diagnostic<? extends JavaFileObject>> diagnostics = new ArrayList<>();
            if (!javac(files, classes, javacOptions, diagnostics)) {
                throw new AssertionError("generated code does not compile:\n" + diagnostics.stream()
                        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                        .limit(40)
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    GeneratedCode.class.getClassLoader());
            return new GeneratedCode(output, loader, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes files, by relative path, under a directory; returns their paths. */
    static List<Path> write(Map<String, byte[]> files, Path directory) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path file = directory.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
            written.add(file);
        }
        return written;
    }

    /**
     * Compiles with this test's class path, Java 17 and {@code -Xlint:all}, plus the options given.
     *
     * @param diagnostics receives javac's diagnostics
     * @return whether javac succeeded
     */
    static boolean javac(List<Path> files, Path classes, List<String> extraOptions,
            List<Diagnostic<? extends JavaFileObject>> diagnostics) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(collector, null, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "17", "-Xlint:all", "-Xdiags:verbose",
                    "-Xmaxwarns", "10000"));
            options.addAll(extraOptions);
            boolean ok = javac.getTask(null, fm, collector, options, null, fm.getJavaFileObjectsFromPaths(files)).call();
            diagnostics.addAll(collector.getDiagnostics());
            return ok;
        }
    }

    Class<?> load(String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated class " + name + "; generated: " + output.sources().keySet(), e);
        }
    }

    String source(String path) {
        byte[] bytes = output.sources().get(path);
        if (bytes == null) {
            throw new AssertionError("no generated file " + path + "; generated: " + output.sources().keySet());
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package io.github.usereventbus.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The core's packages depend on each other one way")
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "usereventbus", "codegen");
    private static final Pattern USE = Pattern.compile("io\\.github\\.usereventbus\\.codegen\\.(?:([a-z]+)\\.)?[A-Z]");

    /** What each package may use; the root package is generation, on top of everything but docs. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of("schema", "model", "render", "instances", "output"),
            "docs", Set.of("schema", "model", "output"),
            "compatibility", Set.of("schema", "instances"),
            "render", Set.of("model"),
            "model", Set.of("schema"),
            "instances", Set.of("schema"),
            "schema", Set.of(),
            "output", Set.of());

    @Test
    @DisplayName("every package uses only the packages below it, and every package says what it is for")
    void onlyDownwards() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file.getParent());
                String pkg = relative.toString().replace('\\', '/');
                packages.add(pkg);
                assertThat(ALLOWED).as("package %s is not in the table of this test", pkg).containsKey(pkg);
                Matcher use = USE.matcher(Files.readString(file));
                while (use.find()) {
                    String used = use.group(1) == null ? "" : use.group(1);
                    if (!used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                        violations.add(file.getFileName() + " (" + (pkg.isEmpty() ? "root" : pkg) + ") uses " + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
        for (String pkg : packages) {
            assertThat(SOURCES.resolve(pkg).resolve("package-info.java")).isRegularFile();
        }
        assertThat(packages).containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }
}

package io.github.usereventbus.codegen.render;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.stream.Stream;

/**
 * The simple names of the library types that generated code refers to by simple name: a generated type with
 * one of these names must not be imported over them. Each package is listed once per class loader, from the
 * jar, directory or runtime image that holds a known class of it; asking the class loader for every
 * generated name in every package instead took 0.1-0.2 s for 500 types in Maven's plugin class loader.
 */
final class LibraryNames {

    /** Each package whose types generated code refers to by simple name, with one class known to be in it. */
    private static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("java.lang", "Object"), Map.entry("java.util", "List"),
            Map.entry("java.util.concurrent", "CompletableFuture"), Map.entry("java.util.function", "Function"),
            Map.entry("java.time", "Instant"), Map.entry("java.net", "URI"), Map.entry("java.math", "BigDecimal"),
            Map.entry("javax.annotation.processing", "Generated"),
            Map.entry("com.fasterxml.jackson.annotation", "JsonProperty"),
            Map.entry("com.fasterxml.jackson.databind", "JsonNode"),
            Map.entry("com.fasterxml.jackson.databind.annotation", "JsonDeserialize"),
            Map.entry(JavaRenderer.RUNTIME, "EventPattern"));

    private static final ClassLoader LOADER = LibraryNames.class.getClassLoader();
    private static final Set<String> NAMES = list();

    private LibraryNames() {
    }

    /** Whether a class of this simple name is in one of the packages generated code imports from. */
    static boolean contains(String simpleName) {
        if (NAMES != null) {
            return NAMES.contains(simpleName);
        }
        for (String pkg : PACKAGES.keySet()) {
            if (LOADER.getResource(folder(pkg) + simpleName + ".class") != null) {
                return true;
            }
        }
        return false;
    }

    /** Whether every package was listed (else each name is looked up on its own). */
    static boolean listed() {
        return NAMES != null;
    }

    /** Every class's simple name in the packages, or null if a package could not be listed. */
    private static Set<String> list() {
        Set<String> names = new HashSet<>();
        try {
            for (var pkg : PACKAGES.entrySet()) {
                URL known = LOADER.getResource(folder(pkg.getKey()) + pkg.getValue() + ".class");
                if (known == null || !listPackage(known, folder(pkg.getKey()), names)) {
                    return null;
                }
            }
            return names;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null; // asking the class loader name by name gives the same answer, slower
        }
    }

    /** Adds the top-level class names beside {@code known}; false if its kind of location is not known. */
    private static boolean listPackage(URL known, String folder, Set<String> names)
            throws IOException, URISyntaxException {
        switch (known.getProtocol()) {
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) known.openConnection();
                connection.setUseCaches(false);
                try (var jar = connection.getJarFile()) {
                    for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                        add(entries.nextElement().getName(), folder, names);
                    }
                }
                return true;
            }
            case "jrt", "file" -> {
                Path directory = Path.of(known.toURI()).getParent();
                try (Stream<Path> files = Files.list(directory)) {
                    files.forEach(file -> add(folder + file.getFileName(), folder, names));
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static void add(String entry, String folder, Set<String> names) {
        if (entry.startsWith(folder) && entry.endsWith(".class") && entry.indexOf('/', folder.length()) < 0) {
            names.add(entry.substring(folder.length(), entry.length() - ".class".length()));
        }
    }

    private static String folder(String pkg) {
        return pkg.replace('.', '/') + "/";
    }
}

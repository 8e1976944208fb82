package io.github.usereventbus.codegen.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Finds schema files ({@code *.json}) in a directory or in a jar, in a stable order. */
public final class SchemaSources {

    private SchemaSources() {
    }

    /**
     * Every {@code *.json} file below {@code directory}, sorted by relative path.
     *
     * @param displayRoot how errors name the directory, for example {@code src/main/schemas}
     */
    public static List<SchemaSource> fromDirectory(Path directory, String displayRoot) throws IOException {
        List<SchemaSource> sources = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json"))
                    .sorted(Comparator.comparing(p -> directory.relativize(p).toString().replace('\\', '/')))
                    .toList()) {
                String path = directory.relativize(file).toString().replace('\\', '/');
                sources.add(new SchemaSource(path, displayRoot + "/" + path, Files.readAllBytes(file)));
            }
        }
        return sources;
    }

    /**
     * Every {@code *.json} entry of a jar below {@code folder} (no leading slash; empty for the whole jar),
     * with paths relative to that folder.
     *
     * @param displayName how errors name the jar, for example its Maven coordinates
     */
    public static List<SchemaSource> fromJar(Path jar, String folder, String displayName) throws IOException {
        String prefix = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
        List<SchemaSource> sources = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(prefix) || !name.endsWith(".json")
                        || name.startsWith("META-INF/")) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    String path = name.substring(prefix.length());
                    sources.add(new SchemaSource(path, displayName + "!/" + name, in.readAllBytes()));
                }
            }
        }
        sources.sort(Comparator.comparing(SchemaSource::path));
        return sources;
    }
}

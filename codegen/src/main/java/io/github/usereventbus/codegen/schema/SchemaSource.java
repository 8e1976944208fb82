package io.github.usereventbus.codegen.schema;

import java.util.Arrays;
import java.util.Objects;

/**
 * The raw bytes of one schema file and where it came from.
 *
 * @param path        the path relative to its schema root, with {@code /} separators; {@code $ref}s resolve
 *                    against it, and the schema is copied under it to the generated resources
 * @param displayName how errors name the file: a path on disk, or a dependency and the entry in its jar
 * @param content     the file's bytes
 */
public record SchemaSource(String path, String displayName, byte[] content) {

    public SchemaSource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(displayName, "displayName");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SchemaSource other && path.equals(other.path) && displayName.equals(other.displayName)
                && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, displayName, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return displayName;
    }
}

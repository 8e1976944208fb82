package io.github.usereventbus.codegen.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Writes generated files so that an unchanged file keeps its time stamp: builds and IDEs see no change. */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Writes {@code content} unless the file already holds exactly it; returns whether it wrote. */
    public static boolean writeIfChanged(Path path, byte[] content) {
        try {
            if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), content)) {
                return false;
            }
            Files.createDirectories(path.getParent());
            Files.write(path, content);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the generated file " + path, e);
        }
    }
}

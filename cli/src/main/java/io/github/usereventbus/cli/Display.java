package io.github.usereventbus.cli;

import java.nio.file.Path;

/** Paths as messages show them: relative to the working directory when inside it, with forward slashes. */
final class Display {

    private Display() {
    }

    static String of(Path path) {
        Path base = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}

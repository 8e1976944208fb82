package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.codegen.schema.SchemaSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the schemas come from, and the names generated code uses: what every command reads, as every goal does. */
final class SchemaOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--schemas", paramLabel = "<dir>", defaultValue = "src/main/schemas",
            description = "The directory of the JSON Schemas (*.json, recursive); may be absent when --schema-jar"
                    + " gives them. Default: ${DEFAULT-VALUE}.")
    Path schemaDirectory;

    @Option(names = "--schema-jar", paramLabel = "<jar>",
            description = "A jar holding schemas, such as the contract's (its *.json entries outside META-INF,"
                    + " read in place); repeatable, combined with --schemas.")
    List<Path> schemaJars = new ArrayList<>();

    @Option(names = "--package-name", paramLabel = "<package>",
            description = "The Java package of the generated classes. Required by generate; the other commands"
                    + " name generated classes with it where they show them.")
    String packageName;

    @Option(names = "--family-name", paramLabel = "<name>", defaultValue = "UserEvent",
            description = "The sealed interface every generated event implements; names the publisher, handler,"
                    + " dispatcher and patterns too. Default: ${DEFAULT-VALUE}.")
    String familyName;

    /** The schemas of the directory and the jars; none is fine here, {@link #require} says where none were found. */
    List<SchemaSource> collect() {
        List<SchemaSource> sources = new ArrayList<>();
        try {
            sources.addAll(SchemaSources.fromDirectory(schemaDirectory, Display.of(schemaDirectory)));
            for (Path jar : schemaJars) {
                if (!Files.isRegularFile(jar)) {
                    throw new ParameterException(spec.commandLine(), "The schema jar " + Display.of(jar)
                            + " does not exist");
                }
                sources.addAll(SchemaSources.fromJar(jar, "", Display.of(jar)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the schemas: " + e, e);
        }
        return sources;
    }

    /** The schemas, or a failure saying where none were found. */
    List<SchemaSource> require() {
        List<SchemaSource> schemas = collect();
        if (schemas.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No event schemas found in "
                    + Display.of(schemaDirectory) + "; put *.json schemas there or give --schemas or --schema-jar");
        }
        return schemas;
    }
}

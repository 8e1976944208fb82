package io.github.usereventbus.codegen;

import io.github.usereventbus.codegen.schema.SchemaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.lang.model.SourceVersion;

/**
 * What to generate and where: everything the generator needs, and nothing from Maven.
 *
 * @param schemas          the schema files, in any order (they are sorted here)
 * @param packageName      the Java package of the generated types
 * @param familyName       the name of the sealed interface all events implement; the publisher, handler,
 *                         dispatcher and pattern classes are named after it
 * @param sourceDirectory  where Java sources go
 * @param resourceDirectory where schemas (and other resources) go, to be put on the classpath
 * @param stateFile        where the fingerprint of the last generation is kept, for incremental builds
 * @param generatorVersion the version of this generator, named in every generated type's {@code @Generated}; a new
 *                         version regenerates everything
 * @param exhaustiveHandlers whether every handler method is abstract, so that a new event in the contract
 *                         fails each subscriber's build until it is handled; by default each has a default
 *                         that calls {@code onUnhandled}, so a contract upgrade never breaks a build
 * @param samples          how many valid details to generate per event under {@code <package>/samples/}, for
 *                         the test kit's {@code SampleEvents.generated}; 0 for none
 * @param generatorBuild   what tells two builds of the same generator version apart (a SNAPSHOT jar's size and
 *                         time), or empty: kept in the incremental state only, so that a rebuilt SNAPSHOT
 *                         regenerates, and never written into generated sources, which stay the same on every machine
 */
public record GenerationRequest(List<SchemaSource> schemas, String packageName, String familyName,
        Path sourceDirectory, Path resourceDirectory, Path stateFile, String generatorVersion,
        boolean exhaustiveHandlers, int samples, String generatorBuild) {

    /** A request for a generator build told apart by its version alone (a release). */
    public GenerationRequest(List<SchemaSource> schemas, String packageName, String familyName,
            Path sourceDirectory, Path resourceDirectory, Path stateFile, String generatorVersion,
            boolean exhaustiveHandlers, int samples) {
        this(schemas, packageName, familyName, sourceDirectory, resourceDirectory, stateFile, generatorVersion,
                exhaustiveHandlers, samples, "");
    }

    /** A request with handler methods that default to {@code onUnhandled}, and no samples. */
    public GenerationRequest(List<SchemaSource> schemas, String packageName, String familyName,
            Path sourceDirectory, Path resourceDirectory, Path stateFile, String generatorVersion) {
        this(schemas, packageName, familyName, sourceDirectory, resourceDirectory, stateFile, generatorVersion, false,
                0);
    }

    public GenerationRequest {
        List<SchemaSource> sorted = new ArrayList<>(schemas);
        sorted.sort(Comparator.comparing(SchemaSource::path).thenComparing(SchemaSource::displayName));
        schemas = List.copyOf(sorted);
        Objects.requireNonNull(sourceDirectory, "sourceDirectory");
        Objects.requireNonNull(resourceDirectory, "resourceDirectory");
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(generatorVersion, "generatorVersion");
        Objects.requireNonNull(generatorBuild, "generatorBuild");
        if (samples < 0 || samples > 1_000) {
            throw new IllegalArgumentException("samples is " + samples + "; give a number of sample events per event"
                    + " from 0 (none) to 1000");
        }
        if (packageName == null || packageName.isBlank()) {
            throw new IllegalArgumentException("packageName is required: the Java package of the generated"
                    + " classes, for example com.example.events");
        }
        if (!SourceVersion.isName(packageName, SourceVersion.RELEASE_17)) {
            throw new IllegalArgumentException("packageName '" + packageName
                    + "' is not a valid Java package name (dot-separated identifiers, no keywords)");
        }
        if (familyName == null || !SourceVersion.isIdentifier(familyName) || SourceVersion.isKeyword(familyName)
                || !Character.isUpperCase(familyName.charAt(0))) {
            throw new IllegalArgumentException("familyName '" + familyName
                    + "' is not a valid Java class name starting with an upper-case letter, for example UserEvent");
        }
    }

    /**
     * The {@link #generatorBuild} of a generator of {@code version} loaded from {@code code} (its jar): the jar's
     * size and time for a SNAPSHOT, so that a rebuilt snapshot regenerates; empty for a release or when the code
     * is not a jar file.
     */
    public static String buildOf(String version, Path code) {
        if (!version.endsWith("-SNAPSHOT") || code == null || !Files.isRegularFile(code)) {
            return "";
        }
        try {
            return Files.size(code) + "-" + Files.getLastModifiedTime(code).toMillis();
        } catch (IOException e) {
            return ""; // an unreadable jar only costs the check that it changed
        }
    }

    /** The generator as the incremental state knows it: its version and, for a SNAPSHOT, its build. */
    public String generatorIdentity() {
        return generatorBuild.isEmpty() ? generatorVersion : generatorVersion + "@" + generatorBuild;
    }

    /** Where the schemas go inside the resource directory, and so on the classpath. */
    public String resourcePrefix() {
        return packageName.replace('.', '/') + "/schemas/";
    }
}

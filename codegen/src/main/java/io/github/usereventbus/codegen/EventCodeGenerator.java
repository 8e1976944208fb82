package io.github.usereventbus.codegen;

import io.github.usereventbus.codegen.instances.InstanceGenerator;
import io.github.usereventbus.codegen.model.Analysis;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.output.OutputFiles;
import io.github.usereventbus.codegen.render.JavaRenderer;
import io.github.usereventbus.codegen.schema.CheckCache;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.runtime.EventPattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Generates Java sources and resources from a set of event schemas. The entry point for build tools:
 * the Maven plugin is a thin adapter around {@link #generate(GenerationRequest)}.
 *
 * <p>Output is reproducible (sorted inputs and members, {@code \n} line endings, UTF-8, no dates) and
 * incremental: when the fingerprint of schemas, configuration and generator version matches the last
 * run, nothing is done; otherwise only files whose content changed are written, and files that are no
 * longer generated are deleted.
 */
public final class EventCodeGenerator {

    private static final String STATE_HEADER = "user-event-bus generation state v2";

    /**
     * What every generated type's {@code @Generated} names: the core, whichever tool runs it, so that the Maven
     * plugin and the command line write the same sources.
     */
    static final String GENERATOR = "io.github.usereventbus:user-event-bus-codegen";


    private EventCodeGenerator() {
    }

    public static GenerationResult generate(GenerationRequest request) throws InvalidSchemasException {
        String fingerprint = fingerprint(request);
        List<String> previous = readState(request.stateFile());
        if (!previous.isEmpty() && previous.get(0).equals(fingerprint) && allExist(request, previous)) {
            return GenerationResult.nothingChanged();
        }
        Output output = render(request, keysOf(previous),
                CheckCache.of(request.generatorIdentity(), new HashSet<>(readLines(checksFile(request)))));
        return write(request, fingerprint, previous, output);
    }

    /**
     * The generated files, by path relative to the source or resource directory, with their bytes.
     *
     * @param keys   for each generated type's source path, the key of what it is made from
     * @param kept   source paths not rendered again: their key and their file are as the last generation left them
     * @param checked the digests of the schema checks that pass, for the next generation to skip
     */
    record Output(Map<String, byte[]> sources, Map<String, byte[]> resources, int events, List<Problem> warnings,
            List<String> notes, Map<String, String> keys, List<String> kept, Set<String> checked) {
    }

    /** The validator's checks run here while the generator models and renders. */
    private static final Executor CHECKS_THREAD = task -> {
        Thread thread = new Thread(task, "user-event-bus-schema-checks");
        thread.setDaemon(true);
        thread.start();
    };

    /**
     * Every check of {@link #generate}, without rendering or writing anything: for a contract's own build.
     *
     * @param packageName the package generation would use, or null: a contract has none of its own, and the
     *                    checks of Java names do not depend on it
     * @return the number of events, the warnings and the notes; nothing written
     * @throws IllegalArgumentException if the package or family name is not a valid Java name
     */
    public static GenerationResult check(List<SchemaSource> schemas, String packageName, String familyName)
            throws InvalidSchemasException {
        String modelled = packageName == null ? Analysis.STAND_IN_PACKAGE : packageName;
        GenerationRequest names = new GenerationRequest(schemas, modelled, familyName, Path.of("."), Path.of("."),
                Path.of("."), "check");
        Analysis analysis = Analysis.of(names.schemas(), names.packageName(), familyName);
        return new GenerationResult(false, analysis.generation().events().size(), 0, 0, 0,
                conventionWarnings(analysis.catalog()), analysis.notes());
    }

    /** Checks and renders without writing anything; used by {@link #generate} and by tests. */
    static Output render(GenerationRequest request) throws InvalidSchemasException {
        return render(request, Map.of(), CheckCache.none());
    }

    /**
     * Checks and renders; a type whose key equals the one the last generation recorded for its file, and whose
     * file is still there, is not rendered again.
     */
    static Output render(GenerationRequest request, Map<String, String> previousKeys, CheckCache cache)
            throws InvalidSchemasException {
        Analysis analysis = Analysis.of(request.schemas(), request.packageName(), request.familyName(),
                request.resourcePrefix(), cache, CHECKS_THREAD);
        SchemaCatalog catalog = analysis.catalog();
        Generation generation = analysis.generation();
        Map<String, EventPattern> patterns = analysis.patterns();
        Map<String, byte[]> sources = new TreeMap<>();
        String generator = GENERATOR + ":" + request.generatorVersion();
        JavaRenderer renderer = new JavaRenderer(generation, generator, request.exhaustiveHandlers());
        String folder = request.packageName().replace('.', '/') + "/";
        Map<String, String> keys = new TreeMap<>();
        renderer.keys().forEach((type, key) -> keys.put(folder + type + ".java", key));
        List<String> kept = new ArrayList<>();
        try {
            renderer.render(type -> {
                String path = folder + type + ".java";
                boolean same = keys.get(path).equals(previousKeys.get(path))
                        && Files.isRegularFile(request.sourceDirectory().resolve(path));
                if (same) {
                    kept.add(path);
                }
                return !same;
            }, file -> {
                String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
                sources.put(path, file.toString().getBytes(StandardCharsets.UTF_8));
            });
        } catch (RuntimeException e) {
            analysis.checked(); // a schema the checks refuse is reported as such, not as what it broke here
            throw e;
        }
        analysis.checked();
        Map<String, byte[]> resources = new TreeMap<>();
        for (SchemaCatalog.Document doc : catalog.documents()) {
            resources.put(request.resourcePrefix() + doc.path(), doc.source().content());
        }
        // generated valid details of each event, for tests: the test kit's SampleEvents.generated reads them
        String samplePrefix = request.packageName().replace('.', '/') + "/samples/";
        if (request.samples() > 0) {
            samples(catalog, request.samples()).forEach((path, bytes) -> resources.put(samplePrefix + path, bytes));
        }
        String patternPrefix = request.packageName().replace('.', '/') + "/patterns/";
        patterns.forEach((name, pattern) ->
                resources.put(patternPrefix + name, (pattern + "\n").getBytes(StandardCharsets.UTF_8)));
        List<String> notes = new ArrayList<>(analysis.notes());
        int familyRules = (int) patterns.keySet().stream().filter(name -> name.startsWith("all-events-")).count();
        if (familyRules > 1) {
            notes.add("the " + generation.events().size() + " events do not fit one event pattern of "
                    + EventPattern.MAX_LENGTH + " characters: the family takes " + familyRules + " rules"
                    + " (" + generation.family().patternsName() + ".ALL_EVENTS_RULES, patterns/all-events-1.json to -"
                    + familyRules + ".json)");
        }
        return new Output(sources, resources, generation.events().size(), conventionWarnings(catalog), notes, keys,
                kept, cache.passedNow());
    }

    /**
     * Valid details of each event, made from its schema and checked against it: what {@link #generate} writes
     * under {@code <package>/samples/} when asked, the same for the same schemas.
     *
     * @param familyName the family's name, as for generation: the events' class names must not clash with it
     * @param count      how many per event, from 1 to 1000
     * @return for each event schema's path, a JSON array of its samples (UTF-8, with a final line feed)
     * @throws InvalidSchemasException if the schemas do not pass every check of generation
     */
    public static Map<String, byte[]> samples(List<SchemaSource> schemas, String familyName, int count)
            throws InvalidSchemasException {
        if (count < 1 || count > 1_000) {
            throw new IllegalArgumentException("count is " + count + "; give a number of sample events per event"
                    + " from 1 to 1000");
        }
        Analysis analysis = Analysis.of(schemas, null, familyName);
        return samples(analysis.catalog(), count);
    }

    private static Map<String, byte[]> samples(SchemaCatalog catalog, int count) {
        Map<String, byte[]> samples = new TreeMap<>();
        for (SchemaCatalog.EventSchema event : catalog.events()) {
            InstanceGenerator generator = new InstanceGenerator(catalog, event.detailType().hashCode());
            samples.put(event.document().path(), (SchemaCatalog.JSON.createArrayNode()
                    .addAll(generator.instances(event.document(), count)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return samples;
    }

    /** The contract's conventions: events document themselves and carry an example. */
    private static List<Problem> conventionWarnings(SchemaCatalog catalog) {
        List<Problem> warnings = new ArrayList<>(catalog.warnings());
        for (SchemaCatalog.EventSchema event : catalog.events()) {
            var root = event.document().root();
            for (String keyword : List.of("title", "description")) {
                if (!root.path(keyword).isTextual() || root.path(keyword).asText().isBlank()) {
                    warnings.add(new Problem(event.document().name(), "", "an event schema should have a " + keyword));
                }
            }
            if (!root.path("examples").isArray() || root.path("examples").isEmpty()) {
                warnings.add(new Problem(event.document().name(), "",
                        "an event schema should have at least one entry in \"examples\""));
            }
        }
        return warnings;
    }

    private static GenerationResult write(GenerationRequest request, String fingerprint, List<String> previous,
            Output output) {
        int written = 0;
        int unchanged = 0;
        List<String> state = new ArrayList<>();
        state.add(fingerprint);
        for (var entry : output.sources().entrySet()) {
            boolean changed = OutputFiles.writeIfChanged(request.sourceDirectory().resolve(entry.getKey()),
                    entry.getValue());
            written += changed ? 1 : 0;
            unchanged += changed ? 0 : 1;
            state.add(sourceLine(entry.getKey(), output.keys()));
        }
        for (String path : output.kept()) {
            unchanged++;
            state.add(sourceLine(path, output.keys()));
        }
        for (var entry : output.resources().entrySet()) {
            boolean changed = OutputFiles.writeIfChanged(request.resourceDirectory().resolve(entry.getKey()),
                    entry.getValue());
            written += changed ? 1 : 0;
            unchanged += changed ? 0 : 1;
            state.add("resource:" + entry.getKey());
        }
        int deleted = 0;
        Set<Path> current = new HashSet<>();
        state.forEach(line -> current.add(pathOf(request, line)));
        for (String line : previous.subList(Math.min(1, previous.size()), previous.size())) {
            Path stale = pathOf(request, line);
            if (stale != null && !current.contains(stale)) {
                try {
                    deleted += Files.deleteIfExists(stale) ? 1 : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not delete the stale generated file " + stale, e);
                }
            }
        }
        OutputFiles.writeIfChanged(checksFile(request), (String.join("\n", new TreeSet<>(output.checked())) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        OutputFiles.writeIfChanged(request.stateFile(), (STATE_HEADER + "\n" + String.join("\n", state) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return new GenerationResult(false, output.events(), written, unchanged, deleted, output.warnings(),
                output.notes());
    }

    /** A state line for a source file: its path, and the key of what it was made from if it is a type's. */
    private static String sourceLine(String path, Map<String, String> keys) {
        String key = keys.get(path);
        return "source:" + path + (key == null ? "" : "\t" + key);
    }

    /** The keys the last generation recorded, by source path. */
    private static Map<String, String> keysOf(List<String> state) {
        Map<String, String> keys = new HashMap<>();
        for (String line : state) {
            int tab = line.indexOf('\t');
            if (line.startsWith("source:") && tab > 0) {
                keys.put(line.substring("source:".length(), tab), line.substring(tab + 1));
            }
        }
        return keys;
    }

    private static Path pathOf(GenerationRequest request, String line) {
        int tab = line.indexOf('\t');
        String stateLine = tab < 0 ? line : line.substring(0, tab);
        if (stateLine.startsWith("source:")) {
            return request.sourceDirectory().resolve(stateLine.substring("source:".length()));
        }
        if (stateLine.startsWith("resource:")) {
            return request.resourceDirectory().resolve(stateLine.substring("resource:".length()));
        }
        return null;
    }

    private static boolean allExist(GenerationRequest request, List<String> state) {
        return state.stream().skip(1).map(line -> pathOf(request, line)).allMatch(p -> p != null && Files.isRegularFile(p));
    }

    /** Beside the state file: the digests of the schema checks that passed last time. */
    private static Path checksFile(GenerationRequest request) {
        return request.stateFile().resolveSibling(request.stateFile().getFileName() + ".checks");
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of(); // an unreadable cache only costs the checks
        }
    }

    /** The state file's lines after its header: the fingerprint, then the files it generated. */
    private static List<String> readState(Path stateFile) {
        try {
            if (!Files.isRegularFile(stateFile)) {
                return List.of();
            }
            List<String> lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
            return lines.isEmpty() || !lines.get(0).equals(STATE_HEADER) ? List.of() : lines.subList(1, lines.size());
        } catch (IOException e) {
            return List.of(); // an unreadable state only costs a full generation
        }
    }

    static String fingerprint(GenerationRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(request.generatorIdentity(), request.packageName(), request.familyName(),
                    request.sourceDirectory().toString(), request.resourceDirectory().toString(),
                    "exhaustiveHandlers=" + request.exhaustiveHandlers(), "samples=" + request.samples())) {
                update(digest, part.getBytes(StandardCharsets.UTF_8));
            }
            for (SchemaSource source : request.schemas()) {
                update(digest, source.path().getBytes(StandardCharsets.UTF_8));
                update(digest, source.displayName().getBytes(StandardCharsets.UTF_8));
                update(digest, source.content());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}

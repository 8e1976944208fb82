package io.github.usereventbus.codegen.model;

import io.github.usereventbus.codegen.model.Model.Family;
import io.github.usereventbus.codegen.model.Model.Generation;
import io.github.usereventbus.codegen.schema.CheckCache;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import io.github.usereventbus.codegen.schema.SchemaCatalog;
import io.github.usereventbus.codegen.schema.SchemaChecks;
import io.github.usereventbus.codegen.schema.SchemaSource;
import io.github.usereventbus.runtime.EventPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A schema set with its Java model and event patterns: what every output is made from. The validator's
 * checks may still be running: {@link #checked} waits for them.
 *
 * @param notes one line for each modelling choice worth knowing
 */
public record Analysis(SchemaCatalog catalog, Generation generation, Map<String, EventPattern> patterns,
        List<String> notes, SchemaChecks.Pending checks, List<Problem> problems) {

    /** Waits for the validator's checks; fails with every problem found if there is any. */
    public void checked() throws InvalidSchemasException {
        checks.join();
        if (!problems.isEmpty()) {
            throw new InvalidSchemasException(problems);
        }
    }

    /**
     * The package a schema set is modelled in when no package is given (a contract without Java, samples):
     * nothing of it is written, and the checks of Java names do not depend on it.
     */
    public static final String STAND_IN_PACKAGE = "events";

    /**
     * As {@link #of(List, String, String, String)}, in {@code packageName} or, when it is null, in
     * {@link #STAND_IN_PACKAGE}, with the schemas under {@code <package>/schemas/}.
     */
    public static Analysis of(List<SchemaSource> schemas, String packageName, String familyName)
            throws InvalidSchemasException {
        String modelled = packageName == null ? STAND_IN_PACKAGE : packageName;
        return of(schemas, modelled, familyName, modelled.replace('.', '/') + "/schemas/");
    }

    /** Reads and checks the schemas, builds the model and the patterns, or fails with every problem. */
    public static Analysis of(List<SchemaSource> schemas, String packageName, String familyName, String resourcePrefix)
            throws InvalidSchemasException {
        Analysis analysis = of(schemas, packageName, familyName, resourcePrefix, CheckCache.none(),
                Runnable::run);
        analysis.checked();
        return analysis;
    }

    /**
     * Reads the schemas, starts the checks on {@code checks}, builds the model and the patterns; fails with
     * every problem if any turned up by then (waiting for the checks first), else leaves them running.
     */
    public static Analysis of(List<SchemaSource> schemas, String packageName, String familyName,
            String resourcePrefix, CheckCache cache, Executor checks) throws InvalidSchemasException {
        List<Problem> problems = new ArrayList<>();
        SchemaCatalog catalog = SchemaCatalog.read(schemas, problems);
        SchemaChecks.Pending pending = SchemaChecks.start(catalog, problems, cache, checks);
        List<String> notes = new ArrayList<>();
        Generation generation = ModelBuilder.build(catalog, packageName, Family.of(familyName), resourcePrefix,
                problems, notes);
        Map<String, EventPattern> patterns = generation.events().isEmpty() ? Map.of()
                : Patterns.files(generation.events());
        for (var pattern : patterns.entrySet()) {
            String problem = Patterns.check(pattern.getValue());
            if (problem != null) {
                problems.add(new Problem(pattern.getKey(), "", problem));
            }
        }
        Analysis analysis = new Analysis(catalog, generation, patterns, notes, pending, problems);
        if (!problems.isEmpty()) {
            analysis.checked();
        }
        return analysis;
    }
}

package io.github.usereventbus.codegen;

import io.github.usereventbus.codegen.schema.Problem;
import java.util.List;

/**
 * What a generation did.
 *
 * @param upToDate  nothing had changed since the last generation, so nothing was done
 * @param events    the number of event classes generated
 * @param written   files written because they were new or different
 * @param unchanged files left alone because their content was already right
 * @param deleted   files of the previous generation that are no longer generated
 * @param warnings  things worth fixing that do not stop the build
 * @param notes     things worth knowing about the output, one line each
 */
public record GenerationResult(boolean upToDate, int events, int written, int unchanged, int deleted,
        List<Problem> warnings, List<String> notes) {

    public GenerationResult {
        warnings = List.copyOf(warnings);
        notes = List.copyOf(notes);
    }

    /** What a generation did, in one line, as a build prints it. */
    public String summary(int schemaFiles) {
        return upToDate ? "Event classes are up to date; nothing to generate"
                : "Generated " + events + " event(s) from " + schemaFiles + " schema file(s): " + written
                        + " file(s) written, " + unchanged + " unchanged, " + deleted + " deleted";
    }

    /** What a check without generation found, in one line. */
    public String checkSummary(int schemaFiles) {
        return "Checked " + events + " event(s) in " + schemaFiles + " schema file(s): valid";
    }

    static GenerationResult nothingChanged() {
        return new GenerationResult(true, 0, 0, 0, 0, List.of(), List.of());
    }
}

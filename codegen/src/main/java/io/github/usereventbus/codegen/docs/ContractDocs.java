package io.github.usereventbus.codegen.docs;

import io.github.usereventbus.codegen.model.Analysis;
import io.github.usereventbus.codegen.output.OutputFiles;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import io.github.usereventbus.codegen.schema.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the contract gives besides code: an EventCatalog, the producer's IAM policy and the subscribers'
 * CloudFormation rules. The entry point for build tools, as {@code EventCodeGenerator} is for code.
 *
 * <p>The catalog is written into a directory that may hold a team's own pages: the contract's pages are
 * listed in {@value #MANIFEST} there, rewritten when they change and deleted when the contract drops them;
 * every other file is left alone, and a hand-written page where the contract wants to write one is an
 * error, never overwritten.
 */
public final class ContractDocs {

    /** The list of the files the contract owns in a catalog directory. */
    public static final String MANIFEST = ".user-event-bus-catalog";

    private ContractDocs() {
    }

    /**
     * What writing the catalog did.
     *
     * @param written   the contract's files written because they were new or changed
     * @param unchanged the contract's files already right
     * @param deleted   files of an earlier contract no longer generated
     * @param created   owner pages created because the catalog had none
     */
    public record CatalogResult(int written, int unchanged, int deleted, List<String> created) {

        /** What the catalog goal prints: a line per owner page created, then what was written. */
        public List<String> lines(String directory) {
            List<String> lines = new ArrayList<>();
            created.forEach(page -> lines.add("Created " + page + ": the catalog had no page for this owner"));
            lines.add("EventCatalog in " + directory + ": " + written + " file(s) written, " + unchanged
                    + " unchanged, " + deleted + " deleted");
            return lines;
        }
    }

    /** What the infrastructure goal prints once {@link #writeInfrastructure} wrote {@code templates} templates. */
    public static String infrastructureSummary(int templates, String directory) {
        return "Wrote the producer's IAM policy and " + templates + " CloudFormation template(s) in " + directory;
    }

    /** A hand-written file stands where the contract wants to write one of its pages. */
    public static final class CatalogConflictException extends Exception {
        private static final long serialVersionUID = 1L;

        CatalogConflictException(String message) {
            super(message);
        }
    }

    /**
     * Writes or updates the contract's pages in an EventCatalog directory.
     *
     * @throws InvalidSchemasException   if the schemas have problems, as for generation
     * @throws CatalogConflictException  if a page the contract writes exists and is not the contract's
     * @throws IOException               if a file cannot be read or written
     */
    public static CatalogResult writeCatalog(ContractDocsRequest request, Path directory)
            throws InvalidSchemasException, CatalogConflictException, IOException {
        Analysis analysis = analyse(request);
        Map<String, byte[]> pages = EventCatalogPages.render(request, analysis);
        Path manifest = directory.resolve(MANIFEST);
        List<String> owned = Files.isRegularFile(manifest)
                ? Files.readAllLines(manifest, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList()
                : List.of();
        List<String> conflicts = new ArrayList<>();
        for (String path : pages.keySet()) {
            if (Files.exists(directory.resolve(path)) && !owned.contains(path)) {
                conflicts.add(path);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new CatalogConflictException(conflicts.size() + " file(s) in " + directory + " were not written by"
                    + " user-event-bus:catalog, where it writes the contract's pages: " + String.join(", ", conflicts)
                    + "; move them away (the contract's pages replace them), or write the catalog elsewhere");
        }
        int written = 0;
        int unchanged = 0;
        for (var page : pages.entrySet()) {
            if (OutputFiles.writeIfChanged(directory.resolve(page.getKey()), page.getValue())) {
                written++;
            } else {
                unchanged++;
            }
        }
        int deleted = 0;
        for (String old : owned) {
            if (!pages.containsKey(old) && Files.deleteIfExists(directory.resolve(old))) {
                deleted++;
                deleteEmptyParents(directory, directory.resolve(old).getParent());
            }
        }
        List<String> created = new ArrayList<>();
        for (var owner : EventCatalogPages.ownerPages(request).entrySet()) {
            String id = owner.getKey().substring("teams/".length(), owner.getKey().length() - ".mdx".length());
            if (EventCatalogPages.ownerPagePaths(id).stream().noneMatch(p -> Files.exists(directory.resolve(p)))) {
                OutputFiles.writeIfChanged(directory.resolve(owner.getKey()), owner.getValue());
                created.add(owner.getKey());
            }
        }
        Files.writeString(manifest, String.join("\n", new TreeSet<>(pages.keySet())) + "\n", StandardCharsets.UTF_8);
        return new CatalogResult(written, unchanged, deleted, created);
    }

    /**
     * The producer's IAM policy ({@code iam/producer-policy.json}) and the subscribers' CloudFormation
     * rules ({@code cloudformation/*.yaml}), by path.
     *
     * @throws InvalidSchemasException if the schemas have problems, as for generation
     */
    /**
     * Writes {@link #infrastructure}'s files into {@code directory}, each only when its content changed.
     *
     * @return the number of CloudFormation templates written beside the policy
     */
    public static int writeInfrastructure(ContractDocsRequest request, Path directory)
            throws InvalidSchemasException, IOException {
        Map<String, String> files = infrastructure(request);
        try {
            for (var file : files.entrySet()) {
                OutputFiles.writeIfChanged(directory.resolve(file.getKey()),
                        file.getValue().getBytes(StandardCharsets.UTF_8));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files.size() - 1;
    }

    public static Map<String, String> infrastructure(ContractDocsRequest request) throws InvalidSchemasException {
        Analysis analysis = analyse(request);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("iam/producer-policy.json", InfrastructureDocs.producerPolicy(request, analysis.generation().events()));
        InfrastructureDocs.ruleTemplates(request, analysis.generation().events(), analysis.patterns())
                .forEach((name, template) -> files.put("cloudformation/" + name, template));
        return new TreeMap<>(files);
    }

    private static Analysis analyse(ContractDocsRequest request) throws InvalidSchemasException {
        // without a package the model is made in a stand-in one: the pages name classes by request.javaName
        Analysis analysis = Analysis.of(request.schemas(), request.packageName(), request.familyName());
        if (analysis.generation().events().isEmpty()) {
            throw new InvalidSchemasException(List.of(new Problem("(schemas)", "", "no event schema: a contract needs"
                    + " at least one schema with x-amazon-events-source and x-amazon-events-detail-type")));
        }
        return analysis;
    }

    private static void deleteEmptyParents(Path root, Path dir) throws IOException {
        Path current = dir;
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            String[] left = current.toFile().list();
            if (left == null || left.length > 0) {
                return;
            }
            Files.delete(current);
            current = current.getParent();
        }
    }
}

package io.github.usereventbus.cli;

import io.github.usereventbus.codegen.docs.ContractDocs;
import io.github.usereventbus.codegen.docs.ContractDocs.CatalogConflictException;
import io.github.usereventbus.codegen.docs.ContractDocs.CatalogResult;
import io.github.usereventbus.codegen.schema.InvalidSchemasException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The goal {@code catalog}: the contract in an EventCatalog. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        header = "Writes the contract into an EventCatalog.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success", "1:problems found", "2:bad usage"},
        description = "Writes the contract into an EventCatalog: the bus as a channel, a page per event with its"
                + " schema, pattern and examples, the producing service, a page per owner the catalog lacks. An"
                + " existing catalog is updated in place: only the contract's own pages are rewritten or removed.")
final class CatalogCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOptions schemas;

    @Mixin
    private DocsOptions docs;

    @Option(names = "--catalog-directory", paramLabel = "<dir>", defaultValue = "target/eventcatalog",
            description = "The catalog's root: new, or an existing EventCatalog to update. Default: ${DEFAULT-VALUE}.")
    private Path catalogDirectory;

    @Override
    public Integer call() throws IOException {
        Report report = new Report(spec);
        CatalogResult result;
        try {
            result = ContractDocs.writeCatalog(docs.request(schemas, "catalog"), catalogDirectory);
        } catch (InvalidSchemasException e) {
            return report.problems(e);
        } catch (CatalogConflictException e) {
            return report.problems(e.getMessage());
        }
        result.lines(Display.of(catalogDirectory)).forEach(report::info);
        return 0;
    }
}

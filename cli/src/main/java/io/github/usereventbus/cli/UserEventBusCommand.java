package io.github.usereventbus.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code user-event-bus}: the generator core on the command line. {@link #main} exits with the command's code;
 * {@link #run(PrintWriter, PrintWriter, String...)} returns it, for tests and for tools that embed the command line.
 */
@Command(name = "user-event-bus", mixinStandardHelpOptions = true, versionProvider = UserEventBusCommand.Version.class,
        description = "Schema-first tooling for the events of an EventBridge bus: generates Java from the event"
                + " schemas, checks them and their compatibility with earlier releases, and writes the catalog and"
                + " infrastructure. The same core, parameters and messages as the Maven plugin's goals.",
        subcommands = {GenerateCommand.class, ValidateCommand.class, CheckCompatibilityCommand.class,
                CatalogCommand.class, InfrastructureCommand.class, SamplesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:problems found: in the schemas, or breaking changes",
                "2:bad usage: an unknown option, a missing or invalid value"})
public final class UserEventBusCommand implements Runnable {

    /** Problems were found: in the schemas, or breaking changes. */
    static final int PROBLEMS = 1;
    /** The command line was not understood. */
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: generate, validate, check-compatibility,"
                + " catalog, infrastructure or samples");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new UserEventBusCommand());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(e.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            failed.getErr().flush();
            return USAGE;
        });
        // a failure that is no user mistake (a file that cannot be written): one line, no stack trace
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println(e.getMessage() == null ? e.toString() : e.getMessage());
            failed.getErr().flush();
            return PROBLEMS;
        });
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The version in the jar's manifest. */
    static String version() {
        String version = UserEventBusCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"user-event-bus " + version()};
        }
    }
}

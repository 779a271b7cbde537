package org.fundtrail.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code fundtrail} command.
 *
 * <pre>{@code
 * int exit = Fundtrail.commandLine().execute("trace", "down", "APP-2026-07");
 * }</pre>
 */
@Command(name = "fundtrail", mixinStandardHelpOptions = true, versionProvider = Fundtrail.Version.class,
        description = {
            "Fundtrail: a public-spending transparency ledger on Hyperledger Fabric.",
            "Finance officers record appropriations, transfers, spending and outcomes; auditors trace and verify.",
            ""
        },
        commandListHeading = "%nCommands:%n",
        subcommands = {
            DemoCommand.class, UpCommand.class, NetworkCommand.class,
            OrgCommand.class, AppropriateCommand.class, TransferCommand.class, SpendCommand.class,
            OutcomeCommand.class, ReturnCommand.class, ReverseCommand.class,
            TraceCommand.class, ShowCommand.class, HistoryCommand.class, ListCommand.class, SearchCommand.class,
            ReconcileCommand.class, VerifyCommand.class, RebuildCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"",
            "Exit codes: 0 ok (or already done), 1 error, 2 usage, 3 refused by the ledger,",
            "            4 not found, 5 ledger unreachable or kept conflicting (nothing",
            "            written: try again), 6 verification or reconciliation mismatch,",
            "            7 outcome unknown (submitted, commit not seen: check the record",
            "            or run again with the same --id).",
            "With --json, a failure prints {\"error\":{\"code\",\"exitCode\",\"message\",...}}",
            "on stdout instead of a line on stderr.",
            "Run 'fundtrail COMMAND --help' for a command's options and examples."})
public final class Fundtrail implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Keeps libraries' start-up chatter (gRPC, the shim) out of a person's terminal. */
    private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        GRPC_LOG.setLevel(java.util.logging.Level.WARNING);
        // The chaincode shim logs its first line on the root logger before it applies
        // CORE_CHAINCODE_LOGGING_LEVEL (which the launcher sets to WARNING).
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for {@code execute} */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Fundtrail());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cli.setExecutionExceptionHandler(Fundtrail::handle);
        cli.setParameterExceptionHandler(usageErrors(cli.getParameterExceptionHandler()));
        AsciiIntegers.register(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Turns a failure into its documented exit code and one line on stderr — or, with {@code --json},
     * into {@code {"error":{…}}} on stdout; no stack trace for user errors.
     */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Failure failure = Failure.of(e);
        if (failure.exitCode() == ExitCode.ERROR && !(e instanceof UserError)
                && System.getenv("FUNDTRAIL_DEBUG") != null) {
            e.printStackTrace(command.getErr());
        }
        if (jsonAsked(parsed)) {
            failure.printJson(command.getOut());
        } else {
            failure.printText(command.getErr());
        }
        return failure.exitCode();
    }

    /** A command line that does not parse: picocli's message and usage, or with {@code --json} a JSON error. */
    private static CommandLine.IParameterExceptionHandler usageErrors(CommandLine.IParameterExceptionHandler text) {
        return (e, args) -> {
            if (!java.util.Arrays.asList(args).contains("--json")) {
                return text.handleParseException(e, args);
            }
            Failure.of(ExitCode.USAGE, e.getMessage()).printJson(e.getCommandLine().getOut());
            return ExitCode.USAGE;
        };
    }

    private static boolean jsonAsked(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Fundtrail.class.getPackage().getImplementationVersion();
            return new String[] {"fundtrail " + (version == null ? "(development build)" : version)};
        }
    }
}

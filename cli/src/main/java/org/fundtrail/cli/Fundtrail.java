package org.fundtrail.cli;

import java.io.PrintWriter;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.client.CommitFailedException;
import org.fundtrail.client.LedgerUnavailableException;
import org.fundtrail.client.RefusedException;
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
            ReconcileCommand.class, VerifyCommand.class, ExportCommand.class,
            CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"",
            "Exit codes: 0 ok, 1 error, 2 usage, 3 refused by the ledger, 4 not found,",
            "            5 ledger unreachable, 6 verification or reconciliation mismatch.",
            "Run 'fundtrail COMMAND --help' for a command's options and examples."})
public final class Fundtrail implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Keeps libraries' start-up chatter (gRPC, the shim) out of a person's terminal. */
    private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger.getLogger("io.grpc");

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        GRPC_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for {@code execute} */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Fundtrail());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cli.setExecutionExceptionHandler(Fundtrail::handle);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Turns a failure into one line on stderr and its documented exit code; no stack trace for user errors. */
    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code;
        String message;
        if (e instanceof UserError user) {
            code = user.exitCode();
            message = user.getMessage();
        } else if (e instanceof RefusedException refused) {
            code = refused.code() == ErrorCode.NOT_FOUND ? ExitCode.NOT_FOUND : ExitCode.REFUSED;
            message = (code == ExitCode.NOT_FOUND ? "not found: " : "refused by the ledger: ") + refused.getMessage();
        } else if (e instanceof CommitFailedException failed) {
            code = ExitCode.REFUSED;
            message = "refused at commit: " + failed.getMessage();
        } else if (e instanceof LedgerUnavailableException unavailable) {
            code = ExitCode.UNREACHABLE;
            message = "ledger unreachable: " + unavailable.getMessage();
        } else {
            code = ExitCode.ERROR;
            message = "unexpected error: " + e;
            if (System.getenv("FUNDTRAIL_DEBUG") != null) {
                e.printStackTrace(err);
            }
        }
        err.println(OutputOptions.style("red", "fundtrail: ") + message.lines().findFirst().orElse(""));
        err.flush();
        return code;
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

package org.fundtrail.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code fundtrail} command.
 *
 * <pre>{@code
 * int exit = Fundtrail.commandLine().execute("--help");
 * }</pre>
 */
@Command(name = "fundtrail", mixinStandardHelpOptions = true, versionProvider = Fundtrail.Version.class,
        description = {
            "Fundtrail: a public-spending transparency ledger on Hyperledger Fabric.",
            "Finance officers record appropriations, transfers, spending and outcomes; auditors trace and verify.",
            ""
        },
        subcommands = {CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 ok, 1 error, 2 usage."})
public final class Fundtrail implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured command line, for {@code execute} */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Fundtrail());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
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

package org.fundtrail.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fundtrail network}: the network's folder. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Create and inspect the network's folder.",
        subcommands = {NetworkCommand.Init.class, CommandLine.HelpCommand.class})
final class NetworkCommand {

    /** {@code fundtrail network init}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create a data folder for an embedded network: the network definition, every org's crypto "
                    + "material (Fabric MSP folders) and a connection file per user. Idempotent: never overwrites keys.",
            footer = {"", "Example:", "  fundtrail network init --data /srv/fundtrail --network-file my-network.yaml"})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${FUNDTRAIL_DATA:-fundtrail-data}",
                description = "The data folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--network-file", paramLabel = "FILE",
                description = "The network definition to use (default: the built-in one).")
        Path networkFile;

        @picocli.CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() throws Exception {
            DataDir dir = new DataDir(data);
            NetworkDefinition definition = Network.init(dir, networkFile);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                java.util.List<java.util.Map<String, Object>> orgs = new java.util.ArrayList<>();
                for (OrgDefinition org : definition.organizations()) {
                    orgs.add(java.util.Map.of("mspId", org.mspId(), "users", org.users().stream()
                            .map(u -> u.name()).toList(), "connections", dir.root().resolve("connections")
                            .resolve(org.mspId()).toAbsolutePath().toString()));
                }
                OutputOptions.printJson(out, java.util.Map.of("network", definition.name(), "data",
                        dir.root().toAbsolutePath().toString(), "organizations", orgs));
                return ExitCode.OK;
            }
            out.println("network '" + definition.name() + "' ready in " + dir.root().toAbsolutePath());
            for (OrgDefinition org : definition.organizations()) {
                out.printf("  %-14s %2d user(s), connections in %s%n", org.mspId(), org.users().size(),
                        dir.root().resolve("connections").resolve(org.mspId()));
            }
            out.println("start it with: fundtrail up --data " + dir.root());
            out.flush();
            return ExitCode.OK;
        }
    }
}

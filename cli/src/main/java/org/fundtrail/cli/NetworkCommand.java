package org.fundtrail.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.fabric.FabricConfig;
import org.fundtrail.network.fabric.FabricNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fundtrail network}: the network's folder. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "Create and inspect the network's folder.",
        subcommands = {NetworkCommand.Init.class, NetworkCommand.FabricConfigCommand.class,
            CommandLine.HelpCommand.class})
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

    /** {@code fundtrail network fabric-config}: what {@code network-config/fabric/network.sh up} runs first. */
    @Command(name = "fabric-config", mixinStandardHelpOptions = true, hidden = true,
            description = {"Write the configuration of a native Hyperledger Fabric network for a data folder: the "
                + "crypto material (as network init), configtx.yaml, a core.yaml per peer and orderer.yaml per "
                + "orderer, and a connection file per user pointing at its org's peer with TLS.",
                "Used by network-config/fabric/network.sh up; run that instead."},
            footer = {"", "Example:", "  fundtrail network fabric-config --data fabric-data --fabric-config "
                + "~/.cache/fundtrail/fabric-2.5.16/config --builder ~/.cache/fundtrail/fabric-2.5.16/ccaas"})
    static final class FabricConfigCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${FUNDTRAIL_DATA:-fundtrail-fabric}",
                description = "The network's folder (default: ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--network-file", paramLabel = "FILE",
                description = "The network definition for a new folder (default: the built-in one).")
        Path networkFile;

        @Option(names = "--fabric-config", paramLabel = "DIR", required = true,
                description = "Fabric's sample core.yaml and orderer.yaml (sampleconfig/ of the source, config/ of a "
                    + "release).")
        Path sampleConfig;

        @Option(names = "--builder", paramLabel = "DIR", required = true,
                description = "The chaincode-as-a-service external builder (a folder with bin/detect, bin/build, "
                    + "bin/release).")
        Path builder;

        @Option(names = "--orderers", paramLabel = "N", defaultValue = "0",
                description = "Raft orderers (default: as many as the network definition names).")
        int orderers;

        @Option(names = "--ports", paramLabel = "fixed|auto", defaultValue = "fixed",
                description = "fixed: the definition's ports; auto: free ports chosen now (default: ${DEFAULT-VALUE}).")
        String ports;

        @Option(names = "--batch-timeout", paramLabel = "DURATION", defaultValue = "100ms",
                description = "How long an orderer waits to fill a block (default: ${DEFAULT-VALUE}).")
        String batchTimeout;

        @picocli.CommandLine.Mixin
        OutputOptions output;

        @Override
        public Integer call() throws Exception {
            if (!ports.equals("fixed") && !ports.equals("auto")) {
                throw new UserError(ExitCode.USAGE, "--ports must be fixed or auto, not '" + ports + "'");
            }
            if (orderers < 0 || orderers > 9) {
                throw new UserError(ExitCode.USAGE, "--orderers must be between 1 and 9, not " + orderers);
            }
            DataDir dir = new DataDir(data);
            NetworkDefinition definition = FabricNetwork.definition(Network.definition(dir, networkFile), orderers);
            FabricConfig.Plan plan = FabricNetwork.configure(dir, definition, sampleConfig, builder,
                    ports.equals("auto"), batchTimeout);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                OutputOptions.printJson(out, java.util.Map.of("data", dir.root().toAbsolutePath().toString(),
                        "orderers", plan.orderers().stream().map(FabricNode::port).toList(),
                        "peers", plan.peers().stream().map(FabricNode::port).toList(),
                        "chaincodePort", plan.chaincodePort()));
                return ExitCode.OK;
            }
            out.println("Fabric configuration written to " + dir.root().resolve("fabric").toAbsolutePath());
            for (FabricNode node : plan.orderers()) {
                out.printf("  %-16s 127.0.0.1:%d (admin %d)%n", node.name(), node.port(), node.secondPort());
            }
            for (FabricNode node : plan.peers()) {
                out.printf("  %-16s 127.0.0.1:%d (%s)%n", node.name(), node.port(), node.mspId());
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}

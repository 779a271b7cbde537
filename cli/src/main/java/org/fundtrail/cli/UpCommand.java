package org.fundtrail.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.ReadModelException;
import org.fundtrail.network.definition.FundtrailOrgDefinition;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fundtrail up}: run Fundtrail on this machine until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run Fundtrail on this machine (empty ledger) until Ctrl-C.",
            "Starts the embedded node for the data folder (created empty on first use) and the projector that keeps "
                + "the read model up to date. While it runs, other fundtrail commands with the same --data talk to "
                + "it; restarting resumes where it stopped."},
        footer = {"", "Examples:", "  fundtrail up --data /srv/fundtrail",
            "  fundtrail up --network fabric --data fundtrail-fabric   # read model + API for network.sh's network"})
final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${FUNDTRAIL_DATA:-fundtrail-data}",
            description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--network-file", paramLabel = "FILE",
            description = "The network definition for a new data folder (default: the built-in one).")
    Path networkFile;

    @Option(names = "--network", paramLabel = "embedded|fabric", defaultValue = "embedded",
            description = "embedded: start the embedded node; fabric: follow the real Fabric network that "
                + "network-config/fabric/network.sh runs in --data (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--gateway-port", paramLabel = "N", defaultValue = "7051",
            description = "The node's Fabric Gateway port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int gatewayPort;

    @Option(names = "--verbose", description = "Show the libraries' log (Flyway, Jetty, Javalin, the API's access "
            + "log) on the console instead of in DATA/" + ConsoleLog.FILE + ".")
    boolean verbose;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070",
            description = "The public API's port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DataDir dir = new DataDir(data);
        java.nio.file.Path log = ConsoleLog.configure(dir, verbose);
        FundtrailServer server = switch (network) {
            case "fabric" -> FundtrailServer.startOnFabric(dir, apiPort);
            case "embedded" -> FundtrailServer.start(dir, networkFile, gatewayPort, apiPort);
            default -> throw new UserError(ExitCode.USAGE, "--network must be embedded or fabric, not '" + network
                    + "'");
        };
        try (server) {
            if (server.node() == null) {
                out.println("Fundtrail is following the Fabric network in " + dir.root().toAbsolutePath());
            } else {
                out.println("Fundtrail is running for " + dir.root().toAbsolutePath());
                out.println("  Fabric gateway  127.0.0.1:" + server.node().port() + "  (channel "
                        + server.node().network().channel() + ", chaincode " + server.node().network().chaincode()
                        + ", height " + server.node().height() + ")");
            }
            out.println("  public API      http://127.0.0.1:" + server.apiPort() + "/  (OpenAPI: /openapi.json, "
                    + "docs: /docs)");
            if (server.node() != null && server.awaitProjection(java.time.Duration.ofSeconds(30))) {
                printNextSteps(out, dir, server.node().network(), server.readModel());
            }
            if (log != null) {
                out.println("  log             " + log);
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            server.awaitShutdown();
        }
        return ExitCode.OK;
    }

    /** On a ledger where the ministry is not registered yet: what to do first, with the commands. */
    static void printNextSteps(PrintWriter out, DataDir dir, NetworkDefinition definition, ReadModel readModel)
            throws ReadModelException {
        for (OrgDefinition org : definition.organizations()) {
            for (FundtrailOrgDefinition ministry : org.hosts()) {
                if (!ministry.tier().equals("MINISTRY") || readModel.record(ministry.id()).isPresent()) {
                    continue;
                }
                String admin = org.users().stream().filter(u -> u.role().equals("admin")
                        && ministry.id().equals(u.fundtrailOrg())).map(u -> org.mspId() + "/" + u.name())
                        .findFirst().orElse(org.mspId() + "/ADMIN");
                String data = dir.root().toString().equals("fundtrail-data") ? "" : " --data " + dir.root();
                out.println("The ledger is empty. Next steps, in another terminal:");
                out.println("  1. Register the finance ministry (the first registration, by its own admin):");
                out.println("     ./fundtrail org register --as " + admin + " --id " + ministry.id() + " --name \""
                        + ministry.name() + "\" --tier MINISTRY --org-msp " + org.mspId() + data);
                out.println("  2. Register the departments and agencies of " + dir.networkFile() + " the same way");
                out.println("     (--tier DEPARTMENT --parent " + ministry.id() + ", ...); to add one, see the README,");
                out.println("     'Adding an organisation'.");
                out.println("  3. Appropriate a budget line and transfer it down:");
                out.println("     ./fundtrail appropriate --as " + ministry.id() + " --fiscal-year "
                        + java.time.Year.now() + " --amount 1000000.00 --cofog 07.3 --programme P-1 --purpose "
                        + "\"...\"" + data);
                out.println("  Or see a loaded ledger first: ./fundtrail demo --data fundtrail-demo");
                return;
            }
        }
    }
}

package org.fundtrail.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.fundtrail.api.ApiServer;
import org.fundtrail.api.BlockStore;
import org.fundtrail.chaincode.contract.SpendingContract;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.readmodel.Projector;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.ReadModelException;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;
import org.fundtrail.network.node.EmbeddedNode;
import org.hyperledger.fabric.contract.ContractRouter;

/**
 * Fundtrail running on one machine for a data folder: the embedded node on a loopback port, the
 * projector following its blocks into the SQL read model, and the run file that lets other
 * {@code fundtrail} commands find them. Closing it stops everything and removes the run file.
 */
final class FundtrailServer implements AutoCloseable {
    private final DataDir dir;
    private final EmbeddedNode node;
    private final ReadModel readModel;
    private final FundtrailLedger reader;
    private final Projector projector;
    private final ApiServer api;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private FundtrailServer(DataDir dir, EmbeddedNode node, ReadModel readModel, FundtrailLedger reader,
                            Projector projector, ApiServer api) {
        this.dir = dir;
        this.node = node;
        this.readModel = readModel;
        this.reader = reader;
        this.projector = projector;
        this.api = api;
    }

    /**
     * Initialises the folder if needed and starts serving it.
     *
     * @param dir the data folder
     * @param definitionFile the network definition for a new folder, or null for the default
     * @param gatewayPort the node's port (0: any free port)
     * @param apiPort the public API's port (0: any free port, -1: no API)
     * @return the running server
     * @throws UserError when another node already serves the folder or a port is taken
     */
    static FundtrailServer start(DataDir dir, Path definitionFile, int gatewayPort, int apiPort) throws IOException {
        dir.running().ifPresent(r -> {
            throw new UserError(ExitCode.ERROR, "a node (pid " + r.pid() + ") already serves " + dir.root()
                    + " on port " + r.gatewayPort() + "; stop it first");
        });
        NetworkDefinition definition = Network.definition(dir, definitionFile);
        EmbeddedNode node = EmbeddedNode.newInstance().dataDirectory(dir.nodeDir()).network(definition)
                .port(gatewayPort).contractClasspath(contractClasspath()).build();
        try {
            node.start();
        } catch (IOException e) {
            node.close();
            throw new UserError(ExitCode.ERROR, "cannot start the node on port " + gatewayPort + ": "
                    + e.getMessage() + " (try --gateway-port 0 for any free port)");
        }
        quietRefusals();
        try {
            Network.writeConnections(dir, definition, node.crypto());
            String[] who = readerIdentity(definition);
            ConnectionConfig config = ConnectionConfig.load(dir.connectionFile(who[0], who[1]));
            return follow(dir, definition, FundtrailLedger.newInstance().config(config)
                    .channel(node.inProcessChannel()), node, node.port(), apiPort);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /**
     * Refuses a node whose store holds fewer blocks than the read model already projected: the store
     * lost blocks (a damaged write-ahead log, a restored older copy). New blocks would reuse those
     * numbers with other contents, and the read model would keep the lost ones.
     */
    private static void refuseLedgerBehind(DataDir dir, EmbeddedNode node, ReadModel readModel)
            throws ReadModelException {
        long projected = readModel.checkpoint();
        if (projected >= node.height()) {
            throw new UserError(ExitCode.MISMATCH, "the ledger store holds " + node.height() + " blocks but the "
                    + "read model " + dir.root().resolve("readmodel.db") + " already projected blocks up to "
                    + projected + ": the store in " + dir.nodeDir().resolve("ledger") + " lost blocks (a damaged "
                    + "write-ahead log or an older copy). Not starting: new blocks would reuse those numbers. Restore "
                    + "the node folder from a copy; or, to carry on with this ledger, delete the read model so it is "
                    + "rebuilt from it (fundtrail rebuild --data " + dir.root() + ")");
        }
    }

    /**
     * Serves the read model and API for a real Fabric network started by
     * {@code network-config/fabric/network.sh up --data DIR}: no embedded node; the projector follows
     * the channel's blocks through the auditor's gateway peer.
     *
     * @param dir the Fabric network's folder
     * @param apiPort the public API's port (0: any free port, -1: no API)
     * @return the running server
     * @throws UserError when another server already serves the folder, or the folder has no Fabric network
     */
    static FundtrailServer startOnFabric(DataDir dir, int apiPort) throws IOException {
        dir.running().ifPresent(r -> {
            throw new UserError(ExitCode.ERROR, "a Fundtrail server (pid " + r.pid() + ") already serves "
                    + dir.root() + "; stop it first");
        });
        if (!java.nio.file.Files.exists(dir.root().resolve("fabric").resolve("network.env"))) {
            throw new UserError(ExitCode.UNREACHABLE, "no Fabric network in " + dir.root() + "; start one with: "
                    + "network-config/fabric/network.sh up --data " + dir.root());
        }
        NetworkDefinition definition = NetworkDefinition.load(dir.networkFile());
        String[] who = readerIdentity(definition);
        ConnectionConfig config = ConnectionConfig.load(dir.connectionFile(who[0], who[1]));
        int gateway = Integer.parseInt(config.endpoint().substring(config.endpoint().lastIndexOf(':') + 1));
        return follow(dir, definition, FundtrailLedger.newInstance().config(config), null, gateway, apiPort);
    }

    /**
     * Opens the read model, starts the projector on the reader's blocks and the API, and records the
     * run file; on failure closes what it opened (the node stays the caller's).
     */
    private static FundtrailServer follow(DataDir dir, NetworkDefinition definition, FundtrailLedger.Builder client,
                                          EmbeddedNode node, int gatewayPort, int apiPort) throws IOException {
        ReadModel readModel = null;
        FundtrailLedger reader = null;
        try {
            readModel = ReadModel.open(dir.readModelUrl());
            if (node != null) {
                refuseLedgerBehind(dir, node, readModel);
            }
            reader = client.build();
            Projector projector = Projector.newInstance().readModel(readModel).source(reader.blocks())
                    .chaincode(definition.chaincode()).build();
            projector.start();
            ApiServer api = apiPort < 0 ? null : startApi(readModel, apiPort, projector, definition);
            FundtrailServer server = new FundtrailServer(dir, node, readModel, reader, projector, api);
            dir.writeRunning(new DataDir.Running(ProcessHandle.current().pid(), gatewayPort,
                    api == null ? 0 : api.port()));
            return server;
        } catch (ReadModelException | IOException | RuntimeException e) {
            if (reader != null) {
                reader.close();
            }
            if (readModel != null) {
                readModel.close();
            }
            if (e instanceof UserError user) {
                throw user;
            }
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    private static ApiServer startApi(ReadModel readModel, int port, Projector projector,
                                      NetworkDefinition definition) throws IOException {
        ReadModel model = readModel;
        ApiServer api = ApiServer.newInstance().readModel(model).port(port).blocks(BlockStore.of(model))
                .endorsementPolicy(definition.chaincode(), definition.endorsementPolicy())
                .projectionHealth(() -> projectionProblem(projector)).build();
        try {
            api.start();
        } catch (IOException e) {
            projector.close();
            throw new UserError(ExitCode.ERROR, "cannot serve the public API on port " + port + ": " + e.getMessage()
                    + " (choose another with --port, or 0 for any free port)");
        }
        return api;
    }

    /** @return what {@code /health} reports about the projector: stopped for good, or failing and retrying */
    static java.util.Optional<String> projectionProblem(Projector projector) {
        return projector.failure().map(e -> (projector.stopped() ? "the projector stopped: " : "the projector is "
                + "failing and retrying: ") + e.getMessage());
    }

    /** @return the public API's port, or -1 when it does not run */
    int apiPort() {
        return api == null ? -1 : api.port();
    }

    /** The jars the shim scans for contracts: the chaincode's and its own (the whole classpath is slow to scan). */
    static String contractClasspath() {
        StringBuilder path = new StringBuilder();
        for (Class<?> c : new Class<?>[] {SpendingContract.class, ContractRouter.class}) {
            try {
                String entry = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
                if (path.indexOf(entry) < 0) {
                    path.append(path.length() == 0 ? "" : java.io.File.pathSeparator).append(entry);
                }
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return path.toString();
    }

    /**
     * The shim logs every refused transaction with its stack trace at SEVERE; a refusal is the
     * ledger working as it should, and its reason reaches the client, so drop those records.
     */
    private static void quietRefusals() {
        for (java.util.logging.Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            java.util.logging.Filter previous = handler.getFilter();
            handler.setFilter(record -> !isRefusal(record) && (previous == null || previous.isLoggable(record)));
        }
    }

    private static boolean isRefusal(java.util.logging.LogRecord record) {
        String message = record.getMessage();
        return record.getThrown() instanceof org.fundtrail.chaincode.domain.Refusal
                || (message != null && message.contains(org.fundtrail.chaincode.domain.Refusal.class.getName()));
    }

    /** The identity the projector reads blocks as: an auditor, else any user of the network. */
    private static String[] readerIdentity(NetworkDefinition definition) {
        for (OrgDefinition org : definition.organizations()) {
            for (UserDefinition user : org.users()) {
                if ("auditor".equals(user.role())) {
                    return new String[] {org.mspId(), user.name()};
                }
            }
        }
        OrgDefinition first = definition.organizations().get(0);
        return new String[] {first.mspId(), first.users().get(0).name()};
    }

    /** @return the embedded node, or null when serving a real Fabric network */
    EmbeddedNode node() {
        return node;
    }

    /** @return the read model the projector writes */
    ReadModel readModel() {
        return readModel;
    }

    /**
     * Waits until the read model holds every block the node has committed.
     *
     * @param timeout how long to wait at most
     * @return whether it caught up in time
     */
    boolean awaitProjection(Duration timeout) throws ReadModelException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (readModel.height() < node.height()) { // embedded only: a Fabric channel's height is the peers'

            if (projector.stopped()) {
                throw new UserError(ExitCode.ERROR, "the projector stopped: " + projector.failure().get().getMessage());
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Serves until the process is told to stop (Ctrl-C or SIGTERM), then closes everything.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void awaitShutdown() throws InterruptedException {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "fundtrail-shutdown"));
        stopped.await();
    }

    /** Stops the API, the projector, the node and the read model, and removes the run file. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        dir.clearRunning();
        if (api != null) {
            api.close();
        }
        projector.close();
        reader.close();
        if (node != null) {
            node.close();
        }
        readModel.close();
    }
}

package org.fundtrail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.ReadModelException;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Which ledger to talk to and as whom: shared by every command that reaches a ledger. */
public final class LedgerOptions {
    /** The identity used when none is given for a read. */
    static final String DEFAULT_READER = "AuditMSP/auditor";

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${FUNDTRAIL_DATA:-fundtrail-data}",
            description = "The network's data folder: the embedded node's, or network.sh's with --network fabric "
                    + "(default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--network", paramLabel = "embedded|fabric", defaultValue = "embedded",
            description = "Which ledger: the embedded node serving --data, or a real Fabric network: the one "
                    + "network-config/fabric/network.sh runs in --data, or --connection FILE (default: ${DEFAULT-VALUE}).")
    String network;

    @Option(names = "--connection", paramLabel = "FILE",
            description = "A connection file (endpoint, TLS root, identity, channel, chaincode).")
    Path connection;

    @Option(names = "--as", paramLabel = "MSP/USER|ORG",
            description = "Sign as this user of the network folder, e.g. HealthMSP/officer@health, or as the "
                    + "officer of a Fundtrail organisation, e.g. HEALTH-HOSP.")
    String as;

    @Option(names = "--read-model", paramLabel = "JDBC_URL",
            description = "The read model to query (default: the one in --data).")
    String readModelUrl;

    @ArgGroup(exclusive = false)
    ExplicitIdentity explicit;

    /** An identity named by its files. */
    static final class ExplicitIdentity {
        @Option(names = "--cert", paramLabel = "FILE", required = true, description = "The signer's certificate (PEM).")
        Path cert;

        @Option(names = "--key", paramLabel = "FILE", required = true, description = "The signer's private key (PEM).")
        Path key;

        @Option(names = "--msp", paramLabel = "ID", required = true, description = "The signer's MSP ID.")
        String msp;
    }

    /** @return the data folder */
    DataDir dataDir() {
        return new DataDir(data);
    }

    /**
     * Connects to the ledger.
     *
     * @param signing whether the command signs a transaction (then an identity must be named)
     * @return the connected ledger
     * @throws UserError naming what is missing and what to do
     */
    FundtrailLedger open(boolean signing) {
        ConnectionConfig config = config(signing);
        for (Path file : new Path[] {config.certificate(), config.privateKey()}) {
            if (!Files.isReadable(file)) {
                throw new UserError(ExitCode.ERROR, "identity file " + file + " is missing or unreadable; check "
                        + "--as/--cert/--key");
            }
        }
        try {
            return FundtrailLedger.newInstance().config(config).build();
        } catch (IOException e) {
            throw new UserError(ExitCode.ERROR, e.getMessage());
        }
    }

    /**
     * Opens the read model for reading only: a running {@code fundtrail up} owns it for writing.
     *
     * @return the read model
     * @throws UserError when there is none
     */
    ReadModel readModel() {
        if (readModelUrl != null && !readModelUrl.startsWith("jdbc:")) {
            throw new UserError(ExitCode.USAGE, "--read-model: '" + readModelUrl + "' is not a JDBC URL (e.g. "
                    + "jdbc:sqlite:fundtrail-data/readmodel.db)");
        }
        String url = readModelUrl != null ? readModelUrl : dataDir().readModelUrl();
        try {
            return ReadModel.openReadOnly(url);
        } catch (org.fundtrail.client.readmodel.DamagedReadModelException e) {
            throw new UserError(ExitCode.ERROR, e.getMessage());
        } catch (ReadModelException e) {
            throw new UserError(ExitCode.UNREACHABLE, e.getMessage() + "; start Fundtrail with: fundtrail up --data "
                    + data + " (or give --read-model)");
        }
    }

    ConnectionConfig config(boolean signing) {
        if (!network.equals("embedded") && !network.equals("fabric")) {
            throw new UserError(ExitCode.USAGE, "--network must be embedded or fabric, not '" + network + "'");
        }
        ConnectionConfig base;
        if (connection != null) {
            base = load(connection);
        } else if (network.equals("fabric")) {
            base = fabric(signing);
        } else {
            base = embedded(signing);
        }
        if (explicit != null) {
            base = new ConnectionConfig(base.endpoint(), base.tlsRootCertificate(), base.hostOverride(),
                    explicit.msp, explicit.cert, explicit.key, base.channel(), base.chaincode());
        }
        return base;
    }

    private ConnectionConfig embedded(boolean signing) {
        DataDir dir = dataDir();
        if (!dir.isInitialised()) {
            throw new UserError(ExitCode.UNREACHABLE, "no Fundtrail network in " + dir.root()
                    + "; start one with: fundtrail up --data " + dir.root());
        }
        DataDir.Running running = dir.running().orElseThrow(() -> new UserError(ExitCode.UNREACHABLE,
                "no node is running for " + dir.root() + "; start it with: fundtrail up --data " + dir.root()));
        String[] user = user(dir, signing);
        return load(dir.connectionFile(user[0], user[1])).withEndpoint("127.0.0.1:" + running.gatewayPort());
    }

    /** A user's connection file in a folder written by {@code network-config/fabric/network.sh up}. */
    private ConnectionConfig fabric(boolean signing) {
        DataDir dir = dataDir();
        if (!Files.exists(dir.root().resolve("fabric").resolve("network.env"))) {
            throw new UserError(ExitCode.UNREACHABLE, "no Fabric network in " + dir.root() + "; start one with: "
                    + "network-config/fabric/network.sh up --data " + dir.root() + " (or give --connection FILE)");
        }
        String[] user = user(dir, signing);
        return load(dir.connectionFile(user[0], user[1]));
    }

    private String[] user(DataDir dir, boolean signing) {
        String who = as;
        if (who == null && explicit == null && signing) {
            throw new UserError(ExitCode.USAGE, "say who signs: --as MSP/USER (e.g. HealthMSP/officer@health) "
                    + "or --as ORG (e.g. HEALTH), or --cert/--key/--msp");
        }
        return who == null ? DEFAULT_READER.split("/") : resolveUser(dir, who);
    }

    private static String[] resolveUser(DataDir dir, String who) {
        int slash = who.indexOf('/');
        if (slash > 0) {
            String[] user = {who.substring(0, slash), who.substring(slash + 1)};
            if (!Files.exists(dir.connectionFile(user[0], user[1]))) {
                throw new UserError(ExitCode.USAGE, "--as " + who + ": " + noSuchUser(dir, user[0], user[1]));
            }
            return user;
        }
        NetworkDefinition definition = definition(dir);
        Optional<OrgDefinition> org = definition.orgHosting(who);
        if (org.isEmpty()) {
            throw new UserError(ExitCode.USAGE, "--as " + who + ": no such organisation in " + dir.networkFile()
                    + "; use MSP/USER or one of the organisations listed there");
        }
        for (UserDefinition user : org.get().users()) {
            if (who.equals(user.fundtrailOrg()) && "officer".equals(user.role())) {
                return new String[] {org.get().mspId(), user.name()};
            }
        }
        throw new UserError(ExitCode.USAGE, "--as " + who + ": the network has no officer for it; use MSP/USER");
    }

    /** @return why there is no connection file for the user: an unknown MSP or user, listing the known ones */
    private static String noSuchUser(DataDir dir, String msp, String user) {
        if (!Files.exists(dir.networkFile())) {
            return "no user " + user + " of " + msp + " in " + dir.root() + " (no " + dir.connectionFile(msp, user)
                    + ")";
        }
        NetworkDefinition definition = definition(dir);
        if (!definition.mspIds().contains(msp)) {
            return "no MSP " + msp + " in " + dir.networkFile() + "; it has " + String.join(", ",
                    definition.mspIds());
        }
        if (definition.org(msp).user(user).isPresent()) {
            return "user " + user + " of " + msp + " is in " + dir.networkFile() + " but has no certificate yet; "
                    + "issue it with: fundtrail network init --data " + dir.root();
        }
        return "no user " + user + " in MSP " + msp + " of " + dir.networkFile() + "; it has " + String.join(", ",
                definition.org(msp).users().stream().map(UserDefinition::name).toList());
    }

    private static NetworkDefinition definition(DataDir dir) {
        try {
            return NetworkDefinition.load(dir.networkFile());
        } catch (IOException e) {
            throw new UserError(ExitCode.ERROR, "cannot read " + dir.networkFile() + ": " + e.getMessage());
        }
    }

    private static ConnectionConfig load(Path file) {
        if (!Files.exists(file)) {
            throw new UserError(ExitCode.ERROR, "connection file " + file + " does not exist; check --as or "
                    + "--connection");
        }
        try {
            return ConnectionConfig.load(file);
        } catch (IOException e) {
            throw new UserError(ExitCode.ERROR, e.getMessage());
        }
    }
}

package org.fundtrail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;

/** Creating an embedded network in a data folder: definition, crypto material, connection files. */
final class Network {
    /** The port the gateway is assumed on in connection files; the running node's port replaces it. */
    static final int DEFAULT_GATEWAY_PORT = 7051;

    private Network() {
    }

    /**
     * Initialises a data folder (idempotent): writes the network definition (from {@code definition}
     * or the default), generates missing crypto material and writes a connection file per user.
     *
     * @param dir the data folder
     * @param definitionFile a network definition to use for a new folder, or null for the default
     * @return the definition in force
     */
    static NetworkDefinition init(DataDir dir, Path definitionFile) throws IOException {
        NetworkDefinition definition = definition(dir, definitionFile);
        writeConnections(dir, definition, CryptoGenerator.generate(definition, dir.nodeDir().resolve("crypto")));
        return definition;
    }

    /**
     * Writes the network definition into a new data folder and reads the one in force.
     *
     * @param dir the data folder
     * @param definitionFile a network definition to use for a new folder, or null for the default
     * @return the definition in force
     */
    static NetworkDefinition definition(DataDir dir, Path definitionFile) throws IOException {
        Files.createDirectories(dir.root());
        if (!dir.isInitialised()) {
            if (definitionFile != null) {
                NetworkDefinition.load(definitionFile);
                Files.copy(definitionFile, dir.networkFile());
            } else {
                try (InputStream in = NetworkDefinition.class.getResourceAsStream("network.yaml")) {
                    Files.copy(in, dir.networkFile());
                }
            }
        }
        return NetworkDefinition.load(dir.networkFile());
    }

    /** Writes a connection file for every user that has none yet. */
    static void writeConnections(DataDir dir, NetworkDefinition definition, NetworkCrypto crypto) throws IOException {
        for (OrgDefinition org : definition.organizations()) {
            for (UserDefinition user : org.users()) {
                Path file = dir.connectionFile(org.mspId(), user.name());
                if (!Files.exists(file)) {
                    connection(definition, crypto, org, user, "127.0.0.1:" + DEFAULT_GATEWAY_PORT, null, null)
                            .write(file);
                }
            }
        }
    }

    /**
     * A user's connection: their certificate and key from the crypto material, the network's channel
     * and chaincode, and the gateway to reach.
     *
     * @param endpoint the gateway's {@code host:port}
     * @param tlsCa the gateway's TLS CA certificate, or null for plaintext
     * @param hostOverride the TLS server name to expect, or null
     */
    static ConnectionConfig connection(NetworkDefinition definition, NetworkCrypto crypto, OrgDefinition org,
                                       UserDefinition user, String endpoint, Path tlsCa, String hostOverride)
            throws IOException {
        Path msp = crypto.userMspDir(org.mspId(), user.name());
        return new ConnectionConfig(endpoint, tlsCa, hostOverride, org.mspId(), firstFile(msp.resolve("signcerts")),
                msp.resolve("keystore").resolve("priv_sk"), definition.channel(), definition.chaincode());
    }

    private static Path firstFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().findFirst()
                    .orElseThrow(() -> new IOException("no certificate in " + folder));
        }
    }
}

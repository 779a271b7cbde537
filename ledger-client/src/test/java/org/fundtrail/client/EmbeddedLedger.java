package org.fundtrail.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fundtrail.network.node.EmbeddedNode;

/** A real embedded node on a random loopback port, and connection configs for its users. */
final class EmbeddedLedger implements AutoCloseable {
    final EmbeddedNode node;

    EmbeddedLedger(Path dir) throws IOException {
        node = EmbeddedNode.newInstance().dataDirectory(dir).port(0).blockCutting(100, 5).build();
        node.start();
    }

    /** @return the connection of a user of the network definition, over TCP to the node's port */
    ConnectionConfig connection(String mspId, String user) throws IOException {
        Path msp = node.crypto().userMspDir(mspId, user);
        Path cert;
        try (Stream<Path> certs = Files.list(msp.resolve("signcerts"))) {
            cert = certs.findFirst().orElseThrow();
        }
        return new ConnectionConfig("127.0.0.1:" + node.port(), null, null, mspId, cert,
                msp.resolve("keystore").resolve("priv_sk"), node.network().channel(), node.network().chaincode());
    }

    FundtrailLedger open(String mspId, String user) throws IOException {
        return FundtrailLedger.newInstance().config(connection(mspId, user)).build();
    }

    @Override
    public void close() {
        node.close();
    }
}

package org.fundtrail.network.node;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fundtrail.network.crypto.SigningIdentity;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identity;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/** Test helpers: gateway connections for the network's users. */
final class TestNetwork {
    static final String CONTRACT = "probe";

    private TestNetwork() {
    }

    static Identity identity(SigningIdentity user) {
        return new X509Identity(user.mspId(), user.certificate());
    }

    static Gateway connect(ManagedChannel channel, SigningIdentity user) {
        return Gateway.newInstance().identity(identity(user)).signer(Signers.newPrivateKeySigner(user.privateKey()))
                    .hash(Hash.SHA256).connection(channel)
                    .evaluateOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .submitOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                    .commitStatusOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS)).connect();
    }

    static EmbeddedNode start(Path dir) throws IOException {
        EmbeddedNode node = EmbeddedNode.newInstance().dataDirectory(dir).port(0).blockCutting(100, 5)
                .contractClasspath(NodeProcess.contractPath()).build();
        node.start();
        return node;
    }

    static void shutdown(ManagedChannel channel) {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

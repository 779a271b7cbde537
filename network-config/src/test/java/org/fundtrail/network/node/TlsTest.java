package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.fundtrail.network.crypto.TlsMaterial;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    @TempDir
    Path dir;

    @Test
    void serves_the_gateway_over_tls_with_the_peer_certificate() throws Exception {
        try (EmbeddedNode node = EmbeddedNode.newInstance().dataDirectory(dir).port(0).tls(true)
                .contractClasspath(NodeProcess.contractPath()).build()) {
            node.start();
            TlsMaterial tls = node.crypto().peerTls("FinanceMSP");
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", node.port())
                    .sslContext(GrpcSslContexts.forClient().trustManager(tls.caCertificate().toFile()).build()).build();
            try (Gateway g = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"))) {
                Contract c = g.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
                c.submitTransaction("Put", "tls", "yes");
                assertThat(new String(c.evaluateTransaction("Get", "tls"), StandardCharsets.UTF_8)).isEqualTo("yes");
            } finally {
                TestNetwork.shutdown(channel);
            }
        }
    }
}

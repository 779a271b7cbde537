package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.block.ChainVerifier;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.FileCheckpointer;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: the chain, the state, and event streams resumed from a checkpoint. */
class RestartTest {
    @TempDir
    Path dir;

    private static Contract contract(Gateway g, EmbeddedNode node) {
        return g.getNetwork(node.network().channel()).getContract(node.network().chaincode(), TestNetwork.CONTRACT);
    }

    @Test
    void chaincode_events_resume_from_a_checkpoint_after_restart_with_no_gap_or_duplicate() throws Exception {
        Path checkpointFile = dir.resolve("events.checkpoint");
        List<String> received = new ArrayList<>();
        long height;
        try (EmbeddedNode node = TestNetwork.start(dir)) {
            ManagedChannel channel = node.inProcessChannel();
            try (Gateway g = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"))) {
                Contract c = contract(g, node);
                for (int i = 1; i <= 5; i++) {
                    c.submitTransaction("Put", "ev", "v" + i);
                }
                Network network = g.getNetwork(node.network().channel());
                try (FileCheckpointer checkpointer = new FileCheckpointer(checkpointFile);
                        CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(node.network().chaincode())
                        .startBlock(0).checkpoint(checkpointer).build().getEvents()) {
                    for (int i = 0; i < 3; i++) {
                        ChaincodeEvent e = events.next();
                        received.add(new String(e.getPayload(), StandardCharsets.UTF_8));
                        checkpointer.checkpointChaincodeEvent(e);
                    }
                }
            }
            TestNetwork.shutdown(channel);
            height = node.height();
        }
        try (EmbeddedNode node = TestNetwork.start(dir)) {
            assertThat(node.height()).isEqualTo(height);
            ManagedChannel channel = node.inProcessChannel();
            try (Gateway g = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"))) {
                Contract c = contract(g, node);
                assertThat(new String(c.evaluateTransaction("Get", "ev"), StandardCharsets.UTF_8)).isEqualTo("v5");
                for (int i = 6; i <= 8; i++) {
                    c.submitTransaction("Put", "ev", "v" + i);
                }
                Network network = g.getNetwork(node.network().channel());
                try (FileCheckpointer checkpointer = new FileCheckpointer(checkpointFile);
                        CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(node.network().chaincode())
                        .startBlock(0).checkpoint(checkpointer).build().getEvents()) {
                    while (received.size() < 8) {
                        ChaincodeEvent e = events.next();
                        received.add(new String(e.getPayload(), StandardCharsets.UTF_8));
                        checkpointer.checkpointChaincodeEvent(e);
                    }
                }
                assertThat(received).containsExactly("ev=v1", "ev=v2", "ev=v3", "ev=v4", "ev=v5", "ev=v6", "ev=v7", "ev=v8");
                ChainVerifier verifier = new ChainVerifier(node.crypto().orderer().certificate().getPublicKey());
                try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(0).build().getEvents()) {
                    for (long n = 0; n < node.height(); n++) {
                        verifier.accept(blocks.next());
                    }
                }
            }
            TestNetwork.shutdown(channel);
        }
    }

    @Test
    void a_revoked_identity_is_refused() throws Exception {
        NetworkDefinition def = NetworkDefinition.defaults();
        CryptoGenerator.generate(def, dir.resolve("crypto"));
        CryptoGenerator.revoke(def, dir.resolve("crypto"), "FinanceMSP", "officer@mof");
        try (EmbeddedNode node = TestNetwork.start(dir)) {
            ManagedChannel channel = node.inProcessChannel();
            try (Gateway revoked = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"));
                    Gateway auditor = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "auditor"))) {
                assertThatThrownBy(() -> contract(revoked, node).submitTransaction("Put", "r", "x"))
                        .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0).getMessage())
                                .isEqualTo("error validating proposal: access denied: channel [" + node.network().channel()
                                        + "] creator org [FinanceMSP]"));
                assertThat(new String(contract(auditor, node).submitTransaction("Put", "r", "ok"), StandardCharsets.UTF_8))
                        .isEqualTo("ok");
            }
            TestNetwork.shutdown(channel);
        }
    }
}

package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.block.ChainVerifier;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real node process with SIGKILL at random moments under continuous submits, and checks
 * after every restart that each transaction whose commit status a client received is in the ledger,
 * that the hash chain and signatures verify, and that no block is partial.
 */
class CrashTest {
    private static final int KILLS = 20;
    private static final int SUBMITTERS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void every_acknowledged_transaction_survives_sigkill() throws Exception {
        Path data = dir.resolve("node");
        Path log = dir.resolve("node.log");
        NetworkDefinition def = NetworkDefinition.defaults();
        NetworkCrypto crypto = CryptoGenerator.generate(def, data.resolve("crypto"));
        SigningIdentity user = crypto.user("FinanceMSP", "officer@mof");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Random random = new Random(42);
        long lastHeight = 0;
        for (int round = 0; round <= KILLS; round++) {
            NodeProcess node = NodeProcess.start(data, log);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.port).usePlaintext().build();
            try (Gateway gateway = TestNetwork.connect(channel, user)) {
                Network network = gateway.getNetwork(def.channel());
                assertThat(node.height).isGreaterThanOrEqualTo(lastHeight);
                verifyLedger(network, crypto, node.height, acknowledged);
                lastHeight = node.height;
                if (round == KILLS) {
                    break;
                }
                Contract contract = network.getContract(def.chaincode(), TestNetwork.CONTRACT);
                AtomicBoolean stop = new AtomicBoolean();
                int before = acknowledged.size();
                List<Thread> submitters = new ArrayList<>();
                for (int i = 0; i < SUBMITTERS; i++) {
                    Thread t = new Thread(() -> submitUntilStopped(contract, stop, acknowledged));
                    t.start();
                    submitters.add(t);
                }
                // Kill at a random moment once transactions are flowing (a slow machine warms up slowly).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() == before && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Thread.sleep(random.nextInt(400));
                node.kill();
                stop.set(true);
                for (Thread t : submitters) {
                    t.join(30_000);
                }
            } finally {
                node.kill();
                TestNetwork.shutdown(channel);
            }
        }
        System.out.printf("CrashTest: %d kills, %d acknowledged transactions, final height %d%n", KILLS,
                acknowledged.size(), lastHeight);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILLS);
    }

    private static void submitUntilStopped(Contract contract, AtomicBoolean stop, Set<String> acknowledged) {
        while (!stop.get()) {
            try {
                SubmittedTransaction tx = contract.newProposal("Put").addArguments("crash-" + UUID.randomUUID(), "v").build()
                        .endorse().submitAsync();
                if (tx.getStatus().isSuccessful()) {
                    acknowledged.add(tx.getTransactionId());
                }
            } catch (Exception e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private static void verifyLedger(Network network, NetworkCrypto crypto, long height, Set<String> acknowledged)
            throws Exception {
        ChainVerifier verifier = new ChainVerifier(crypto.orderer().certificate().getPublicKey());
        Set<String> valid = new HashSet<>();
        try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(0).build().getEvents()) {
            for (long n = 0; n < height; n++) {
                Block b = blocks.next();
                verifier.accept(b);
                byte[] filter = b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
                for (int i = 0; i < b.getData().getDataCount(); i++) {
                    if (filter[i] == TxValidationCode.VALID_VALUE) {
                        Payload p = Payload.parseFrom(Envelope.parseFrom(b.getData().getData(i)).getPayload());
                        valid.add(ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getTxId());
                    }
                }
            }
        }
        Set<String> missing = new HashSet<>(acknowledged);
        missing.removeAll(valid);
        assertThat(missing).as("acknowledged transactions missing after restart").isEmpty();
    }
}

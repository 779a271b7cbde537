package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.definition.NetworkDefinition;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real node process with SIGKILL at random moments under continuous submits (20 kills, in CI),
 * prints the counts (submitted, reported committed, found, lost, reported-failed-but-committed, uncertain)
 * and checks
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
        CommitTally tally = new CommitTally();
        Random random = new Random(42);
        long lastHeight = 0;
        Map<String, Integer> valid = Map.of();
        for (int round = 0; round <= KILLS; round++) {
            NodeProcess node = NodeProcess.start(data, log);
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.port).usePlaintext().build();
            try (Gateway gateway = TestNetwork.connect(channel, user)) {
                Network network = gateway.getNetwork(def.channel());
                assertThat(node.height).isGreaterThanOrEqualTo(lastHeight);
                valid = CommitTally.validTransactions(network, crypto, node.height);
                Set<String> missing = new HashSet<>(tally.committed);
                missing.removeAll(valid.keySet());
                assertThat(missing).as("acknowledged transactions missing after restart " + round).isEmpty();
                lastHeight = node.height;
                if (round == KILLS) {
                    break;
                }
                Contract contract = network.getContract(def.chaincode(), TestNetwork.CONTRACT);
                AtomicBoolean stop = new AtomicBoolean();
                int before = tally.committed.size();
                List<Thread> submitters = new ArrayList<>();
                for (int i = 0; i < SUBMITTERS; i++) {
                    Thread t = new Thread(() -> submitUntilStopped(contract, stop, tally));
                    t.start();
                    submitters.add(t);
                }
                // Kill at a random moment once transactions are flowing (a slow machine warms up slowly).
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (tally.committed.size() == before && System.nanoTime() < deadline) {
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
        tally.check("CrashTest (" + KILLS + " SIGKILLs, final height " + lastHeight + ")", valid);
        assertThat(tally.committed).hasSizeGreaterThanOrEqualTo(KILLS);
    }

    private static void submitUntilStopped(Contract contract, AtomicBoolean stop, CommitTally tally) {
        while (!stop.get()) {
            int failures = tally.uncertain.size() + tally.failed.size();
            tally.submitOne(contract);
            if (tally.uncertain.size() + tally.failed.size() > failures) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}

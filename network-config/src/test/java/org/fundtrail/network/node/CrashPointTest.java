package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.store.CrashPoint;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Network;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Kills a real node process at each step of its commit path ({@link CrashPoint}: block cut, block
 * batched, state batched, before and after the savepoint, after the clients are told) under
 * concurrent submits, restarts it, and checks that every transaction reported committed is in the
 * ledger exactly once, nothing reported failed is, and the hash chain and signatures verify.
 */
class CrashPointTest {
    static final List<String> POINTS = CrashPoint.POINTS;
    private static final int SUBMITTERS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @FieldSource("POINTS")
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void a_crash_at_this_point_loses_nothing_reported_committed(String point) throws Exception {
        Path data = dir.resolve("node");
        Path log = dir.resolve("node.log");
        NetworkDefinition def = NetworkDefinition.defaults();
        NetworkCrypto crypto = CryptoGenerator.generate(def, data.resolve("crypto"));
        SigningIdentity user = crypto.user("FinanceMSP", "officer@mof");
        CommitTally tally = new CommitTally();
        // Crash at the 3rd block after the genesis block: transactions are flowing by then. Blocks are cut
        // 50 ms after their first transaction, so every submitter is waiting for its commit status when the
        // node dies (a node that answered before the block is durable would then lose acknowledged ones).
        NodeProcess node = NodeProcess.start(data, log, List.of("-Dfundtrail.crashAt=" + point,
                "-Dfundtrail.crashAfter=3"), "--block-timeout-ms", "50");
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", node.port).usePlaintext().build();
        try (Gateway gateway = TestNetwork.connect(channel, user)) {
            Contract contract = gateway.getNetwork(def.channel()).getContract(def.chaincode(), TestNetwork.CONTRACT);
            List<Thread> submitters = new ArrayList<>();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            for (int i = 0; i < SUBMITTERS; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get() && tally.uncertain.isEmpty()) {
                        tally.submitOne(contract);
                    }
                });
                t.start();
                submitters.add(t);
            }
            int exit = node.awaitExit(60);
            stop.set(true);
            for (Thread t : submitters) {
                t.join(30_000);
            }
            assertThat(exit).as("the node halted at " + point).isEqualTo(137);
            assertThat(Files.readString(log)).contains("crash injected at " + point);
        } finally {
            node.kill();
            TestNetwork.shutdown(channel);
        }
        // Restarted in this JVM (already warm): the same recovery as a new process, a few seconds sooner.
        try (EmbeddedNode restarted = TestNetwork.start(data)) {
            ManagedChannel again = restarted.inProcessChannel();
            try (Gateway gateway = TestNetwork.connect(again, user)) {
                Network network = gateway.getNetwork(def.channel());
                Map<String, Integer> valid = CommitTally.validTransactions(network, crypto, restarted.height());
                tally.check("crash at " + point + " (height after restart " + restarted.height() + ")", valid);
                assertThat(tally.committed).as("some commits were reported before the crash").isNotEmpty();
            } finally {
                TestNetwork.shutdown(again);
            }
        }
    }
}

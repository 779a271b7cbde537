package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent read-modify-write through the gateway: MVCC and phantom validation as Fabric's committer does it. */
class ConcurrencyTest {
    private static final int CLIENTS = 32;
    @TempDir
    static Path dir;
    static EmbeddedNode node;
    static ManagedChannel channel;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNetwork.start(dir);
        channel = node.inProcessChannel();
    }

    @AfterAll
    static void stopNode() {
        TestNetwork.shutdown(channel);
        node.close();
    }

    private static Contract contract(Gateway g) {
        return g.getNetwork(node.network().channel()).getContract(node.network().chaincode(), TestNetwork.CONTRACT);
    }

    private static long balance(Contract c, String key) throws Exception {
        String s = new String(c.evaluateTransaction("Get", key), StandardCharsets.UTF_8);
        return s.isEmpty() ? 0 : Long.parseLong(s);
    }

    @Test
    void concurrent_clients_transferring_from_one_balance_never_overspend() throws Exception {
        List<Gateway> gateways = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            gateways.add(TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof")));
        }
        Contract admin = contract(gateways.get(0));
        admin.submitTransaction("Put", "pool", "100");
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger winners = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Contract c = contract(gateways.get(i));
                String account = "account-" + i;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int attempt = 0; attempt < 500; attempt++) {
                        try {
                            c.submitTransaction("Transfer", "pool", account, "10");
                            winners.incrementAndGet();
                            return null;
                        } catch (CommitException e) {
                            assertThat(e.getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
                            conflicts.incrementAndGet();
                        } catch (EndorseException e) {
                            assertThat(e.getDetails().get(0).getMessage()).contains("insufficient funds in pool");
                            refused.incrementAndGet();
                            return null;
                        }
                    }
                    throw new AssertionError("client " + account + " never finished");
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(winners.get()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(CLIENTS - 10);
        assertThat(conflicts.get()).isPositive();
        assertThat(balance(admin, "pool")).isZero();
        long total = 0;
        for (int i = 0; i < CLIENTS; i++) {
            long b = balance(admin, "account-" + i);
            assertThat(b).isIn(0L, 10L);
            total += b;
        }
        assertThat(total).isEqualTo(100);
        for (Gateway g : gateways) {
            g.close();
        }
    }

    @Test
    void a_key_inserted_into_a_read_range_is_a_phantom_read_conflict() throws Exception {
        try (Gateway g = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"))) {
            Contract c = contract(g);
            c.submitTransaction("Put", "range-a", "1");
            Transaction counting = c.newProposal("CountRange").addArguments("range-", "range-~", "range-count").build().endorse();
            Transaction inserting = c.newProposal("Put").addArguments("range-b", "2").build().endorse();
            inserting.submit();
            assertThatThrownBy(counting::submit).isInstanceOfSatisfying(CommitException.class,
                    e -> assertThat(e.getCode()).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT));
            assertThat(new String(c.submitTransaction("CountRange", "range-", "range-~", "range-count"),
                    StandardCharsets.UTF_8)).isEqualTo("2");
        }
    }

    @Test
    void a_stale_read_is_an_mvcc_read_conflict_even_within_one_block() throws Exception {
        try (Gateway g = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"))) {
            Contract c = contract(g);
            c.submitTransaction("Put", "stale", "50");
            Transaction first = c.newProposal("Transfer").addArguments("stale", "x", "10").build().endorse();
            Transaction second = c.newProposal("Transfer").addArguments("stale", "y", "10").build().endorse();
            var s1 = first.submitAsync();
            var s2 = second.submitAsync();
            assertThat(s1.getStatus().getCode()).isEqualTo(TxValidationCode.VALID);
            assertThat(s2.getStatus().getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
            assertThat(balance(c, "stale")).isEqualTo(40);
        }
    }
}

package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code spending} contract (fundtrail-chaincode) on the embedded node, through the
 * gateway client: bootstrap, appropriation, and 32 concurrent clients transferring from one
 * allocation.
 */
class SpendingContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 32;
    @TempDir
    static Path dir;
    static EmbeddedNode node;
    static ManagedChannel channel;
    static Gateway admin;
    static Gateway officer;

    @BeforeAll
    static void startAndBootstrap() throws Exception {
        node = TestNetwork.start(dir);
        channel = node.inProcessChannel();
        admin = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "Admin"));
        officer = TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof"));
        Contract c = spending(admin);
        c.submitTransaction("RegisterOrganization",
                "{\"id\":\"MOF\",\"name\":\"Ministry of Finance\",\"tier\":\"MINISTRY\",\"mspId\":\"FinanceMSP\"}");
        c.submitTransaction("RegisterOrganization", "{\"id\":\"HEALTH\",\"name\":\"Ministry of Health\","
                + "\"tier\":\"DEPARTMENT\",\"parentId\":\"MOF\",\"mspId\":\"HealthMSP\"}");
    }

    @AfterAll
    static void stop() {
        admin.close();
        officer.close();
        TestNetwork.shutdown(channel);
        node.close();
    }

    private static Contract spending(Gateway g) {
        return g.getNetwork(node.network().channel()).getContract(node.network().chaincode());
    }

    private static void appropriate(String id, String amount) throws Exception {
        spending(officer).submitTransaction("Appropriate", "{\"id\":\"" + id + "\",\"fiscalYear\":2027,\"amount\":\""
                + amount + "\",\"currency\":\"EUR\",\"classification\":{\"cofog\":\"07\",\"programme\":\"P1\"},"
                + "\"purpose\":\"Hospitals\"}");
    }

    private static String transfer(String id, String from, String to, String amount) {
        return "{\"id\":\"" + id + "\",\"fromAllocationId\":\"" + from + "\",\"toOrgId\":\"HEALTH\",\"toAllocationId\":\""
                + to + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"purpose\":\"Wards\"}";
    }

    @Test
    void refusal_carries_the_chaincode_error_code_and_message() throws Exception {
        appropriate("A-REFUSE", "5.00");
        assertThatThrownBy(() -> spending(officer).submitTransaction("Transfer", transfer("T-R", "A-REFUSE", "H-R", "6.00")))
                .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0).getMessage())
                        .startsWith("chaincode response 500, amount: ").endsWith("[INSUFFICIENT_FUNDS]"));
    }

    @Test
    void concurrent_transfers_from_one_allocation_never_overspend() throws Exception {
        appropriate("A-POOL", "100.00");
        List<Gateway> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(TestNetwork.connect(channel, node.crypto().user("FinanceMSP", "officer@mof")));
        }
        AtomicInteger winners = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Contract c = spending(clients.get(i));
                String request = transfer("T-" + i, "A-POOL", "H-" + i, "10.00");
                done.add(pool.submit(() -> {
                    go.await();
                    for (int attempt = 0; attempt < 500; attempt++) {
                        try {
                            c.submitTransaction("Transfer", request);
                            winners.incrementAndGet();
                            return null;
                        } catch (CommitException e) {
                            assertThat(e.getCode()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
                            conflicts.incrementAndGet();
                        } catch (EndorseException e) {
                            assertThat(e.getDetails().get(0).getMessage()).contains("[INSUFFICIENT_FUNDS]");
                            refused.incrementAndGet();
                            return null;
                        }
                    }
                    throw new AssertionError("never finished");
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            clients.forEach(Gateway::close);
        }
        assertThat(winners.get()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(CLIENTS - 10);
        assertThat(conflicts.get()).isPositive();
        JsonNode source = JSON.readTree(new String(spending(officer).evaluateTransaction("GetAllocation", "A-POOL"),
                StandardCharsets.UTF_8));
        assertThat(source.path("balance").path("transferred").asText()).isEqualTo("100.00");
        int children = 0;
        for (int i = 0; i < CLIENTS; i++) {
            try {
                JsonNode child = JSON.readTree(new String(spending(officer).evaluateTransaction("GetAllocation", "H-" + i),
                        StandardCharsets.UTF_8));
                assertThat(child.path("allocation").path("amount").asText()).isEqualTo("10.00");
                children++;
            } catch (org.hyperledger.fabric.client.GatewayException e) {
                assertThat(e.getMessage()).contains("NOT_FOUND");
            }
        }
        assertThat(children).isEqualTo(10);
    }
}

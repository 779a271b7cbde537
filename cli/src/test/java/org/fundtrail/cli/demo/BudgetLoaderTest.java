package org.fundtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.EmbeddedNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads a small sample budget into a real embedded node of the demo network. */
class BudgetLoaderTest {
    @TempDir
    static Path dir;
    static EmbeddedNode node;
    static ManagedChannel channel;
    static SampleBudget budget;
    static LoadSummary summary;
    static int progressCalls;
    static int lastDone;

    @BeforeAll
    static void load() throws Exception {
        NetworkDefinition network = NetworkDefinition.load(DemoNetwork.copyTo(dir.resolve("network.yaml")));
        node = EmbeddedNode.newInstance().dataDirectory(dir.resolve("node")).network(network).inProcessOnly()
                .blockCutting(500, 5).build();
        long t0 = System.nanoTime();
        node.start();
        System.out.printf("node started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        channel = node.inProcessChannel();
        budget = SampleBudget.newInstance().network(network).scale(1).build();
        AtomicInteger calls = new AtomicInteger();
        summary = BudgetLoader.newInstance()
                .ledgers(BudgetLoaderTest::open)
                .inFlight(32)
                .progress((done, total) -> {
                    calls.incrementAndGet();
                    lastDone = done;
                    assertThat(total).isEqualTo(budget.steps().size());
                })
                .build()
                .load(budget.steps());
        progressCalls = calls.get();
        System.out.printf("loaded %d steps in %d ms (%.0f committed/s), refusals %s%n", summary.total(),
                summary.elapsed().toMillis(), summary.committedPerSecond(), summary.refusalsByCode());
        summary.phaseTimes().forEach((phase, time) -> System.out.printf("  %-22s %6d ms%n", phase, time.toMillis()));
    }

    static FundtrailLedger open(String mspId, String user) throws IOException {
        Path msp = node.crypto().userMspDir(mspId, user);
        Path cert;
        try (Stream<Path> certs = Files.list(msp.resolve("signcerts"))) {
            cert = certs.findFirst().orElseThrow();
        }
        ConnectionConfig config = new ConnectionConfig("in-process", null, null, mspId, cert,
                msp.resolve("keystore").resolve("priv_sk"), node.network().channel(), node.network().chaincode());
        return FundtrailLedger.newInstance().config(config).channel(channel).build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void every_step_commits_or_is_refused_as_planned() {
        assertThat(summary.failures()).isEmpty();
        assertThat(summary.notRun()).isZero();
        assertThat(summary.succeeded()).isTrue();
        assertThat(summary.committed()).isEqualTo(budget.steps().size() - budget.plannedRefusals().size());
        assertThat(progressCalls).isEqualTo(budget.steps().size());
        assertThat(lastDone).isEqualTo(budget.steps().size());
    }

    @Test
    void loading_again_counts_existing_records_as_present_only_when_resuming() throws Exception {
        List<Step> early = budget.steps().stream().filter(s -> s.phase().compareTo(Phase.APPROPRIATIONS) <= 0)
                .toList();
        LoadSummary again = BudgetLoader.newInstance().ledgers(BudgetLoaderTest::open).build().load(early);
        assertThat(again.failures()).singleElement().satisfies(f -> {
            assertThat(f.step().phase()).isEqualTo(Phase.MINISTRY);
            assertThat(f.problem()).contains("ALREADY_EXISTS");
        });
        assertThat(again.notRun()).isEqualTo(early.size() - 1);

        LoadSummary resumed = BudgetLoader.newInstance().ledgers(BudgetLoaderTest::open).resume(true).build()
                .load(early);
        assertThat(resumed.succeeded()).isTrue();
        assertThat(resumed.alreadyPresent()).isEqualTo(early.size());
        assertThat(resumed.committed()).isZero();
    }

    @Test
    void every_planned_refusal_is_refused_with_its_code() {
        assertThat(summary.refusals()).hasSameSizeAs(budget.plannedRefusals());
        assertThat(summary.refusals()).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(r.step().expectedCode());
            assertThat(r.message()).isNotBlank();
        });
        assertThat(summary.refusals()).extracting(r -> r.step().index())
                .containsExactlyElementsOf(budget.plannedRefusals().stream().map(Step::index).toList());
    }

    @Test
    void traces_of_the_appropriations_add_up_and_match_the_plan() throws Exception {
        long t0 = System.nanoTime();
        Map<String, String> seen = new HashMap<>();
        try (FundtrailLedger auditor = open("AuditMSP", "auditor")) {
            for (String appropriation : budget.appropriationIds()) {
                TraceDown trace = auditor.traceDown(appropriation, 10_000);
                assertThat(trace.truncated()).isFalse();
                assertThat(trace.root().parentAllocationId()).isNull();
                checkNode(trace.root(), seen);
            }
        }
        System.out.printf("traced %d appropriations in %d ms%n", budget.appropriationIds().size(),
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(budget.plannedAvailable());
    }

    private static void checkNode(TraceNode node, Map<String, String> seen) {
        seen.put(node.allocationId(), node.available());
        long receivedByChildren = 0;
        long returnedByChildren = 0;
        for (TraceNode child : node.children()) {
            assertThat(child.parentAllocationId()).isEqualTo(node.allocationId());
            assertThat(child.fiscalYear()).isEqualTo(node.fiscalYear());
            receivedByChildren += m(child.received()) - m(child.reversed());
            returnedByChildren += m(child.returned());
            checkNode(child, seen);
        }
        assertThat(m(node.transferred())).as("transferred by %s", node.allocationId()).isEqualTo(receivedByChildren);
        assertThat(m(node.returnedIn())).as("returned to %s", node.allocationId()).isEqualTo(returnedByChildren);
        assertThat(m(node.available())).as("available in %s", node.allocationId())
                .isEqualTo(m(node.received()) + m(node.returnedIn()) - m(node.transferred()) - m(node.spent())
                        - m(node.returned()) - m(node.reversed()))
                .isNotNegative();
    }

    private static long m(String amount) {
        return Money.ofStored(amount, "EUR").minorUnits();
    }

    @Test
    void the_ledger_holds_the_outcomes_and_spending_of_the_budget() throws Exception {
        try (FundtrailLedger auditor = open("AuditMSP", "auditor")) {
            TraceDown hospitals = auditor.traceDown("AP-2025-HLT.01", 10_000);
            List<TraceNode> agencyNodes = hospitals.root().children().stream()
                    .flatMap(c -> c.children().stream()).toList();
            assertThat(agencyNodes).extracting(TraceNode::holderOrgId).containsOnly("HEALTH-HOSP");
            assertThat(agencyNodes.stream().mapToInt(TraceNode::expenditures).sum()).isPositive();
            assertThat(agencyNodes.stream().flatMap(n -> n.outcomes().stream()))
                    .extracting(TraceNode.OutcomeSummary::indicator).contains("Hospital beds available");
        }
    }
}

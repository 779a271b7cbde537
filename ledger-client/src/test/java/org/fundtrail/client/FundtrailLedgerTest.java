package org.fundtrail.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The typed client against a real embedded node, over a loopback gRPC port. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundtrailLedgerTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    static Path dir;
    static EmbeddedLedger network;
    static FundtrailLedger ministryAdmin;
    static FundtrailLedger ministry;
    static FundtrailLedger health;
    static FundtrailLedger hospitals;

    @BeforeAll
    static void start() throws Exception {
        network = new EmbeddedLedger(dir.resolve("node"));
        ministryAdmin = network.open("FinanceMSP", "Admin");
        ministry = network.open("FinanceMSP", "officer@mof");
        health = network.open("HealthMSP", "officer@health");
        hospitals = network.open("HealthMSP", "officer@health-hosp");
        ministryAdmin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP",
                "XM-FT-MOF"));
        ministryAdmin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF",
                "HealthMSP", null));
        ministryAdmin.submit(new OrganizationRequest("HEALTH-HOSP", "National Hospitals Agency", Tier.AGENCY,
                "HEALTH", "HealthMSP", null));
        ministry.submit(new AppropriationRequest("A", 2026, "1000000.00", "EUR", new Classification("07.3", "P-HOSP",
                null), "Hospital services", "Budget Law 2026 art. 7"));
    }

    @AfterAll
    static void stop() {
        for (FundtrailLedger ledger : List.of(ministryAdmin, ministry, health, hospitals)) {
            ledger.close();
        }
        network.close();
    }

    @Test
    @Order(1)
    void submit_returns_the_committed_records_with_their_transaction_and_block() throws Exception {
        Submission s = ministry.submit(new TransferRequest("T-D", "A", "HEALTH", "D", "600000.00", "EUR", "Grant",
                null));
        assertThat(s.alreadyDone()).isFalse();
        assertThat(s.blockNumber()).isPositive();
        assertThat(s.records()).extracting(LedgerRecord::type).containsExactly(RecordType.TRANSFER,
                RecordType.BALANCE, RecordType.ALLOCATION, RecordType.BALANCE);
        assertThat(s.records().get(0).txId()).isEqualTo(s.transactionId());
        assertThat(((Transfer) ministry.record("T-D")).amount()).isEqualTo("600000.00");
        assertThat(ministry.allocation("D").balance().available()).isEqualTo("600000.00");
    }

    @Test
    @Order(2)
    void a_refusal_carries_the_chaincode_s_code_and_field() throws Exception {
        RefusedException e = catchThrowableOfType(RefusedException.class, () -> health.submit(
                new TransferRequest("T-X", "D", "HEALTH-HOSP", "X", "600000.01", "EUR", "Too much", null)));
        assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(e.field()).isEqualTo("amount");
        assertThat(e.getMessage()).startsWith("amount: 600000.01 EUR exceeds");
        RefusedException notFound = catchThrowableOfType(RefusedException.class, () -> health.allocation("NOPE"));
        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    @Order(3)
    void dry_run_checks_the_rules_without_writing() throws Exception {
        TransferRequest request = new TransferRequest("T-DRY", "D", "HEALTH-HOSP", "DRY", "1.00", "EUR", "Dry", null);
        assertThat(health.dryRun(request)).extracting(LedgerRecord::type).contains(RecordType.TRANSFER);
        assertThat(catchThrowableOfType(RefusedException.class, () -> health.record("T-DRY")).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
        RefusedException refused = catchThrowableOfType(RefusedException.class, () -> hospitals.dryRun(request));
        assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    @Order(4)
    void concurrent_transfers_from_one_allocation_are_retried_and_never_overspend() throws Exception {
        health.submit(new TransferRequest("T-POOL", "D", "HEALTH-HOSP", "POOL-PARENT", "100.00", "EUR", "Pool",
                null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        FundtrailLedger patient = FundtrailLedger.newInstance()
                .config(network.connection("HealthMSP", "officer@health")).maxAttempts(40).build();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = "T-C" + i;
            results.add(pool.submit(() -> {
                try {
                    patient.submit(new TransferRequest(id, "D", "HEALTH-HOSP", id + "-A", "1000.00", "EUR", "Grant",
                            null));
                    return "committed";
                } catch (LedgerException e) {
                    return e.getClass().getSimpleName();
                }
            }));
        }
        int committed = 0;
        for (Future<String> result : results) {
            if (result.get().equals("committed")) {
                committed++;
            }
        }
        pool.shutdown();
        patient.close();
        assertThat(committed).as("retries absorb MVCC conflicts").isEqualTo(16);
        assertThat(health.allocation("D").balance().transferred()).isEqualTo("16100.00");
        assertThat(health.allocation("D").balance().available()).isEqualTo("583900.00");
    }

    @Test
    @Order(5)
    void queries_trace_history_and_children_come_back_typed() throws Exception {
        hospitals.submit(new ExpenditureRequest("E-1", "T-C0-A", "10.00", "EUR",
                new Payee("MedSupply Ltd", null), "2.2.1", "2026-03-14", new Evidence(SHA,
                "https://example.org/i.pdf")));
        hospitals.submit(new ReturnRequest("R-1", "T-C0-A", "5.00", "EUR", ReasonCode.UNSPENT, "Left over"));
        TraceDown trace = ministry.traceDown("A", 1000);
        assertThat(trace.nodes()).isEqualTo(19);
        assertThat(trace.root().children().get(0).returnedIn()).isEqualTo("5.00");
        assertThat(ministry.traceUp("E-1").paths().get(0)).extracting(s -> s.allocationId())
                .containsExactly("T-C0-A", "D", "A");
        assertThat(ministry.history("T-C0-A").versions()).hasSizeGreaterThanOrEqualTo(3);
        ChildPage first = ministry.children("D", 10, "");
        assertThat(first.children()).hasSize(10);
        assertThat(ministry.children("D", 10, first.bookmark()).children()).hasSize(7);
        assertThat(ministry.organization("HEALTH-HOSP").parentId()).isEqualTo("HEALTH");
    }

    @Test
    @Order(6)
    void an_unreachable_ledger_is_reported_as_unavailable() throws Exception {
        ConnectionConfig nowhere = network.connection("HealthMSP", "officer@health").withEndpoint("127.0.0.1:1");
        try (FundtrailLedger ledger = FundtrailLedger.newInstance().config(nowhere).maxAttempts(1).build()) {
            LedgerUnavailableException e = catchThrowableOfType(LedgerUnavailableException.class,
                    () -> ledger.allocation("D"));
            assertThat(e.getMessage()).contains("UNAVAILABLE");
        }
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.CommitUnknownException;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.RefusedException;
import org.fundtrail.client.Submission;
import org.fundtrail.client.TransferRequest;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.client.readmodel.Filter;
import org.fundtrail.client.readmodel.Page;
import org.fundtrail.client.readmodel.Projector;
import org.fundtrail.client.readmodel.RecordRow;
import org.fundtrail.client.readmodel.ReadModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults on a real Fabric network with three Raft orderers: while one officer submits a stream of
 * transfers, the auditor's peer — a required endorser, and the peer the projector reads blocks
 * from — is killed with SIGKILL and restarted, then the Raft leader is killed. Nothing the client
 * saw committed may be lost, nothing reported failed may have been committed (unless reported
 * uncertain), submits continue after the leader dies, and the projector resumes to a read model
 * equal to one rebuilt from block 0.
 */
@EnabledIf("org.fundtrail.cli.FabricTestLedger#available")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FabricFaultsIT {
    private static final Pattern LEADER = Pattern.compile(
            "^.*?(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+).*Raft leader changed: \\d+ -> (\\d+)");

    FabricTestLedger ledger;
    FundtrailLedger admin;
    FundtrailLedger ministry;
    FundtrailLedger auditor;

    @BeforeAll
    void start() throws Exception {
        Path dir = Path.of("target", "fabric-it", "faults-" + ProcessHandle.current().pid()).toAbsolutePath();
        ledger = FabricTestLedger.start(dir, 3);
        admin = ledger.open("FinanceMSP", "Admin");
        ministry = FundtrailLedger.newInstance().config(ledger.connection("FinanceMSP", "officer@mof"))
                .maxAttempts(8).build();
        auditor = ledger.open("AuditMSP", "auditor");
        admin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP", null));
        admin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF", "HealthMSP",
                null));
        ministry.submit(new AppropriationRequest("A", 2026, "1000000000.00", "EUR", new Classification("07.3",
                "P-HOSP", null), "Hospital services", null));
    }

    @AfterAll
    void stop() {
        for (FundtrailLedger client : new FundtrailLedger[] {admin, ministry, auditor}) {
            if (client != null) {
                client.close();
            }
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    /** What the client was told about one submission. */
    private record Outcome(String id, Submission committed, LedgerException failure) {
        boolean uncertain() {
            return failure instanceof CommitUnknownException;
        }
    }

    @Test
    void a_killed_peer_and_a_killed_raft_leader_lose_nothing_committed(@TempDir Path temp) throws Exception {
        Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread stream = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String id = "T-" + i;
                try {
                    outcomes.put(id, new Outcome(id, ministry.submit(new TransferRequest(id, "A", "HEALTH", id + "-A",
                            "1.00", "EUR", "Grant " + i, null)), null));
                } catch (LedgerException e) {
                    outcomes.put(id, new Outcome(id, null, e));
                }
            }
        }, "submits");
        try (ReadModel readModel = ReadModel.open("jdbc:sqlite:" + temp.resolve("readmodel.db"));
             Projector projector = Projector.newInstance().readModel(readModel).source(auditor.blocks())
                     .chaincode("spending").retryDelay(Duration.ofMillis(500)).build()) {
            projector.start();
            stream.start();

            awaitCommitted(outcomes, 10);
            ledger.kill("peer0.audit");
            Thread.sleep(3000);
            ledger.restart();
            int beforeLeaderKill = awaitCommitted(outcomes, committed(outcomes) + 10);

            String leader = raftLeader();
            ledger.kill(leader);
            int afterLeaderKill = awaitCommitted(outcomes, beforeLeaderKill + 10);
            stop.set(true);
            stream.join(120_000);
            assertThat(afterLeaderKill - beforeLeaderKill).as("submits continue after %s died", leader)
                    .isGreaterThanOrEqualTo(10);

            long lastBlock = outcomes.values().stream().filter(o -> o.committed() != null)
                    .mapToLong(o -> o.committed().blockNumber()).max().orElseThrow();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (readModel.checkpoint() < lastBlock) {
                assertThat(Instant.now()).as("the projector resumed up to block %d", lastBlock).isBefore(deadline);
                Thread.sleep(100);
            }

            try (ReadModel rebuild = ReadModel.open("jdbc:sqlite:" + temp.resolve("rebuild.db"));
                 Projector fresh = Projector.newInstance().readModel(rebuild).source(auditor.blocks())
                         .chaincode("spending").build()) {
                fresh.start();
                while (rebuild.checkpoint() < readModel.checkpoint()) {
                    assertThat(Instant.now()).as("the rebuild caught up").isBefore(deadline.plusSeconds(60));
                    Thread.sleep(100);
                }
                for (RecordType type : RecordType.values()) {
                    if (type != RecordType.BALANCE) {
                        assertThat(contents(readModel, type)).as("%s rows after the faults equal a rebuild", type)
                                .isEqualTo(contents(rebuild, type));
                    }
                }
            }

            int committed = 0;
            int lost = 0;
            int failedButCommitted = 0;
            int uncertain = 0;
            List<String> problems = new ArrayList<>();
            for (Outcome o : outcomes.values()) {
                boolean onLedger = onLedger(o.id());
                if (o.committed() != null) {
                    committed++;
                    if (!onLedger || readModel.record(o.id()).isEmpty()) {
                        lost++;
                        problems.add(o.id() + " reported committed in block " + o.committed().blockNumber()
                                + " but missing from the " + (onLedger ? "read model" : "ledger"));
                    }
                } else if (o.uncertain()) {
                    uncertain++;
                } else if (onLedger) {
                    failedButCommitted++;
                    problems.add(o.id() + " reported failed (" + o.failure() + ") but committed");
                }
            }
            System.out.printf("Fabric faults: submitted %d, reported committed %d, found %d, lost %d, "
                    + "reported uncertain %d, reported failed but committed %d; killed peer0.audit and Raft leader "
                    + "%s%n", outcomes.size(), committed, committed - lost, lost, uncertain, failedButCommitted, leader);
            assertThat(problems).isEmpty();
            assertThat(committed).isGreaterThanOrEqualTo(30);
        }
    }

    private static List<RecordRow> contents(ReadModel readModel, RecordType type) throws Exception {
        List<RecordRow> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<RecordRow> page = readModel.list(type, Filter.all(), cursor, 1000);
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    private boolean onLedger(String id) throws Exception {
        try {
            return ministry.record(id) != null;
        } catch (RefusedException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            return false;
        }
    }

    private static int committed(Map<String, Outcome> outcomes) {
        return (int) outcomes.values().stream().filter(o -> o.committed() != null).count();
    }

    private static int awaitCommitted(Map<String, Outcome> outcomes, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (committed(outcomes) < count) {
            assertThat(Instant.now()).as("%d submissions committed", count).isBefore(deadline);
            Thread.sleep(50);
        }
        return committed(outcomes);
    }

    /** The orderer the latest "Raft leader changed" line of any orderer's log names (node ids count from 1). */
    private String raftLeader() throws IOException {
        String latest = "";
        int id = 0;
        for (String orderer : List.of("orderer0", "orderer1", "orderer2")) {
            for (String line : ledger.log(orderer).split("\n")) {
                Matcher m = LEADER.matcher(line);
                if (m.find() && m.group(1).compareTo(latest) >= 0) {
                    latest = m.group(1);
                    id = Integer.parseInt(m.group(2));
                }
            }
        }
        assertThat(id).as("a Raft leader in the orderers' logs").isPositive();
        return "orderer" + (id - 1);
    }
}

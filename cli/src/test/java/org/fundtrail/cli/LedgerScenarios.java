package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.ChildPage;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.GatewayRejectedException;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.LedgerUnavailableException;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.OutcomeRequest;
import org.fundtrail.client.RefusedException;
import org.fundtrail.client.ReturnRequest;
import org.fundtrail.client.ReversalRequest;
import org.fundtrail.client.Submission;
import org.fundtrail.client.SubmitRequest;
import org.fundtrail.client.TransferRequest;
import org.fundtrail.client.readmodel.BlockSource;
import org.fundtrail.client.readmodel.Projector;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.Reconciler;
import org.fundtrail.client.verify.BlockVerifier;
import org.fundtrail.client.verify.EndorsementPolicy;
import org.fundtrail.client.verify.VerificationException;
import org.fundtrail.network.definition.NetworkDefinition;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user relies on, run against every ledger Fundtrail supports: each subclass supplies one
 * ({@link EmbeddedScenariosIT} always, {@link FabricScenariosIT} where Fabric's binaries are at hand).
 * The typed client, the CLI, the projector and the verifier all go through the Fabric Gateway
 * protocol; the scenarios never look behind it. A scenario that passes on one ledger and fails on
 * the other is a bug in the embedded node.
 *
 * <p>On Fabric each client talks to its own org's peer, and a peer answers a query from what it has
 * committed: another org's peer may be a block behind the submitter's. Reads through another org's
 * client therefore wait ({@link #eventually}); reads through the submitter's client never need to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LedgerScenarios {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** A folder for this class's files, from {@link #start}. */
    Path temp;
    TestLedger ledger;
    FundtrailLedger ministryAdmin;
    FundtrailLedger ministry;
    FundtrailLedger health;
    FundtrailLedger hospitals;
    FundtrailLedger auditor;
    /** The highest block number a submission here was committed in. */
    long lastBlock;
    long transferBlock;

    /** @return a new ledger with an empty channel */
    abstract TestLedger startLedger() throws Exception;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        temp = folder;
        ledger = startLedger();
        ministryAdmin = ledger.open("FinanceMSP", "Admin");
        ministry = ledger.open("FinanceMSP", "officer@mof");
        health = ledger.open("HealthMSP", "officer@health");
        hospitals = ledger.open("HealthMSP", "officer@health-hosp");
        auditor = ledger.open("AuditMSP", "auditor");
        submit(ministryAdmin, new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP",
                "XM-FT-MOF"));
        submit(ministryAdmin, new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF",
                "HealthMSP", null));
        submit(ministryAdmin, new OrganizationRequest("HEALTH-HOSP", "National Hospitals Agency", Tier.AGENCY,
                "HEALTH", "HealthMSP", null));
        submit(ministry, new AppropriationRequest("A", 2026, "1000000.00", "EUR", new Classification("07.3",
                "P-HOSP", null), "Hospital services", "Budget Law 2026 art. 7"));
    }

    @AfterAll
    void stop() {
        for (FundtrailLedger client : new FundtrailLedger[] {ministryAdmin, ministry, health, hospitals, auditor}) {
            if (client != null) {
                client.close();
            }
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    private Submission submit(FundtrailLedger client, SubmitRequest request) throws LedgerException {
        Submission s = client.submit(request);
        lastBlock = Math.max(lastBlock, s.blockNumber());
        return s;
    }

    /** Retries a read until it holds: another org's peer may not have committed the latest block yet. */
    static void eventually(ThrowingRunnable check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RefusedException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A check that may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    @Order(1)
    void submit_returns_the_committed_records_with_their_transaction_and_block() throws Exception {
        Submission s = submit(ministry, new TransferRequest("T-D", "A", "HEALTH", "D", "600000.00", "EUR", "Grant",
                null));
        transferBlock = s.blockNumber();
        assertThat(s.alreadyDone()).isFalse();
        assertThat(s.blockNumber()).isPositive();
        assertThat(s.records()).extracting(LedgerRecord::type).containsExactly(RecordType.TRANSFER,
                RecordType.BALANCE, RecordType.ALLOCATION, RecordType.BALANCE);
        assertThat(s.records().get(0).txId()).isEqualTo(s.transactionId());
        assertThat(((Transfer) ministry.record("T-D")).amount()).isEqualTo("600000.00");
        assertThat(ministry.allocation("D").balance().available()).isEqualTo("600000.00");
        eventually(() -> assertThat(health.allocation("D").allocation().holderOrgId()).isEqualTo("HEALTH"));
    }

    @Test
    @Order(2)
    void every_refusal_carries_the_chaincode_s_code_and_field_and_writes_nothing() throws Exception {
        RefusedException funds = catchThrowableOfType(RefusedException.class, () -> health.submit(
                new TransferRequest("T-X", "D", "HEALTH-HOSP", "X", "600000.01", "EUR", "Too much", null)));
        assertThat(funds.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(funds.field()).isEqualTo("amount");
        assertThat(funds.getMessage()).startsWith("amount: 600000.01 EUR exceeds");

        RefusedException flow = catchThrowableOfType(RefusedException.class, () -> ministry.submit(
                new TransferRequest("T-FLOW", "A", "HEALTH-HOSP", "FLOW", "1.00", "EUR", "Skip a tier", null)));
        assertThat(flow.code()).isEqualTo(ErrorCode.FLOW_NOT_ALLOWED);

        RefusedException forbidden = catchThrowableOfType(RefusedException.class, () -> hospitals.submit(
                new TransferRequest("T-NOT-MINE", "D", "HEALTH-HOSP", "NOT-MINE", "1.00", "EUR", "Not mine", null)));
        assertThat(forbidden.code()).isEqualTo(ErrorCode.FORBIDDEN);

        RefusedException currency = catchThrowableOfType(RefusedException.class, () -> health.submit(
                new TransferRequest("T-USD", "D", "HEALTH-HOSP", "USD", "1.00", "USD", "Dollars", null)));
        assertThat(currency.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH);

        RefusedException duplicate = catchThrowableOfType(RefusedException.class, () -> ministry.submit(
                new AppropriationRequest("T-D", 2026, "1.00", "EUR", new Classification("07.3", "P-HOSP", null),
                        "Same id as a transfer", null)));
        assertThat(duplicate.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);

        RefusedException notFound = catchThrowableOfType(RefusedException.class, () -> health.allocation("NOPE"));
        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
        for (String id : List.of("T-X", "T-FLOW", "T-NOT-MINE", "T-USD")) {
            assertThat(catchThrowableOfType(RefusedException.class, () -> health.record(id)).code())
                    .as(id).isEqualTo(ErrorCode.NOT_FOUND);
        }
        assertThat(health.allocation("D").balance().available()).isEqualTo("600000.00");
        assertThat(ministry.record("T-D").type()).isEqualTo(RecordType.TRANSFER);
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
        submit(health, new TransferRequest("T-POOL", "D", "HEALTH-HOSP", "POOL-PARENT", "100.00", "EUR", "Pool", null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        FundtrailLedger patient = FundtrailLedger.newInstance()
                .config(ledger.connection("HealthMSP", "officer@health")).maxAttempts(40).build();
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String id = "T-C" + i;
            results.add(pool.submit(() -> {
                try {
                    return submit(patient, new TransferRequest(id, "D", "HEALTH-HOSP", id + "-A", "1000.00", "EUR",
                            "Grant", null));
                } catch (LedgerException e) {
                    return e.getClass().getSimpleName() + ": " + e.getMessage();
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        patient.close();
        assertThat(outcomes).as("retries absorb MVCC conflicts").allMatch(o -> o instanceof Submission);
        assertThat(health.allocation("D").balance().transferred()).isEqualTo("16100.00");
        assertThat(health.allocation("D").balance().available()).isEqualTo("583900.00");
    }

    @Test
    @Order(5)
    void spending_outcomes_returns_and_reversals_show_in_traces_history_and_children() throws Exception {
        eventually(() -> assertThat(hospitals.allocation("T-C0-A").balance().available()).isEqualTo("1000.00"));
        submit(hospitals, new ExpenditureRequest("E-1", "T-C0-A", "10.00", "EUR", new Payee("MedSupply Ltd", null),
                "2.2.1", "2026-03-14", new Evidence(SHA, "https://example.org/i.pdf")));
        submit(hospitals, new ExpenditureRequest("E-2", "T-C0-A", "20.00", "EUR", new Payee("Clinic Ltd", null),
                "2.2.1", "2026-03-15", new Evidence(SHA, "https://example.org/j.pdf")));
        submit(hospitals, new ReturnRequest("R-1", "T-C0-A", "5.00", "EUR", ReasonCode.UNSPENT, "Left over"));
        submit(hospitals, new OutcomeRequest("O-1", List.of("T-C0-A"), "Beds", "beds", "100", "120", "118", "2026",
                new Evidence(SHA, "https://example.org/r.pdf")));
        submit(hospitals, new ReversalRequest("REV-1", "E-2", ReasonCode.DATA_ENTRY_ERROR, "Entered twice"));
        assertThat(hospitals.allocation("T-C0-A").balance().available()).isEqualTo("985.00");

        eventually(() -> assertThat(ministry.record("REV-1").type()).isEqualTo(RecordType.REVERSAL));
        TraceDown trace = ministry.traceDown("A", 1000);
        assertThat(trace.nodes()).isEqualTo(19);
        TraceNode d = trace.root().children().get(0);
        assertThat(d.returnedIn()).isEqualTo("5.00");
        TraceNode c0 = d.children().stream().filter(n -> n.allocationId().equals("T-C0-A")).findFirst().orElseThrow();
        assertThat(c0.spent()).isEqualTo("10.00");
        assertThat(c0.available()).isEqualTo("985.00");
        assertThat(c0.outcomes()).hasSize(1);
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
    void the_projector_follows_the_ledger_past_its_system_transactions_and_agrees_with_it() throws Exception {
        String url = "jdbc:sqlite:" + temp.resolve("readmodel.db");
        NetworkDefinition definition = NetworkDefinition.load(ledger.dir().networkFile());
        try (ReadModel readModel = ReadModel.open(url);
             Projector projector = Projector.newInstance().readModel(readModel).source(auditor.blocks())
                     .chaincode(definition.chaincode()).build()) {
            projector.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (readModel.checkpoint() < lastBlock) {
                assertThat(projector.failure()).isEmpty();
                assertThat(Instant.now()).as("projected up to block %d", lastBlock).isBefore(deadline);
                Thread.sleep(50);
            }
            assertThat(readModel.record("E-1")).isPresent();
            Reconciler reconciler = new Reconciler(readModel, ReconcileCommand.reader(auditor));
            Reconciler.Report subtree = reconciler.subtree("A");
            assertThat(subtree.differences()).isEmpty();
            assertThat(subtree.checked()).isGreaterThan(40);
            assertThat(reconciler.fiscalYear(2026).agrees()).isTrue();
        }
    }

    @Test
    @Order(7)
    void the_verifier_accepts_every_block_and_names_the_block_whose_byte_was_flipped() throws Exception {
        NetworkDefinition definition = NetworkDefinition.load(ledger.dir().networkFile());
        EndorsementPolicy policy = EndorsementPolicy.parse(definition.endorsementPolicy());
        List<Block> blocks = new ArrayList<>();
        try (BlockSource.Stream stream = auditor.blocks().blocks(0)) {
            while (blocks.size() <= lastBlock) {
                blocks.add(stream.next());
            }
        }
        try (BlockVerifier verifier = BlockVerifier.newInstance().endorsementPolicy(policy).genesis(blocks.get(0))
                .build()) {
            verifier.verifyAll(blocks.subList(1, blocks.size()).iterator(), b -> { });
            assertThat(verifier.report().transactions()).isGreaterThanOrEqualTo(25);
            assertThat(verifier.report().invalid()).isEqualTo(verifier.report().transactions()
                    - verifier.report().valid());
        }

        Block original = blocks.get((int) transferBlock);
        byte[] data = original.getData().getData(0).toByteArray();
        data[data.length / 2] ^= 0x01;
        Block tampered = original.toBuilder().setData(original.getData().toBuilder()
                .setData(0, com.google.protobuf.ByteString.copyFrom(data))).build();
        List<Block> copy = new ArrayList<>(blocks.subList(1, (int) transferBlock));
        copy.add(tampered);
        try (BlockVerifier verifier = BlockVerifier.newInstance().endorsementPolicy(policy).genesis(blocks.get(0))
                .build()) {
            VerificationException e = catchThrowableOfType(VerificationException.class,
                    () -> verifier.verifyAll(copy.iterator(), b -> { }));
            assertThat(e).as("a flipped byte in block %d", transferBlock).isNotNull();
            assertThat(e.blockNumber()).isEqualTo(transferBlock);
            assertThat(e.getMessage()).contains("block " + transferBlock);
        }
    }

    @Test
    @Order(8)
    void the_cli_submits_shows_traces_and_verifies_with_the_same_commands() throws Exception {
        Cli cli = new Cli(ledger.cliOptions().toArray(String[]::new));
        Cli.Run transfer = cli.run("transfer", "--as", "HEALTH", "--id", "T-CLI", "--from", "D", "--to",
                "HEALTH-HOSP", "--amount", "10.00", "--purpose", "Grant from the command line");
        assertThat(transfer.exit()).as("%s", transfer).isZero();
        Matcher block = Pattern.compile("in block (\\d+)").matcher(transfer.out());
        assertThat(block.find()).as(transfer.out()).isTrue();
        lastBlock = Math.max(lastBlock, Long.parseLong(block.group(1)));

        Cli.Run refused = cli.run("spend", "--as", "HEALTH-HOSP", "--id", "E-CLI", "--allocation", "T-CLI-A",
                "--amount", "10.01", "--payee", "Too Much Ltd", "--category", "2.2.1", "--date", "2026-05-01",
                "--evidence-sha256", SHA, "--evidence-uri", "https://example.org/x.pdf");
        assertThat(refused.exit()).as("%s", refused).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err() + refused.out()).contains("INSUFFICIENT_FUNDS");

        eventually(() -> {
            Cli.Run show = cli.run("show", "T-CLI", "--from-ledger", "--json");
            assertThat(show.exit()).as("%s", show).isZero();
            assertThat(show.out()).contains("\"T-CLI-A\"");
        });
        Cli.Run trace = cli.run("trace", "down", "D", "--from-ledger");
        assertThat(trace.exit()).as("%s", trace).isZero();
        Cli.Run verify = cli.run("verify", "--to", String.valueOf(lastBlock));
        assertThat(verify.exit()).as("%s", verify).isZero();
        assertThat(verify.out()).contains("verified blocks 0 to " + lastBlock);

        // With no read model, verify's default --to is the ledger's newest block, as the peer reports its height
        // (qscc GetChainInfo through the gateway). The CLI reads as the auditor, so ask the auditor's peer.
        long height = auditor.height();
        assertThat(height).isGreaterThan(lastBlock);
        String noReadModel = "jdbc:sqlite:" + temp.resolve("no-read-model.db");
        Cli.Run newest = cli.run("verify", "--read-model", noReadModel);
        assertThat(newest.exit()).as("%s", newest).isZero();
        assertThat(newest.out()).contains("verified blocks 0 to " + (height - 1) + ":");
        assertThat(auditor.height()).isEqualTo(height);
        assertThat(Files.exists(temp.resolve("no-read-model.db"))).isFalse();
    }

    @Test
    @Order(9)
    void the_public_api_serves_what_the_ledger_committed() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + ledger.apiPort() + "/api/v1/";
        eventually(() -> {
            java.net.http.HttpResponse<String> transfer = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "transfers/T-D")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(200);
            assertThat(transfer.body()).contains("\"blockNumber\":" + transferBlock).contains("\"600000.00\"");
            java.net.http.HttpResponse<String> expenditure = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "expenditures/E-1")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(expenditure.statusCode()).as(expenditure.body()).isEqualTo(200);
        });
        java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    @Order(10)
    void a_wrong_channel_or_chaincode_is_a_gateway_rejection_not_a_chaincode_refusal() throws Exception {
        ConnectionConfig right = ledger.connection("HealthMSP", "officer@health");
        List<Throwable> outcomes = new ArrayList<>();
        for (ConnectionConfig wrong : List.of(
                new ConnectionConfig(right.endpoint(), right.tlsRootCertificate(), right.hostOverride(), right.mspId(),
                        right.certificate(), right.privateKey(), "no-such-channel", right.chaincode()),
                new ConnectionConfig(right.endpoint(), right.tlsRootCertificate(), right.hostOverride(), right.mspId(),
                        right.certificate(), right.privateKey(), right.channel(), "no-such-chaincode"))) {
            try (FundtrailLedger client = FundtrailLedger.newInstance().config(wrong).maxAttempts(1).build()) {
                Throwable read = org.assertj.core.api.Assertions.catchThrowable(() -> client.allocation("D"));
                Throwable write = org.assertj.core.api.Assertions.catchThrowable(() -> client.submit(new TransferRequest(
                        "T-WRONG", "D", "HEALTH-HOSP", "WRONG", "1.00", "EUR", "Through the wrong channel", null)));
                outcomes.add(read);
                outcomes.add(write);
            }
        }
        assertThat(outcomes).allMatch(o -> o instanceof GatewayRejectedException);
        assertThat(catchThrowableOfType(RefusedException.class, () -> health.record("T-WRONG")).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    @Order(11)
    void an_unreachable_ledger_is_reported_as_unavailable() throws Exception {
        ConnectionConfig nowhere = ledger.connection("HealthMSP", "officer@health").withEndpoint("127.0.0.1:1");
        try (FundtrailLedger client = FundtrailLedger.newInstance().config(nowhere).maxAttempts(1).build()) {
            LedgerUnavailableException e = catchThrowableOfType(LedgerUnavailableException.class,
                    () -> client.allocation("D"));
            assertThat(e.getMessage()).contains("UNAVAILABLE");
        }
        assertThat(Files.exists(ledger.dir().networkFile())).isTrue();
    }
}

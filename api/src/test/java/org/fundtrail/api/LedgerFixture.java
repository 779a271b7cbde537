package org.fundtrail.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.OutcomeRequest;
import org.fundtrail.client.ReturnRequest;
import org.fundtrail.client.ReversalRequest;
import org.fundtrail.client.TransferRequest;
import org.fundtrail.client.readmodel.Projector;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.network.node.EmbeddedNode;

/**
 * A real embedded node with a realistic small budget submitted through the real client, projected
 * into a real SQLite read model. Built once per test JVM (start-up and submission take seconds) and
 * shared by the test classes; closed at JVM exit.
 *
 * <p>The budget: 7 organisations; appropriations A-H-2026 (health, 07.3), A-E-2026 (education,
 * 09.1), A-H-2025 (health, 07.4); department allocations D-H, D-E, D-H25; 20 hospital allocations
 * G-00..G-19 and one public-health allocation G-PH; 15 expenditures on each hospital allocation
 * (300: E-00-00..E-19-14), outcomes O-1 and O-2, a return R-1 (5.00 from G-03 back to D-H), a
 * reversal V-1 of expenditure E-00-00 (100.00) and a reversal V-2 of transfer T-S (7000.00, D-E to G-S).
 */
final class LedgerFixture {
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final int HOSPITAL_ALLOCATIONS = 20;
    static final int EXPENDITURES_EACH = 15;
    static final String[] PAYEES = {"MedSupply Ltd", "Clean & Co, \"Hygiene\"", "Ünïcödé Suppliers GmbH",
        "Line\nBreak Services"};

    private static LedgerFixture instance;

    final Path dir;
    final EmbeddedNode node;
    final ReadModel readModel;

    private LedgerFixture(Path dir) throws Exception {
        this.dir = dir;
        node = EmbeddedNode.newInstance().dataDirectory(dir.resolve("node")).port(0).blockCutting(100, 5).build();
        long t0 = System.nanoTime();
        Path cache = Path.of("target", "test-crypto");
        if (Files.isDirectory(cache)) {
            copy(cache, dir.resolve("node").resolve("crypto"));
        }
        node.start();
        if (!Files.isDirectory(cache)) {
            copy(dir.resolve("node").resolve("crypto"), cache);
        }
        System.err.printf("fixture: node started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        submitBudget();
        t0 = System.nanoTime();
        readModel = ReadModel.open("jdbc:sqlite:" + dir.resolve("readmodel.db"));
        try (FundtrailLedger reader = open("FinanceMSP", "auditor");
             Projector projector = Projector.newInstance().readModel(readModel).source(reader.blocks()).build()) {
            while (readModel.height() < node.height()) {
                projector.runOnce(node.height() - readModel.height());
            }
            System.err.printf("fixture: projected %d blocks in %d ms%n", readModel.height(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Copies a folder tree (the generated crypto material, reused between runs: generating it takes seconds). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** @return a started API server on the fixture's read model: random port, no rate limit, no access log */
    static ApiServer startServer() throws Exception {
        ApiServer server = ApiServer.newInstance().readModel(get().readModel).port(0)
                .rateLimit(0, java.time.Duration.ofMinutes(1)).accessLog(false).build();
        server.start();
        return server;
    }

    static synchronized LedgerFixture get() throws Exception {
        if (instance == null) {
            Path dir = Files.createTempDirectory("fundtrail-api-test");
            instance = new LedgerFixture(dir);
            LedgerFixture fixture = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                fixture.readModel.close();
                fixture.node.close();
            }));
        }
        return instance;
    }

    FundtrailLedger open(String mspId, String user) throws IOException {
        Path msp = node.crypto().userMspDir(mspId, user);
        Path cert;
        try (Stream<Path> certs = Files.list(msp.resolve("signcerts"))) {
            cert = certs.findFirst().orElseThrow();
        }
        ConnectionConfig config = new ConnectionConfig("127.0.0.1:" + node.port(), null, null, mspId, cert,
                msp.resolve("keystore").resolve("priv_sk"), node.network().channel(), node.network().chaincode());
        return FundtrailLedger.newInstance().config(config).build();
    }

    static String expenditureId(int allocation, int n) {
        return String.format("E-%02d-%02d", allocation, n);
    }

    private void submitBudget() throws Exception {
        long t0 = System.nanoTime();
        try (FundtrailLedger admin = open("FinanceMSP", "Admin");
             FundtrailLedger ministry = open("FinanceMSP", "officer@mof");
             FundtrailLedger health = open("HealthMSP", "officer@health");
             FundtrailLedger edu = open("EducationMSP", "officer@edu");
             FundtrailLedger hospitals = open("HealthMSP", "officer@health-hosp")) {
            admin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP",
                    "XM-FT-MOF"));
            admin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF", "HealthMSP",
                    "XM-FT-HEALTH"));
            admin.submit(new OrganizationRequest("HEALTH-HOSP", "National Hospitals Agency", Tier.AGENCY, "HEALTH",
                    "HealthMSP", null));
            admin.submit(new OrganizationRequest("HEALTH-PH", "Public Health Institute", Tier.AGENCY, "HEALTH",
                    "HealthMSP", null));
            admin.submit(new OrganizationRequest("EDU", "Ministry of Education", Tier.DEPARTMENT, "MOF",
                    "EducationMSP", null));
            admin.submit(new OrganizationRequest("EDU-SCHOOLS", "Schools Agency", Tier.AGENCY, "EDU", "EducationMSP",
                    null));
            admin.submit(new OrganizationRequest("AUDIT", "National Audit Office", Tier.AUDITOR, null, "AuditMSP",
                    null));
            ministry.submit(new AppropriationRequest("A-H-2026", 2026, "1000000.00", "EUR",
                    new Classification("07.3", "P-HOSP", null), "Hospital services", "Budget Law 2026 art. 7"));
            ministry.submit(new AppropriationRequest("A-E-2026", 2026, "500000.00", "EUR",
                    new Classification("09.1", "P-SCHOOLS", null), "Primary schools", "Budget Law 2026 art. 9"));
            ministry.submit(new AppropriationRequest("A-H-2025", 2025, "200000.00", "EUR",
                    new Classification("07.4", "P-PH", null), "Public health campaigns", null));
            ministry.submit(new TransferRequest("T-H", "A-H-2026", "HEALTH", "D-H", "800000.00", "EUR",
                    "Hospital grant 2026", null));
            ministry.submit(new TransferRequest("T-E", "A-E-2026", "EDU", "D-E", "300000.00", "EUR",
                    "School grant 2026", null));
            ministry.submit(new TransferRequest("T-H25", "A-H-2025", "HEALTH", "D-H25", "100000.00", "EUR",
                    "Campaign grant 2025", null));
            for (int g = 0; g < HOSPITAL_ALLOCATIONS; g++) {
                health.submit(new TransferRequest(String.format("T-G-%02d", g), "D-H", "HEALTH-HOSP",
                        String.format("G-%02d", g), (10000 + g) + ".00", "EUR", "Hospital " + g + " operations",
                        "PO-" + g));
            }
            health.submit(new TransferRequest("T-PH", "D-H25", "HEALTH-PH", "G-PH", "5000.00", "EUR",
                    "Vaccination campaign", null));
            edu.submit(new TransferRequest("T-S", "D-E", "EDU-SCHOOLS", "G-S", "7000.00", "EUR", "School meals",
                    null));
            System.err.printf("fixture: sequential part %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            ExecutorService pool = Executors.newFixedThreadPool(HOSPITAL_ALLOCATIONS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int g = 0; g < HOSPITAL_ALLOCATIONS; g++) {
                    int allocation = g;
                    done.add(pool.submit(() -> {
                        for (int n = 0; n < EXPENDITURES_EACH; n++) {
                            String amount = (100 + allocation * 10 + n) + "." + String.format("%02d", n);
                            String date = String.format("2026-%02d-%02d", 1 + n % 12, 1 + allocation);
                            hospitals.submit(new ExpenditureRequest(expenditureId(allocation, n),
                                    String.format("G-%02d", allocation), amount, "EUR",
                                    new Payee(PAYEES[(allocation + n) % PAYEES.length], "PAYEE-" + (n % 5)),
                                    "2.2." + (1 + n % 3), date, new Evidence(SHA, "https://example.org/inv/"
                                    + allocation + "/" + n + ".pdf")));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            System.err.printf("fixture: expenditures done at %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            hospitals.submit(new OutcomeRequest("O-1", List.of("G-00"), "Patients treated", "patients", "1000",
                    "1200", "1300", "2026", new Evidence(SHA, "https://example.org/o1.pdf")));
            hospitals.submit(new OutcomeRequest("O-2", List.of("G-01", "G-02"), "Waiting time", "days", "30", "20",
                    "25", "2026", new Evidence(SHA, "https://example.org/o2.pdf")));
            hospitals.submit(new ReturnRequest("R-1", "G-03", "5.00", "EUR", ReasonCode.UNSPENT, "Left over"));
            hospitals.submit(new ReversalRequest("V-1", expenditureId(0, 0), ReasonCode.DATA_ENTRY_ERROR,
                    "Entered twice"));
            edu.submit(new ReversalRequest("V-2", "T-S", ReasonCode.DATA_ENTRY_ERROR, "Wrong agency"));
        }
    }
}

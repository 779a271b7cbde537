package org.fundtrail.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.TransferRequest;
import org.fundtrail.client.readmodel.Projector;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.network.node.EmbeddedNode;

/**
 * The server side of {@code api/bench/run.sh} (not a test): builds, once, a ledger on a real
 * embedded node whose appropriation A-BENCH has a subtree of 10,100 allocations (100 department
 * allocations D-000..D-099 with 100 agency allocations each, G-000-000..G-099-099), projects it
 * into a SQLite read model, starts the API without rate limit or access log (on API_PORT with its
 * response cache, on API_PORT + 2 without), and writes the exact
 * response bodies of the benchmarked URLs into a folder for nginx to serve as static files.
 *
 * <p>Usage: {@code ApiBenchmark DATA_DIR API_PORT STATIC_DIR}; runs until killed.
 */
public final class ApiBenchmark {
    static final int DEPARTMENTS = 100;
    static final int AGENCIES_EACH = 100;
    /** The benchmarked URLs and the static file names nginx serves their bytes under. */
    static final List<String[]> URLS = List.of(
            new String[] {"/api/v1/allocations/G-042-042", "record.json"},
            new String[] {"/api/v1/allocations?org=HEALTH-HOSP&minAmount=100.00&parent=D-042&limit=100", "list.json"},
            new String[] {"/api/v1/trace/A-BENCH?direction=down&depth=2", "trace.json"});

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path staticDir = Path.of(args[2]);
        EmbeddedNode node = EmbeddedNode.newInstance().dataDirectory(data.resolve("node")).port(0).build();
        node.start();
        ReadModel readModel = ReadModel.open("jdbc:sqlite:" + data.resolve("readmodel.db"));
        if (readModel.height() < 2) {
            long t0 = System.nanoTime();
            submit(node);
            System.err.printf("bench: submitted in %d s%n", (System.nanoTime() - t0) / 1_000_000_000);
        }
        try (FundtrailLedger reader = open(node, "FinanceMSP", "auditor");
             Projector projector = Projector.newInstance().readModel(readModel).source(reader.blocks()).build()) {
            while (readModel.height() < node.height()) {
                projector.runOnce(node.height() - readModel.height());
            }
        }
        System.err.printf("bench: read model at height %d%n", readModel.height());
        ApiServer server = ApiServer.newInstance().readModel(readModel).host("127.0.0.1").port(port)
                .rateLimit(0, Duration.ofMinutes(1)).accessLog(false).build();
        server.start();
        ApiServer uncached = ApiServer.newInstance().readModel(readModel).host("127.0.0.1").port(port + 2)
                .rateLimit(0, Duration.ofMinutes(1)).accessLog(false).responseCache(0).build();
        uncached.start();
        Files.createDirectories(staticDir);
        HttpClient client = HttpClient.newHttpClient();
        for (String[] url : URLS) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + url[0])).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url[0] + " -> " + r.statusCode() + " " + new String(r.body()));
            }
            Files.write(staticDir.resolve(url[1]), r.body());
            System.err.printf("bench: %s = %d bytes%n", url[0], r.body().length);
        }
        System.err.println("bench: ready");
        Thread.currentThread().join();
    }

    private static FundtrailLedger open(EmbeddedNode node, String mspId, String user) throws IOException {
        Path msp = node.crypto().userMspDir(mspId, user);
        Path cert;
        try (Stream<Path> certs = Files.list(msp.resolve("signcerts"))) {
            cert = certs.findFirst().orElseThrow();
        }
        return FundtrailLedger.newInstance().config(new ConnectionConfig("127.0.0.1:" + node.port(), null, null,
                mspId, cert, msp.resolve("keystore").resolve("priv_sk"), node.network().channel(),
                node.network().chaincode())).build();
    }

    private static void submit(EmbeddedNode node) throws Exception {
        try (FundtrailLedger admin = open(node, "FinanceMSP", "Admin");
             FundtrailLedger ministry = open(node, "FinanceMSP", "officer@mof");
             FundtrailLedger health = open(node, "HealthMSP", "officer@health")) {
            admin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP",
                    null));
            admin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF",
                    "HealthMSP", null));
            admin.submit(new OrganizationRequest("HEALTH-HOSP", "National Hospitals Agency", Tier.AGENCY, "HEALTH",
                    "HealthMSP", null));
            ministry.submit(new AppropriationRequest("A-BENCH", 2026, "100000000.00", "EUR",
                    new Classification("07.3", "P-HOSP", null), "Hospital services", null));
            for (int d = 0; d < DEPARTMENTS; d++) {
                ministry.submit(new TransferRequest(String.format("T-%03d", d), "A-BENCH", "HEALTH",
                        String.format("D-%03d", d), "1000000.00", "EUR", "Regional hospitals " + d, null));
            }
            ExecutorService pool = Executors.newFixedThreadPool(50);
            List<Future<?>> done = new ArrayList<>();
            for (int d = 0; d < DEPARTMENTS; d++) {
                int dept = d;
                done.add(pool.submit(() -> {
                    for (int g = 0; g < AGENCIES_EACH; g++) {
                        health.submit(new TransferRequest(String.format("T-%03d-%03d", dept, g),
                                String.format("D-%03d", dept), "HEALTH-HOSP", String.format("G-%03d-%03d", dept, g),
                                (100 + g) + ".00", "EUR", "Hospital " + dept + "/" + g + " operations", null));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
    }
}

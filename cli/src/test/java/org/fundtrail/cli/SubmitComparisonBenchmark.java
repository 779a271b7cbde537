package org.fundtrail.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.TransferRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The submit benchmark on both ledgers in one run: the same typed client ({@link FundtrailLedger}
 * over the Fabric Gateway, TCP on loopback), the same {@code spending} chaincode, the same machine.
 * Each of N workers records expenditures, one at a time, against its own allocation (no MVCC
 * conflicts), so N is the number of transactions in flight. Prints a Markdown table for
 * {@code docs/BENCHMARKS.md}. Run with {@code cli/bench/fabric-vs-embedded.sh}; never part of the
 * test suite.
 */
@EnabledIfSystemProperty(named = "fundtrail.bench", matches = "true")
class SubmitComparisonBenchmark {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final int SECONDS = Integer.getInteger("fundtrail.bench.seconds", 20);
    private static final int WARMUP = Integer.getInteger("fundtrail.bench.warmup", 5);
    private static final int[] LEVELS = Arrays.stream(System.getProperty("fundtrail.bench.levels", "1,16,64")
            .split(",")).mapToInt(Integer::parseInt).toArray();

    private static final List<String> CPU_NOTES = new ArrayList<>();

    /** One level's figures. */
    private record Result(String ledger, int inFlight, double rate, double p50, double p99, int failed) {
    }

    @Test
    void submit_rate_and_latency_on_fabric_and_embedded(@TempDir Path temp) throws Exception {
        List<Result> results = new ArrayList<>();
        Path fabricDir = Path.of("target", "fabric-bench-" + ProcessHandle.current().pid()).toAbsolutePath();
        try (TestLedger fabric = FabricTestLedger.start(fabricDir, 1)) {
            results.addAll(measure(fabric));
        }
        try (TestLedger embedded = new EmbeddedTestLedger(temp.resolve("embedded"))) {
            results.addAll(measure(embedded));
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n# Submit benchmark, Fabric 2.5 vs embedded, %s UTC, %d cores, %d s per level%n%n",
                LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES), Runtime.getRuntime()
                        .availableProcessors(), SECONDS));
        table.append("| ledger | in flight | committed tx/s | p50 ms | p99 ms | failed | embedded ÷ fabric |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            Result fabricRow = results.stream().filter(f -> f.ledger().equals("fabric") && f.inFlight() == r.inFlight())
                    .findFirst().orElseThrow();
            table.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %d | %s |%n", r.ledger(), r.inFlight(), r.rate(),
                    r.p50(), r.p99(), r.failed(), r.ledger().equals("fabric") ? "" : String.format("%.1f×",
                            r.rate() / fabricRow.rate())));
        }
        table.append('\n');
        CPU_NOTES.forEach(note -> table.append("- ").append(note).append('\n'));
        System.out.println(table);
        Files.writeString(Path.of("target", "submit-comparison.md"), table.toString());
    }

    private static List<Result> measure(TestLedger ledger) throws Exception {
        int workers = Arrays.stream(LEVELS).max().orElse(1);
        try (FundtrailLedger admin = ledger.open("FinanceMSP", "Admin");
             FundtrailLedger ministry = ledger.open("FinanceMSP", "officer@mof");
             FundtrailLedger health = ledger.open("HealthMSP", "officer@health")) {
            admin.submit(new OrganizationRequest("MOF", "Ministry of Finance", Tier.MINISTRY, null, "FinanceMSP", null));
            admin.submit(new OrganizationRequest("HEALTH", "Ministry of Health", Tier.DEPARTMENT, "MOF", "HealthMSP",
                    null));
            ExecutorService setup = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String id = "W-" + w;
                done.add(setup.submit(() -> {
                    ministry.submit(new AppropriationRequest(id, 2026, "1000000000.00", "EUR",
                            new Classification("07.3", "P-HOSP", null), "Benchmark line " + id, null));
                    return ministry.submit(new TransferRequest(id + "-T", id, "HEALTH", id + "-H", "1000000000.00",
                            "EUR", "Benchmark grant", null));
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            setup.shutdown();
            List<Result> results = new ArrayList<>();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int level : LEVELS) {
                run(health, level, WARMUP, ledger.name() + "-warm-" + level);
                java.util.Map<String, Long> before = ledger instanceof FabricTestLedger f ? f.cpuMillis() : java.util.Map.of();
                long jvmBefore = os.getProcessCpuTime();
                Result r = run(health, level, SECONDS, ledger.name());
                results.add(r);
                long committed = Math.round(r.rate() * SECONDS);
                StringBuilder cpu = new StringBuilder(String.format("%s at %d in flight, CPU ms per committed transaction:"
                        + " this JVM (client%s) %.1f", ledger.name(), level, ledger instanceof FabricTestLedger ? ""
                        : " + embedded node", (os.getProcessCpuTime() - jvmBefore) / 1e6 / committed));
                if (ledger instanceof FabricTestLedger f) {
                    java.util.Map<String, Long> after = f.cpuMillis();
                    long total = 0;
                    for (var e : after.entrySet()) {
                        long used = e.getValue() - before.getOrDefault(e.getKey(), e.getValue());
                        total += used;
                        cpu.append(String.format(", %s %.1f", e.getKey(), (double) used / committed));
                    }
                    cpu.append(String.format("; Fabric processes in all %.1f", (double) total / committed));
                }
                CPU_NOTES.add(cpu.toString());
            }
            return results;
        }
    }

    private static Result run(FundtrailLedger client, int inFlight, int seconds, String label) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger failed = new AtomicInteger();
        AtomicLong sequence = new AtomicLong();
        long[][] latencies = new long[inFlight][];
        int[] counts = new int[inFlight];
        CountDownLatch finished = new CountDownLatch(inFlight);
        long start = System.nanoTime();
        for (int w = 0; w < inFlight; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String id = "E-" + label + "-" + inFlight + "-" + sequence.incrementAndGet();
                    long t0 = System.nanoTime();
                    try {
                        client.submit(new ExpenditureRequest(id, "W-" + worker + "-H", "1.00", "EUR",
                                new Payee("Supplier", null), "2.2.1", "2026-06-01",
                                new Evidence(SHA, "https://example.org/" + id)));
                        if (n < mine.length) {
                            mine[n++] = System.nanoTime() - t0;
                        }
                    } catch (LedgerException e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println(label + " at " + inFlight + " in flight, first failure: " + e);
                        }
                    }
                }
                latencies[worker] = mine;
                counts[worker] = n;
                finished.countDown();
            });
            t.start();
        }
        finished.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < inFlight; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        double p50 = total == 0 ? 0 : all[total / 2] / 1e6;
        double p99 = total == 0 ? 0 : all[Math.min(total - 1, (int) (total * 0.99))] / 1e6;
        return new Result(label, inFlight, total / elapsed, p50, p99, failed.get());
    }
}

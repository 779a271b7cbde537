package org.fundtrail.client.readmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.Tracer;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Measures the read model: projection of a generated national budget (records/s, database size)
 * and trace down from an appropriation with 100,000 descendants (p50). The budget is made by the
 * chaincode's own Treasury, so every event is what the contract emits. Not a test: run it by hand
 * (see docs/BENCHMARKS.md):
 *
 * <pre>{@code
 * java -Xmx8g -cp <test classpath> org.fundtrail.client.readmodel.ReadModelBenchmark 1000000 /tmp/rm-bench
 * }</pre>
 */
public final class ReadModelBenchmark {
    private ReadModelBenchmark() {
    }

    /**
     * @param args [records (default 1,000,000)] [work directory (default a temp dir)] [trace runs (default 21)]
     * @throws Exception when anything fails
     */
    public static void main(String[] args) throws Exception {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("rm-bench");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        Files.createDirectories(dir);

        Path blockFile = dir.resolve("blocks-" + target + ".bin");
        if (!Files.exists(blockFile)) {
            generate(target, blockFile, runs);
        }

        Path db = dir.resolve("readmodel-" + System.currentTimeMillis() + ".db");
        String url = "jdbc:sqlite:" + db;
        try (ReadModel rm = ReadModel.open(url)) {
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long p0 = System.nanoTime();
            try (Projector p = Projector.newInstance().readModel(rm).source(new FileBlocks(blockFile)).build()) {
                p.runOnce(Long.MAX_VALUE);
            }
            double seconds = (System.nanoTime() - p0) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
            long records = countRecords(rm);
            long bytes = size(db) + size(Path.of(db + "-wal"));
            System.out.printf("projection: %,d records (%,d blocks) in %.2f s = %,.0f records/s; process CPU %.1f s"
                    + " = %,.0f records per CPU-second; database %,.1f MB; load %.1f%n", records, rm.height(), seconds,
                    records / seconds, cpuSeconds, records / cpuSeconds, bytes / 1e6,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            time("trace down APP-BIG (read model, all levels)", runs, () -> rm.traceDown("APP-BIG", 10).orElseThrow());
            time("trace down APP-BIG-D7 (read model, all levels)", runs,
                    () -> rm.traceDown("APP-BIG-D7", 10).orElseThrow());
            time("trace down APP-MID (read model, all levels)", runs, () -> rm.traceDown("APP-MID", 10).orElseThrow());
            time("trace up one agency allocation (read model)", runs,
                    () -> rm.traceUp("APP-BIG-D7-G7").orElseThrow());
        }
    }

    private static long countRecords(ReadModel rm) throws Exception {
        long records = 0;
        for (long b = 0; b < rm.height(); b++) {
            for (LedgerTransaction tx : rm.transactions(b)) {
                records += tx.recordCount();
            }
        }
        return records;
    }

    private static void generate(int target, Path blockFile, int runs) throws Exception {
        long t0 = System.nanoTime();
        Budget budget = national(target);
        List<Block> blocks = budget.blocks(new Random(1), 400);
        System.out.printf("generated %,d records in %,d transactions, %,d blocks, in %.1f s%n", budget.records,
                budget.txs.size(), blocks.size(), (System.nanoTime() - t0) / 1e9);
        Path tmp = Path.of(blockFile + ".tmp");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            for (Block block : blocks) {
                block.writeDelimitedTo(out);
            }
        }
        Files.move(tmp, blockFile);
        Tracer tracer = new Tracer(budget.state.view());
        time("trace down APP-MID (chaincode Tracer over in-memory state, no Fabric)", runs,
                () -> tracer.down("APP-MID", Tracer.MAX_NODES));
    }

    interface Trace {
        Object run() throws Exception;
    }

    private static void time(String name, int runs, Trace trace) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            trace.run();
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        Object last = null;
        for (int i = 0; i < runs; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            last = trace.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        String nodes = last instanceof TraceDown down ? String.format("%,d nodes, ", down.nodes()) : "";
        System.out.printf("%s: %swall p50 %.2f ms (p90 %.2f, min %.2f), thread CPU p50 %.2f ms, %d runs, load %.1f%n",
                name, nodes, ms[runs / 2], ms[(int) (runs * 0.9)], ms[0], cpu[runs / 2], runs,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long size(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    /**
     * APP-BIG: 300 department allocations × 333 agency allocations (100,200 descendants); APP-MID:
     * 30 × 330 (9,930 nodes, within the chaincode's 10,000-node bound); then expenditures spread over
     * the agency allocations until about {@code target} records.
     */
    static Budget national(int target) {
        Budget b = Budget.withOrganizations();
        List<String> agencies = new ArrayList<>();
        tree(b, "APP-BIG", 300, 333, agencies);
        tree(b, "APP-MID", 30, 330, agencies);
        Random r = new Random(3);
        String[] payees = {"Acme Medical", "Clinica São Paulo", "Bauer GmbH", "Ōsaka Supplies", "Nordic Beds"};
        int e = 0;
        while (b.records < target) {
            String allocation = agencies.get(e % agencies.size());
            String org = "HOSP";
            b.submit("RecordExpenditure", Budget.officer(org), Budget.expenditure("E-" + e, allocation,
                    "1." + (10 + r.nextInt(90)), payees[r.nextInt(payees.length)], "2026-0" + (1 + r.nextInt(9))
                    + "-1" + r.nextInt(10)));
            e++;
        }
        return b;
    }

    private static void tree(Budget b, String app, int departments, int agencies, List<String> leaves) {
        b.submit("Appropriate", Budget.officer("MOF"), Budget.appropriation(app, "100000000.00", "07.3"));
        for (int d = 0; d < departments; d++) {
            String da = app + "-D" + d;
            b.submit("Transfer", Budget.officer("MOF"), Budget.transfer("T-" + da, app, "HEALTH", da, "333000.00"));
            for (int g = 0; g < agencies; g++) {
                String ga = da + "-G" + g;
                b.submit("Transfer", Budget.officer("HEALTH"), Budget.transfer("T-" + ga, da, "HOSP", ga, "1000.00"));
                leaves.add(ga);
            }
        }
    }
}

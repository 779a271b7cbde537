package org.fundtrail.client.verify;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification throughput against the machine's raw ECDSA P-256 verification rate (Bouncy Castle).
 * Not part of the test suite; run it with
 * {@code mvn -o -q -pl ledger-client test -Dtest=VerificationBenchmark -Dfundtrail.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (optional: {@code -Dfundtrail.bench.transactions=3000},
 * {@code -Dfundtrail.bench.rounds=7}, {@code -Dfundtrail.bench.blocks=FILE} to save the ledger there, or
 * reuse it when the file exists).
 * It prints a Markdown section for {@code docs/BENCHMARKS.md}. No timing is asserted.
 */
@EnabledIfSystemProperty(named = "fundtrail.bench", matches = "true")
class VerificationBenchmark {
    @TempDir
    Path dir;

    @Test
    void transactions_verified_per_second_against_raw_ecdsa() throws Exception {
        int target = Integer.getInteger("fundtrail.bench.transactions", 3000);
        List<Block> blocks;
        String policy;
        long build = System.nanoTime();
        String saved = System.getProperty("fundtrail.bench.blocks");
        if (saved != null && java.nio.file.Files.exists(Path.of(saved))) {
            blocks = new ArrayList<>();
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(Path.of(saved))) {
                for (Block b = Block.parseDelimitedFrom(in); b != null; b = Block.parseDelimitedFrom(in)) {
                    blocks.add(b);
                }
            }
            policy = "AND('FinanceMSP.peer','AuditMSP.peer')";
        } else {
            try (VerifyLedger ledger = new VerifyLedger(dir.resolve("node"), 500)) {
                ledger.contract("FinanceMSP", "Admin").submitTransaction("RegisterOrganization",
                        "{\"id\":\"MOF\",\"name\":\"Ministry of Finance\",\"tier\":\"MINISTRY\",\"mspId\":\"FinanceMSP\"}");
                Contract mof = ledger.contract("FinanceMSP", "officer@mof");
                fill(mof, target - 1);
                blocks = ledger.blocks();
                policy = ledger.node.network().endorsementPolicy();
            }
            if (saved != null) {
                try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(Path.of(saved))) {
                    for (Block b : blocks) {
                        b.writeDelimitedTo(out);
                    }
                }
            }
        }
        double buildSeconds = (System.nanoTime() - build) / 1e9;
        // The node is stopped. Measure raw and verifier rates alternately, best of each: wall-clock rates
        // suffer from whatever else runs on the machine, CPU time per signature much less.
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Rate> raw1s = new ArrayList<>();
        List<Rate> raw2s = new ArrayList<>();
        List<Rate> ones = new ArrayList<>();
        List<Rate> twos = new ArrayList<>();
        int rounds = Integer.getInteger("fundtrail.bench.rounds", 7);
        verify(blocks, policy, 2); // warm up
        for (int r = 0; r < rounds; r++) {
            raw1s.add(rawVerifyRate(1));
            raw2s.add(rawVerifyRate(2));
            ones.add(verify(blocks, policy, 1));
            twos.add(verify(blocks, policy, 2));
        }
        Rate raw1 = Rate.median(raw1s);
        Rate raw2 = Rate.median(raw2s);
        Rate one = Rate.median(ones);
        Rate two = Rate.median(twos);
        long txs = blocks.stream().mapToLong(b -> b.getData().getDataCount()).sum() - 1;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "%n### Verification — %s%n%n", LocalDate.now()));
        md.append(String.format(Locale.ROOT, "Machine: %d cores (`nproc`), %s (`lscpu`); load average before"
                + " measuring %.1f, after %.1f. Ledger: %d blocks, %d transactions of the real contract written by"
                + " the embedded node (block cutting 500 tx / 5 ms, 32 submitters), policy `%s`: 3 signatures per"
                + " transaction (creator + 2 endorsers) + 1 orderer signature per block. Medians of %d alternating"
                + " rounds, node stopped; the verifier with a pool checks the next blocks' signatures while it"
                + " finishes one (verifyAll). CPU time is the JVM's process CPU time (verifier: all its threads, GC and"
                + " JIT included) or the verifying threads' CPU time (raw).%n%n", cores, cpuModel(), load,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                blocks.size(), txs, policy, rounds));
        md.append("| measure | transactions/s (wall) | signatures/s (wall) | signatures per CPU-second |\n");
        md.append("|---|---|---|---|\n");
        md.append(raw1.row("raw BC ECDSA P-256 verify, 1 thread (DER decode + SHA-256 of 512 B + verify)"));
        md.append(raw2.row("raw BC ECDSA P-256 verify, 2 threads"));
        md.append(one.row("verifier, 1 thread"));
        md.append(two.row("verifier, 2 threads (pool of 2)"));
        md.append(String.format(Locale.ROOT, "%n- what both cores can verify: 2 x %,.0f = **%,.0f signatures/s**"
                + " (%,.0f transactions/s at 3 signatures each)%n", raw1.sigPerCpuSecond(), 2 * raw1.sigPerCpuSecond(),
                2 * raw1.sigPerCpuSecond() / 3));
        md.append(String.format(Locale.ROOT, "- verifier, 2 threads, wall clock: %,.0f signatures/s = **%.0f %%** of"
                + " it (1-thread wall rate x 2: %.0f %%)%n", two.sigPerSecond(),
                100 * two.sigPerSecond() / (2 * raw1.sigPerCpuSecond()),
                100 * two.sigPerSecond() / (2 * raw1.sigPerSecond())));
        double[] paired = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            paired[r] = 100 * twos.get(r).sigPerSecond() / (2 * raw1s.get(r).sigPerCpuSecond());
        }
        double[] sortedPaired = paired.clone();
        Arrays.sort(sortedPaired);
        md.append(String.format(Locale.ROOT, "- the same ratio taken round by round (verifier and raw rate measured"
                + " seconds apart, so a machine that slows down slows both): median **%.0f %%**, rounds %s%n",
                Rate.median(sortedPaired), Arrays.stream(paired).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v))
                        .collect(java.util.stream.Collectors.joining(", "))));
        md.append(String.format(Locale.ROOT, "- verifier, 2 threads vs raw verification on 2 threads, both wall clock"
                + " in the same rounds: %.0f %%%n", 100 * two.sigPerSecond() / raw2.sigPerSecond()));
        md.append(String.format(Locale.ROOT, "- verifier CPU efficiency (signatures per CPU-second vs raw): 1 thread"
                + " **%.0f %%**, 2 threads **%.0f %%** — the share of both cores' capacity it reaches when it has"
                + " both cores to itself%n", 100 * one.sigPerCpuSecond() / raw1.sigPerCpuSecond(),
                100 * two.sigPerCpuSecond() / raw1.sigPerCpuSecond()));
        System.out.println("BENCHMARK-MARKDOWN-BEGIN" + md + "BENCHMARK-MARKDOWN-END");
    }

    /** A measured rate: wall-clock transactions and signatures per second, and signatures per CPU-second. */
    record Rate(double txPerSecond, double sigPerSecond, double sigPerCpuSecond) {
        /** Each figure's median over the rounds, taken separately. */
        static Rate median(List<Rate> rounds) {
            return new Rate(median(rounds, Rate::txPerSecond), median(rounds, Rate::sigPerSecond),
                    median(rounds, Rate::sigPerCpuSecond));
        }

        private static double median(List<Rate> rounds, java.util.function.ToDoubleFunction<Rate> figure) {
            return median(rounds.stream().mapToDouble(figure).sorted().toArray());
        }

        /** @return the median of sorted values */
        static double median(double[] sorted) {
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }

        String row(String what) {
            return String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f |%n", what,
                    Double.isNaN(txPerSecond) ? "-" : String.format(Locale.ROOT, "%,.0f", txPerSecond), sigPerSecond,
                    sigPerCpuSecond);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String row(String what, double value, String unit) {
        return String.format(Locale.ROOT, "| %s | %,.0f %s |%n", what, value, unit);
    }

    private static String cpuModel() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (java.io.IOException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }

    /** Appropriations with distinct ids, 32 submitters in parallel. */
    private static void fill(Contract mof, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 32; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    mof.submitTransaction("Appropriate", "{\"id\":\"B-" + i + "\",\"fiscalYear\":2026,"
                            + "\"amount\":\"1000.00\",\"currency\":\"EUR\",\"classification\":{\"cofog\":\"07.3\","
                            + "\"programme\":\"P-HOSP\",\"economic\":\"2.2\"},\"purpose\":\"Hospital services\","
                            + "\"legalReference\":\"Budget Law 2026 art. 7\"}");
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static Rate verify(List<Block> blocks, String policy, int threads) throws Exception {
        long start = System.nanoTime();
        long cpu = processCpuNanos();
        VerificationReport report;
        try (BlockVerifier v = BlockVerifier.newInstance().genesis(blocks.get(0))
                .endorsementPolicy(EndorsementPolicy.parse(policy)).threads(threads).build()) {
            v.verifyAll(blocks.subList(1, blocks.size()).iterator(), b -> { });
            report = v.report();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu) / 1e9;
        return new Rate((report.transactions() - 1) / seconds, report.signaturesChecked() / seconds,
                report.signaturesChecked() / cpuSeconds);
    }

    /** Signatures per second that {@code threads} threads verify, each over its own 512-byte messages. */
    private static Rate rawVerifyRate(int threads) throws Exception {
        java.security.KeyPairGenerator kpg = java.security.KeyPairGenerator.getInstance("EC");
        kpg.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = kpg.generateKeyPair();
        ECPublicKeyParameters key = Ecdsa.keyOf(pair.getPublic());
        java.math.BigInteger order = key.getParameters().getN();
        int n = 256;
        byte[][] messages = new byte[n][512];
        byte[][] signatures = new byte[n][];
        SecureRandom random = new SecureRandom();
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
        for (int i = 0; i < n; i++) {
            random.nextBytes(messages[i]);
            signer.initSign(pair.getPrivate());
            signer.update(messages[i]);
            org.bouncycastle.asn1.ASN1Sequence seq = org.bouncycastle.asn1.ASN1Sequence.getInstance(signer.sign());
            java.math.BigInteger r = org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            java.math.BigInteger sv = org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            if (sv.compareTo(order.shiftRight(1)) > 0) {
                sv = order.subtract(sv); // low-S, as Fabric requires
            }
            signatures[i] = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new org.bouncycastle.asn1.ASN1Integer(r), new org.bouncycastle.asn1.ASN1Integer(sv)}).getEncoded();
        }
        for (int i = 0; i < 500; i++) { // warm up
            Ecdsa.verify(key, messages[i % n], signatures[i % n]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long durationNanos = 1_500_000_000L;
        long start = System.nanoTime();
        List<Future<long[]>> counts = new ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                long cpu = mx.getCurrentThreadCpuTime();
                long done = 0;
                while (System.nanoTime() - start < durationNanos) {
                    if (!Ecdsa.verify(key, messages[(int) (done % n)], signatures[(int) (done % n)])) {
                        throw new IllegalStateException("a good signature failed");
                    }
                    done++;
                }
                return new long[] {done, mx.getCurrentThreadCpuTime() - cpu};
            }));
        }
        long total = 0;
        long cpuNanos = 0;
        for (Future<long[]> f : counts) {
            total += f.get()[0];
            cpuNanos += f.get()[1];
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Rate(Double.NaN, total / seconds, total / (cpuNanos / 1e9));
    }
}

package org.fundtrail.network.node.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.EmbeddedNode;
import org.fundtrail.network.node.msp.Signatures;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Committed transfers per second and submit→commit latency through the fabric-gateway client over
 * TCP, at several numbers of transactions in flight, plus the rate at which this machine can do the
 * signing and verification work one transaction needs. Run with {@code network-config/bench/submit-bench.sh}.
 *
 * <p>Options: {@code --seconds S} per level (15), {@code --warmup S} before each level (3),
 * {@code --jit-warmup S} of untimed load before the first transport's levels (60; 20 for the next),
 * {@code --transport inprocess,tcp} (both, in that order), {@code --levels 1,16,64},
 * {@code --prefill N} synthetic transactions written before the node starts (0), {@code --data DIR},
 * {@code --limit-seconds S} for the sign+verify measurement (5; 0 skips it).
 */
public final class SubmitBenchmark {
    private SubmitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 15;
        int warmup = 3;
        int jitWarmup = 60;
        int[] levels = {1, 16, 64};
        long prefill = 0;
        Path data = null;
        int limitSeconds = 3;
        List<String> transports = List.of("inprocess", "tcp");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--jit-warmup" -> jitWarmup = Integer.parseInt(args[i + 1]);
                case "--levels" -> levels = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--prefill" -> prefill = Long.parseLong(args[i + 1]);
                case "--data" -> data = Path.of(args[i + 1]);
                case "--limit-seconds" -> limitSeconds = Integer.parseInt(args[i + 1]);
                case "--transport" -> transports = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        for (String t : transports) {
            if (!t.equals("tcp") && !t.equals("inprocess")) {
                throw new IllegalArgumentException("--transport takes tcp, inprocess or both (comma-separated): " + t);
            }
        }
        if (data == null) {
            data = Files.createTempDirectory("fundtrail-bench");
        }
        NetworkDefinition def = NetworkDefinition.defaults();
        System.out.printf("# Fundtrail embedded node benchmark, %s%n", LocalDate.now());
        System.out.printf("cores: %d, max heap: %d MB, java %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        if (prefill > 0) {
            long t = System.nanoTime();
            LedgerFiller.fill(data, def, prefill);
            System.out.printf("prefilled %,d synthetic transactions in %.0f s%n", prefill, (System.nanoTime() - t) / 1e9);
        }
        try (EmbeddedNode node = EmbeddedNode.newInstance().dataDirectory(data).network(def).port(0)
                .blockCutting(500, 2).contractClasspath(contractPath()).build()) {
            long t = System.nanoTime();
            node.start();
            System.out.printf("node started in %.1f s at height %,d%n", (System.nanoTime() - t) / 1e9, node.height());
            NetworkCrypto crypto = node.crypto();
            SigningIdentity user = crypto.user("FinanceMSP", "officer@mof");
            List<String> rows = new ArrayList<>();
            List<Result> results = new ArrayList<>();
            boolean first = true;
            for (String transport : transports) {
                ManagedChannel channel = transport.equals("tcp")
                        ? NettyChannelBuilder.forAddress("127.0.0.1", node.port()).usePlaintext()
                                .maxInboundMessageSize(100 << 20).build()
                        : node.inProcessChannel();
                try (Gateway gateway = Gateway.newInstance().identity(new X509Identity(user.mspId(), user.certificate()))
                        .signer(Signers.newPrivateKeySigner(user.privateKey())).hash(Hash.SHA256).connection(channel)
                        .connect()) {
                    Contract contract = gateway.getNetwork(def.channel()).getContract(def.chaincode(), "probe");
                    // The JIT compiles the generated protobuf classes for a minute or more; measure after that.
                    int w = first ? jitWarmup : Math.min(jitWarmup, 20);
                    if (w > 0) {
                        System.out.printf("warming up over %s: 64 in flight for %d s (not measured)%n", transport, w);
                        run(contract, 64, w, 0);
                    }
                    first = false;
                    for (int level : levels) {
                        Result r = run(contract, level, warmup, seconds);
                        results.add(r);
                        rows.add(String.format("| %s | %d | %.0f | %.1f | %.1f |", transport.equals("tcp")
                                ? "loopback TCP" : "in-process", level, r.rate, r.p50, r.p99));
                    }
                } finally {
                    channel.shutdownNow();
                }
            }
            // Measured last, with every path compiled, so a JIT still at work cannot lower the limit.
            double limit = Double.NaN;
            double cpuPerSet = Double.NaN;
            for (int i = 0; i < 3 && limitSeconds > 0; i++) {
                double[] r = signVerifyRate(crypto, limitSeconds);
                limit = Double.isNaN(limit) ? r[0] : Math.max(limit, r[0]);
                cpuPerSet = Double.isNaN(cpuPerSet) ? r[1] : Math.min(cpuPerSet, r[1]);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("sign+verify work of one transaction (5 ECDSA P-256 signs + 5 verifies), all cores, best of 3,"
                    + " measured after the runs: %.0f tx/s (%.2f ms CPU per transaction, so %.0f tx/s on %d idle"
                    + " cores)%n", limit, cpuPerSet, cores * 1000 / cpuPerSet, cores);
            System.out.println();
            System.out.println("| gateway client over | in flight | committed tx/s | p50 ms | p99 ms | % of sign+verify limit"
                    + " | CPU ms/tx (node+client) | sign+verify share of CPU |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (int i = 0; i < rows.size(); i++) {
                Result r = results.get(i);
                System.out.printf("%s %.0f%% | %.2f | %.0f%% |%n", rows.get(i), 100 * r.rate / limit, r.cpuPerTx,
                        100 * cpuPerSet / r.cpuPerTx);
            }
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf("%nledger height %,d blocks; heap used after GC %d MB of %d MB max%n", node.height(), used,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** The classpath entries that hold contracts: test classes (probe), the chaincode, the shim. */
    private static String contractPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("test-classes") || entry.contains("fabric-chaincode-shim")
                    || entry.contains("fundtrail-chaincode") || entry.endsWith("chaincode/target/classes")) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    private record Result(double rate, double p50, double p99, double cpuPerTx) {
    }

    private static Result run(Contract contract, int inFlight, int warmupSeconds, int seconds) throws Exception {
        String prefix = "bench-" + inFlight + "-" + System.nanoTime();
        List<Thread> fund = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            String account = prefix + "-" + i;
            Thread t = new Thread(() -> {
                try {
                    contract.submitTransaction("Put", account, Long.toString(Long.MAX_VALUE / 4));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            fund.add(t);
        }
        for (Thread t : fund) {
            t.join();
        }
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[][] latencies = new long[inFlight][];
        int[] counts = new int[inFlight];
        CountDownLatch done = new CountDownLatch(inFlight);
        for (int i = 0; i < inFlight; i++) {
            int w = i;
            latencies[w] = new long[1 << 16];
            String from = prefix + "-" + w;
            String to = prefix + "-sink-" + w;
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        try {
                            contract.submitTransaction("Transfer", from, to, "1");
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            continue;
                        }
                        if (measuring.get()) {
                            committed.incrementAndGet();
                            if (counts[w] < latencies[w].length) {
                                latencies[w][counts[w]++] = System.nanoTime() - start;
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        Thread.sleep(warmupSeconds * 1000L);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        measuring.set(true);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        long cpu = os.getProcessCpuTime() - cpu0;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long n = committed.get();
        stop.set(true);
        done.await(60, TimeUnit.SECONDS);
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int i = 0; i < inFlight; i++) {
            System.arraycopy(latencies[i], 0, all, k, counts[i]);
            k += counts[i];
        }
        Arrays.sort(all);
        if (failed.get() > 0) {
            System.out.printf("(%d failed submits at %d in flight)%n", failed.get(), inFlight);
        }
        return new Result(n / elapsed, percentile(all, 0.50), percentile(all, 0.99), n == 0 ? Double.NaN : cpu / 1e6 / n);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    /**
     * One transaction needs: the client signs the proposal, the transaction and the commit-status
     * request (3 signs); two endorsing peers sign (2 signs); the node verifies the proposal, the two
     * endorsements, the envelope and the commit-status request (5 verifies).
     */
    private static double[] signVerifyRate(NetworkCrypto crypto, int seconds) throws Exception {
        SigningIdentity user = crypto.user("FinanceMSP", "officer@mof");
        SigningIdentity peer = crypto.peer("FinanceMSP");
        Signer clientSigner = Signers.newPrivateKeySigner(user.privateKey());
        ECPublicKeyParameters userKey = Signatures.keyOf(user.certificate().getPublicKey());
        ECPublicKeyParameters peerKey = Signatures.keyOf(peer.certificate().getPublicKey());
        byte[] message = new byte[2048];
        new java.util.Random(1).nextBytes(message);
        int threads = Runtime.getRuntime().availableProcessors();
        AtomicLong sets = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        AtomicLong measuredSets = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    MessageDigest sha = MessageDigest.getInstance("SHA-256");
                    byte[] userSig = clientSigner.sign(sha.digest(message));
                    byte[] peerSig = peer.sign(message);
                    java.lang.management.ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
                    for (int warm = 0; warm < 200; warm++) {
                        clientSigner.sign(sha.digest(message));
                        Signatures.verify(userKey, message, userSig);
                    }
                    long cpuStart = threadBean.getCurrentThreadCpuTime();
                    long mine = 0;
                    while (!stop.get()) {
                        for (int s = 0; s < 3; s++) {
                            clientSigner.sign(sha.digest(message));
                        }
                        for (int s = 0; s < 2; s++) {
                            peer.sign(message);
                        }
                        boolean ok = true;
                        for (int v = 0; v < 3; v++) {
                            ok &= Signatures.verify(userKey, message, userSig);
                        }
                        for (int v = 0; v < 2; v++) {
                            ok &= Signatures.verify(peerKey, message, peerSig);
                        }
                        if (!ok) {
                            throw new IllegalStateException("verification failed");
                        }
                        sets.incrementAndGet();
                        mine++;
                    }
                    cpuNanos.addAndGet(threadBean.getCurrentThreadCpuTime() - cpuStart);
                    measuredSets.addAndGet(mine);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            workers.add(t);
        }
        Thread.sleep(1000);
        long before = sets.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long after = sets.get();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        return new double[] {(after - before) / elapsed, cpuNanos.get() / 1e6 / measuredSets.get()};
    }
}

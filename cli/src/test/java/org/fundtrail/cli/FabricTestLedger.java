package org.fundtrail.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fundtrail.client.ConnectionConfig;

/**
 * A real Hyperledger Fabric network run by {@code network-config/fabric/network.sh} on free loopback
 * ports, from {@code FABRIC_BIN} or {@code FABRIC_SRC}. Its folder stays under {@code target/} with
 * every node's log.
 */
final class FabricTestLedger implements TestLedger {
    private final DataDir dir;
    private FundtrailServer server;

    private FabricTestLedger(Path data) {
        this.dir = new DataDir(data);
    }

    /** @return whether this machine can run Fabric: FABRIC_BIN or FABRIC_SRC is set */
    static boolean available() {
        return System.getenv("FABRIC_BIN") != null || System.getenv("FABRIC_SRC") != null;
    }

    /**
     * Starts a new network.
     *
     * @param data a folder that does not exist yet
     * @param orderers how many Raft orderers
     * @return the running network
     */
    static FabricTestLedger start(Path data, int orderers) throws IOException {
        FabricTestLedger ledger = new FabricTestLedger(data);
        ledger.script("up", "--ports", "auto", "--orderers", String.valueOf(orderers));
        return ledger;
    }

    /** Starts whatever of the network is not running (after {@link #kill}). */
    void restart() throws IOException {
        script("up");
    }

    /**
     * Kills one node with SIGKILL.
     *
     * @param node e.g. {@code peer0.audit}, {@code orderer1}
     */
    void kill(String node) throws IOException {
        script("kill", node);
    }

    /**
     * CPU time used so far by each process of the network, from {@code /proc/PID/stat} (Linux).
     *
     * @return milliseconds of user + system CPU by node name ({@code orderer0}, {@code peer0.finance},
     *     {@code chaincode}, ...); processes not running are left out
     */
    Map<String, Long> cpuMillis() throws IOException {
        Map<String, Long> cpu = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.list(dir.root().resolve("fabric/pids"))) {
            for (Path pidFile : files.toList()) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                Path stat = Path.of("/proc", Files.readString(pidFile).trim(), "stat");
                if (Files.exists(stat)) {
                    String line = Files.readString(stat);
                    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                    // utime and stime are fields 14 and 15 of stat, counted from the state (field 3) here
                    cpu.put(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10);
                }
            }
        }
        return cpu;
    }

    /** @return the log of a node */
    String log(String node) throws IOException {
        return Files.readString(dir.root().resolve("fabric/logs/" + node + ".log"), StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "fabric";
    }

    @Override
    public DataDir dir() {
        return dir;
    }

    @Override
    public List<String> cliOptions() {
        return List.of("--network", "fabric", "--data", dir.root().toString());
    }

    @Override
    public ConnectionConfig connection(String mspId, String user) throws IOException {
        return ConnectionConfig.load(dir.connectionFile(mspId, user));
    }

    @Override
    public synchronized int apiPort() throws IOException {
        if (server == null) {
            server = FundtrailServer.startOnFabric(dir, 0);
        }
        return server.apiPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        try {
            List<Long> pids = new ArrayList<>();
            try (java.util.stream.Stream<Path> files = Files.list(dir.root().resolve("fabric/pids"))) {
                for (Path pidFile : files.toList()) {
                    pids.add(Long.parseLong(Files.readString(pidFile).trim()));
                }
            }
            script("down");
            for (long pid : pids) {
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IllegalStateException("network.sh down left process " + pid + " running");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The repository's root: failsafe runs in the cli module's folder. */
    static Path root() {
        return Path.of(System.getProperty("fundtrail.root", "..")).toAbsolutePath().normalize();
    }

    private void script(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root().resolve("network-config/fabric/network.sh").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", dir.root().toString()));
        Files.createDirectories(dir.root());
        Path log = dir.root().resolve("network-sh.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        for (String name : List.of("FABRIC_BIN", "FABRIC_SRC")) {
            if (env.get(name) != null) {
                env.put(name, root().resolve(env.get(name)).toAbsolutePath().normalize().toString());
            }
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("network.sh " + args[0] + " did not finish; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IOException("network.sh " + String.join(" ", args) + " failed (exit " + process.exitValue()
                    + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
    }
}

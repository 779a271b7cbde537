package org.fundtrail.network.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link NodeMain} running in a separate JVM with this JVM's classpath (less test-only jars). */
final class NodeProcess {
    private static final Pattern READY = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) \\(height (\\d+)");
    private final Process process;
    final int port;
    final long height;

    private NodeProcess(Process process, int port, long height) {
        this.process = process;
        this.port = port;
        this.height = height;
    }

    static String classpath() {
        String cp = System.getProperty("java.class.path");
        List<String> kept = new ArrayList<>();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            // Fewer jars, faster contract scanning at start-up.
            if (!entry.matches(".*/(junit|assertj|byte-buddy|opentest4j|apiguardian|jqwik|surefire|kotlin)[^/]*/.*")) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    /** Where contracts can be: test classes (the probe), the chaincode, the shim (its system contract). */
    static String contractPath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith("test-classes") || entry.contains("fabric-chaincode-shim") || entry.contains("fundtrail-chaincode")
                    || entry.replace('\\', '/').endsWith("chaincode/target/classes")) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }

    static NodeProcess start(Path data, Path log, String... extraArgs) throws IOException, InterruptedException {
        return start(data, log, List.of(), extraArgs);
    }

    /** @param jvmArgs e.g. {@code -Dfundtrail.crashAt=after-savepoint} */
    static NodeProcess start(Path data, Path log, List<String> jvmArgs, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", classpath(), NodeMain.class.getName(),
                "--data", data.toString(), "--port", "0", "--block-timeout-ms", "2", "--contract-path", contractPath()));
        cmd.addAll(List.of(extraArgs));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(m);
                    }
                }
            } catch (IOException e) {
                // process gone
            }
            ready.completeExceptionally(new IOException("node process ended before it was ready"));
        }, "node-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            Matcher m = ready.get(60, TimeUnit.SECONDS);
            return new NodeProcess(p, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
        } catch (Exception e) {
            p.destroyForcibly().waitFor();
            throw new IOException("node did not start; see " + log, e);
        }
    }

    /**
     * @param seconds the longest wait
     * @return the exit code, or -1 when still running
     */
    int awaitExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL, as {@code kill -9}. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}

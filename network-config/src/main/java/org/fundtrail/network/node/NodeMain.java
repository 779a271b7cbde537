package org.fundtrail.network.node;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.fundtrail.network.definition.NetworkDefinition;

/**
 * Runs an {@link EmbeddedNode} as a process until it is stopped:
 * {@code java org.fundtrail.network.node.NodeMain --data DIR [--port N] [--network network.yaml]
 * [--block-size N] [--block-timeout-ms T] [--tls] [--contract-path PATHS]}. Prints {@code listening on 127.0.0.1:PORT} once serving.
 */
public final class NodeMain {
    private NodeMain() {
    }

    /**
     * @param args the command line
     * @throws Exception when the node cannot start
     */
    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 7051;
        NetworkDefinition network = NetworkDefinition.defaults();
        int blockSize = 500;
        long blockTimeout = 5;
        boolean tls = false;
        String contractPath = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> data = Path.of(require(args[i], value));
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--network" -> network = NetworkDefinition.load(Path.of(require(args[i], value)));
                case "--block-size" -> blockSize = Integer.parseInt(require(args[i], value));
                case "--block-timeout-ms" -> blockTimeout = Long.parseLong(require(args[i], value));
                case "--contract-path" -> contractPath = require(args[i], value);
                case "--tls" -> {
                    tls = true;
                    i--;
                }
                default -> {
                    System.err.println("usage: NodeMain --data DIR [--port N] [--network FILE] [--block-size N]"
                            + " [--block-timeout-ms T] [--tls] [--contract-path PATHS]");
                    System.exit(2);
                }
            }
            i++;
        }
        if (data == null) {
            System.err.println("--data DIR is required");
            System.exit(2);
        }
        EmbeddedNode.Builder builder = EmbeddedNode.newInstance().dataDirectory(data).network(network).port(port)
                .blockCutting(blockSize, blockTimeout).tls(tls);
        if (contractPath != null) {
            builder.contractClasspath(contractPath);
        }
        EmbeddedNode node = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }));
        long t0 = System.nanoTime();
        node.start();
        System.out.println("listening on 127.0.0.1:" + node.port() + " (height " + node.height() + ", started in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms, "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start)");
        System.out.flush();
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}

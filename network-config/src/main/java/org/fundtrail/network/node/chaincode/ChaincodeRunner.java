package org.fundtrail.network.node.chaincode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;

/**
 * Runs the unmodified contract classes on the classpath (every {@code @Contract}) through the shim's
 * public {@link ContractRouter}, in this process.
 *
 * <pre>{@code
 * ChaincodeRunner runner = ChaincodeRunner.start("spending");
 * Chaincode.Response r = runner.invoke(stub);
 * }</pre>
 *
 * <p>Thread-safe: the router serves concurrent invocations as it does for a peer.
 */
public final class ChaincodeRunner {
    /** Strong references, so the levels set here are not lost to garbage collection. */
    private static final List<Logger> QUIETED = new ArrayList<>();
    /** One router per chaincode name and JVM: scanning the classpath for contracts takes seconds. */
    private static final java.util.Map<String, ChaincodeRunner> RUNNERS = new java.util.HashMap<>();
    private final ContractRouter router;

    private ChaincodeRunner(ContractRouter router) {
        this.router = router;
    }

    /**
     * @param chaincodeName the chaincode ID the router reports
     * @return a runner whose routing is initialised (shared by every node of this JVM)
     * @throws IOException when the router cannot be started
     */
    public static ChaincodeRunner start(String chaincodeName) throws IOException {
        return start(chaincodeName, null);
    }

    /**
     * Starts a runner whose contract scan is limited to some classpath entries. The shim finds
     * contracts by scanning the JVM classpath (the {@code java.class.path} property on Java 9+);
     * scanning every library takes seconds, so a process that knows where its contracts are (the
     * chaincode jar, the shim jar for its system contract) can name just those. The property is set
     * only while the router scans, and restored after.
     *
     * @param chaincodeName the chaincode ID the router reports
     * @param contractClasspath the entries to scan ({@link java.io.File#pathSeparator}-separated), or
     *     {@code null} for the whole classpath
     * @return a runner whose routing is initialised (shared by every node of this JVM)
     * @throws IOException when the router cannot be started
     */
    public static synchronized ChaincodeRunner start(String chaincodeName, String contractClasspath)
            throws IOException {
        ChaincodeRunner existing = RUNNERS.get(chaincodeName);
        if (existing != null) {
            return existing;
        }
        quietShimLogging();
        String classpath = System.getProperty("java.class.path");
        if (contractClasspath != null) {
            System.setProperty("java.class.path", contractClasspath);
        }
        ContractRouter router;
        try {
            router = new ContractRouter(new String[] {"--id", chaincodeName});
            startRouting(router);
        } finally {
            if (contractClasspath != null) {
                System.setProperty("java.class.path", classpath);
            }
        }
        quietShimLogging();
        ChaincodeRunner runner = new ChaincodeRunner(router);
        RUNNERS.put(chaincodeName, runner);
        return runner;
    }

    private static void startRouting(ContractRouter router) throws IOException {
        try {
            router.startRouterWithChaincodeServer(new ChaincodeServer() {
                @Override
                public void start() {
                    // routing is initialised by the caller; no server is needed in-process
                }

                @Override
                public void stop() {
                    // nothing started
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the contract router", e);
        }
    }

    /**
     * @param stub the simulation stub
     * @return the chaincode's response (status 200 on success; 500 and the message on a refusal)
     */
    public Chaincode.Response invoke(SimulationStub stub) {
        return router.invoke(stub);
    }

    private static synchronized void quietShimLogging() {
        for (String name : List.of("org.hyperledger", "org.hyperledger.fabric", "org.hyperledger.fabric.contract",
                "org.hyperledger.fabric.shim", "org.hyperledger.fabric.metrics")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }
}

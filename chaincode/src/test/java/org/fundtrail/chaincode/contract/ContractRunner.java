package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeServer;

/**
 * Runs transactions through the shim's real {@link ContractRouter}, in process: argument conversion, routing by
 * {@code "contract:Function"}, {@code Context} and {@code ClientIdentity} creation, and the mapping of
 * {@code ChaincodeException} to a 500 response are the shim's own.
 *
 * <pre>{@code
 * ContractRunner runner = new ContractRunner();
 * Chaincode.Response response = runner.invoke(ledger, officer, "spending:Transfer", "a", "b", "100");
 * assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.SUCCESS);
 * assertThat(runner.lastStub().eventName()).isEqualTo("Transferred");
 * }</pre>
 *
 * <p>Transactions get deterministic IDs (SHA-256 hex of a per-runner sequence number, so two runners produce the
 * same IDs: use one runner per ledger) and timestamps (start instant plus one step per transaction). The router is
 * created once per JVM, scanning the class path for {@code @Contract} classes; its per-invocation INFO logging is
 * turned down and the SEVERE stack trace the shim logs for each {@code ChaincodeException} is dropped, while
 * other failures (the ones clients only see as "Unexpected error") are still logged.
 */
public final class ContractRunner {

    /** The timestamp of the first transaction when no start is given. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private static final Object ROUTER_LOCK = new Object();
    private static ContractRouter router;
    /** Strong references, so the levels set on these loggers are not lost when they are garbage collected. */
    private static List<Logger> quietedLoggers;

    private final Instant start;
    private final Duration step;
    private final AtomicLong sequence = new AtomicLong();
    private volatile MemoryStub lastStub;

    /** A runner whose transactions are timed {@link #DEFAULT_START}, +1 s, +2 s, ... */
    public ContractRunner() {
        this(DEFAULT_START, Duration.ofSeconds(1));
    }

    /**
     * A runner whose transactions are timed {@code start}, {@code start + step}, ...
     *
     * @param start the first transaction's timestamp
     * @param step the time between transactions
     */
    public ContractRunner(final Instant start, final Duration step) {
        this.start = Objects.requireNonNull(start, "start");
        this.step = Objects.requireNonNull(step, "step");
    }

    /**
     * Submits a transaction: runs it and commits its write set to the ledger iff the response status is 200.
     *
     * @param ledger the ledger to read and commit to
     * @param caller the submitting identity
     * @param function {@code "contract:Function"}, or a bare function name for the default contract
     * @param params the function's parameters, as a client sends them
     * @return the shim's response; a {@code ChaincodeException} is status 500 with its message and payload
     */
    public Chaincode.Response invoke(
            final MemoryLedger ledger, final TestIdentity caller, final String function, final String... params) {
        final long n = sequence.getAndIncrement();
        return run(ledger, caller, start.plus(step.multipliedBy(n)), n, true, function, params);
    }

    /**
     * Submits a transaction at a given time, e.g. just after a deadline. It still takes the next transaction ID
     * and time slot, so later {@link #invoke} timestamps are unaffected.
     *
     * @param timestamp the transaction's timestamp
     * @param ledger the ledger to read and commit to
     * @param caller the submitting identity
     * @param function {@code "contract:Function"}
     * @param params the function's parameters
     * @return the shim's response
     */
    public Chaincode.Response invokeAt(
            final Instant timestamp,
            final MemoryLedger ledger,
            final TestIdentity caller,
            final String function,
            final String... params) {
        Objects.requireNonNull(timestamp, "timestamp");
        return run(ledger, caller, timestamp, sequence.getAndIncrement(), true, function, params);
    }

    /**
     * Evaluates a transaction: runs it like {@link #invoke} but never commits, as a client's evaluate does.
     *
     * @param ledger the ledger to read
     * @param caller the calling identity
     * @param function {@code "contract:Function"}
     * @param params the function's parameters
     * @return the shim's response
     */
    public Chaincode.Response evaluate(
            final MemoryLedger ledger, final TestIdentity caller, final String function, final String... params) {
        final long n = sequence.getAndIncrement();
        return run(ledger, caller, start.plus(step.multipliedBy(n)), n, false, function, params);
    }

    /**
     * The stub of the last transaction run by this runner, committed or not: its write set and event.
     *
     * @return the stub
     * @throws IllegalStateException if nothing ran yet
     */
    public MemoryStub lastStub() {
        final MemoryStub stub = lastStub;
        if (stub == null) {
            throw new IllegalStateException("no transaction has run yet");
        }
        return stub;
    }

    private Chaincode.Response run(
            final MemoryLedger ledger,
            final TestIdentity caller,
            final Instant timestamp,
            final long n,
            final boolean submit,
            final String function,
            final String... params) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(caller, "caller");
        final MemoryStub stub =
                ledger.newTransaction(txId(n), timestamp, caller.serialized(), function, List.of(params));
        lastStub = stub;
        final Chaincode.Response response = router().invoke(stub);
        if (submit && response.getStatus() == Chaincode.Response.Status.SUCCESS) {
            ledger.commit(stub);
        }
        return response;
    }

    private static String txId(final long n) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("fundtrail-test-transaction-" + n).getBytes(UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ContractRouter router() {
        synchronized (ROUTER_LOCK) {
            if (router == null) {
                router = newRouter();
            }
            return router;
        }
    }

    private static ContractRouter newRouter() {
        final ContractRouter created = new ContractRouter(new String[] {"--id", "spending"});
        // The constructor sets the shim's log levels from the environment; override them afterwards.
        quietShimLogging();
        try {
            created.startRouterWithChaincodeServer(new InProcessServer());
        } catch (final IOException e) {
            throw new IllegalStateException("cannot start the contract router", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the contract router", e);
        }
        return created;
    }

    private static void quietShimLogging() {
        quietedLoggers = List.of(
                Logger.getLogger("org.hyperledger.fabric"),
                Logger.getLogger("org.hyperledger.fabric.shim"),
                Logger.getLogger("org.hyperledger.fabric.contract"));
        quietedLoggers.forEach(logger -> logger.setLevel(Level.WARNING));
        for (final Handler handler : Logger.getLogger("").getHandlers()) {
            final Filter previous = handler.getFilter();
            handler.setFilter(record ->
                    !isExpectedRefusal(record) && (previous == null || previous.isLoggable(record)));
        }
    }

    /** The shim logs every ChaincodeException, i.e. every deliberate refusal, with its stack trace. */
    private static boolean isExpectedRefusal(final LogRecord record) {
        return "org.hyperledger.fabric.shim.ResponseUtils".equals(record.getLoggerName())
                && record.getMessage() != null
                && record.getMessage().contains("org.hyperledger.fabric.shim.ChaincodeException: ");
    }

    /** A chaincode server that serves nothing: starting it only completes the router's initialisation. */
    private static final class InProcessServer implements ChaincodeServer {
        @Override
        public void start() {
            // no network: transactions arrive through ContractRouter#invoke
        }

        @Override
        public void stop() {
            // nothing was started
        }
    }
}

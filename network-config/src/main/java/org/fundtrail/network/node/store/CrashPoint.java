package org.fundtrail.network.node.store;

/**
 * Crash injection for tests of the commit path: with the system property {@code fundtrail.crashAt}
 * naming one of the points below, the JVM halts ({@code Runtime.halt}, no shutdown hooks, as
 * {@code kill -9}) the {@code fundtrail.crashAfter}-th time (default 1) the node reaches that point.
 * Without the property every check is a {@code static final} false the JIT removes: no cost on the
 * hot path.
 *
 * <pre>{@code
 * java -Dfundtrail.crashAt=after-savepoint -Dfundtrail.crashAfter=5 ... NodeMain --data DIR
 * }</pre>
 *
 * <p>The points, in commit order: {@code block-built} (block cut and signed, nothing written),
 * {@code block-batched} (block added to the write batch), {@code state-batched} (state writes added),
 * {@code before-savepoint} (history added, the savepoint not yet), {@code after-savepoint} (the batch
 * written and synced: block, state and savepoint durable; nobody told yet), {@code after-notify}
 * (commit-status waiters told).
 */
public final class CrashPoint {
    /** Every crash point, in the order a commit reaches them. */
    public static final java.util.List<String> POINTS = java.util.List.of("block-built", "block-batched",
            "state-batched", "before-savepoint", "after-savepoint", "after-notify");

    private static final String AT = System.getProperty("fundtrail.crashAt");
    private static final boolean ENABLED = AT != null;
    private static final java.util.concurrent.atomic.AtomicInteger LEFT = new java.util.concurrent.atomic.AtomicInteger(
            Integer.getInteger("fundtrail.crashAfter", 1));

    private CrashPoint() {
    }

    /**
     * Halts the JVM if this is the point (and the count) asked for. The genesis block is not counted.
     *
     * @param point one of {@link #POINTS}
     * @param block the number of the block being committed
     */
    public static void reached(String point, long block) {
        if (ENABLED && block > 0 && AT.equals(point) && LEFT.decrementAndGet() == 0) {
            System.err.println("crash injected at " + point);
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}

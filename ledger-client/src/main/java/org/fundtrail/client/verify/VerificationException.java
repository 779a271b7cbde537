package org.fundtrail.client.verify;

/**
 * A block, transaction or record failed verification. Says which block (and, where relevant, which
 * transaction) and what was expected versus what was found (hashes as lower-case hex). Subclasses
 * say which check failed.
 *
 * <pre>{@code
 * try {
 *     verifier.verify(block);
 * } catch (VerificationException e) {
 *     System.err.printf("block %d tx %s: expected %s, found %s%n", e.blockNumber(), e.txId(), e.expected(), e.found());
 * }
 * }</pre>
 */
public abstract class VerificationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long blockNumber;
    private final int txIndex;
    private final String txId;
    private final String expected;
    private final String found;

    /**
     * @param blockNumber the block concerned
     * @param txIndex the transaction's index in the block, or -1 when the failure is the block's
     * @param txId the transaction id, or null when the failure is the block's or the id is unreadable
     * @param what what failed
     * @param expected what was expected, or null
     * @param found what was found, or null
     */
    protected VerificationException(long blockNumber, int txIndex, String txId, String what, String expected,
            String found) {
        super(message(blockNumber, txIndex, txId, what, expected, found));
        this.blockNumber = blockNumber;
        this.txIndex = txIndex;
        this.txId = txId;
        this.expected = expected;
        this.found = found;
    }

    private static String message(long block, int index, String txId, String what, String expected, String found) {
        StringBuilder sb = new StringBuilder("block ").append(block);
        if (index >= 0) {
            sb.append(", transaction ").append(index);
            if (txId != null && !txId.isEmpty()) {
                sb.append(" (").append(txId).append(')');
            }
        }
        sb.append(": ").append(what);
        if (expected != null || found != null) {
            sb.append(": expected ").append(expected).append(", found ").append(found);
        }
        return sb.toString();
    }

    /** @return the number of the block that failed (or holds the transaction that failed) */
    public long blockNumber() {
        return blockNumber;
    }

    /** @return the transaction's index in its block, or -1 when the failure concerns the block itself */
    public int txIndex() {
        return txIndex;
    }

    /** @return the transaction id, or null when the failure concerns the block itself */
    public String txId() {
        return txId;
    }

    /** @return what was expected (hex for hashes), or null when the check has no single expected value */
    public String expected() {
        return expected;
    }

    /** @return what was found (hex for hashes), or null when nothing was found */
    public String found() {
        return found;
    }
}

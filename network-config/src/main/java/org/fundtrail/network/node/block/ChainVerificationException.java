package org.fundtrail.network.node.block;

/**
 * A block that does not verify: which block, what was expected, what was found.
 *
 * <pre>{@code catch (ChainVerificationException e) { e.blockNumber(); }}</pre>
 */
public final class ChainVerificationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final long blockNumber;

    /**
     * @param blockNumber the failing block
     * @param message what was expected and what was computed
     */
    public ChainVerificationException(long blockNumber, String message) {
        super("block " + blockNumber + ": " + message);
        this.blockNumber = blockNumber;
    }

    /** @return the failing block's number */
    public long blockNumber() {
        return blockNumber;
    }
}

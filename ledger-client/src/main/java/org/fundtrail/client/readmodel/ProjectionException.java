package org.fundtrail.client.readmodel;

/**
 * A committed block could not be projected: its contents break what the read model expects (a
 * Fundtrail event whose payload does not parse, a balance for an unknown allocation, a block out of
 * order). Nothing of that block is applied and the checkpoint stays before it; the projector stops
 * rather than skip it, because a read model that silently skipped a transaction would lie.
 *
 * <pre>{@code
 * catch (ProjectionException e) {
 *     System.err.println("block " + e.blockNumber() + " tx " + e.txId() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class ProjectionException extends ReadModelException {
    private static final long serialVersionUID = 1L;

    private final long blockNumber;
    private final String txId;

    /**
     * @param blockNumber the block that failed
     * @param txId the transaction that failed, or null when the block as a whole is at fault
     * @param message what was expected and what was found
     * @param cause the underlying failure, or null
     */
    public ProjectionException(long blockNumber, String txId, String message, Throwable cause) {
        super("block " + blockNumber + (txId == null ? "" : ", transaction " + txId) + ": " + message, cause);
        this.blockNumber = blockNumber;
        this.txId = txId;
    }

    /** @return the block that could not be projected */
    public long blockNumber() {
        return blockNumber;
    }

    /** @return the transaction that could not be projected, or null for the block as a whole */
    public String txId() {
        return txId;
    }
}

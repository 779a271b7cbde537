package org.fundtrail.client.readmodel;

/**
 * A block's bytes in the read model are not the block the ledger committed: they do not parse, their
 * header hash is not the one recorded when the block was projected (or not the next block's
 * previous_hash), or their data hash does not match their transactions. Permanent: rebuild the read
 * model from the ledger.
 *
 * <pre>{@code
 * catch (CorruptBlockException e) {
 *     System.err.println("block " + e.blockNumber() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class CorruptBlockException extends ReadModelException {
    private static final long serialVersionUID = 1L;

    private final long blockNumber;

    /**
     * @param blockNumber the damaged block
     * @param message what does not match
     */
    public CorruptBlockException(long blockNumber, String message) {
        super("block " + blockNumber + " in the read model is damaged: " + message);
        this.blockNumber = blockNumber;
    }

    /** @return the damaged block */
    public long blockNumber() {
        return blockNumber;
    }
}

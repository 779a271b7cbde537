package org.fundtrail.network.node.store;

import java.io.IOException;

/**
 * The ledger store's files are damaged: a checksum does not match, a block does not parse, or a
 * block the savepoint says is committed is missing. Not a transient failure: reading again gives the
 * same answer; restore the folder from a copy.
 *
 * <pre>{@code
 * catch (CorruptStoreException e) {
 *     System.err.println("block " + e.blockNumber() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class CorruptStoreException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long blockNumber;

    /**
     * @param blockNumber the block that could not be read, or -1 when the store as a whole is damaged
     * @param message what is damaged
     * @param cause RocksDB's or protobuf's report, or null
     */
    public CorruptStoreException(long blockNumber, String message, Throwable cause) {
        super(message, cause);
        this.blockNumber = blockNumber;
    }

    /** @return the block that could not be read, or -1 when the store as a whole is damaged */
    public long blockNumber() {
        return blockNumber;
    }
}

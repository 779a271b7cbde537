package org.fundtrail.client;

/**
 * The transaction was endorsed and ordered but the committing peers marked it invalid (for example
 * {@code MVCC_READ_CONFLICT} when another transaction changed what it read). Nothing was written.
 */
public final class CommitFailedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final String validationCode;
    private final long blockNumber;

    CommitFailedException(String validationCode, long blockNumber, String transactionId) {
        super("transaction " + transactionId + " was invalidated in block " + blockNumber + ": " + validationCode,
                transactionId, null);
        this.validationCode = validationCode;
        this.blockNumber = blockNumber;
    }

    /** @return Fabric's validation code, e.g. {@code MVCC_READ_CONFLICT} */
    public String validationCode() {
        return validationCode;
    }

    /** @return the block the invalid transaction is recorded in */
    public long blockNumber() {
        return blockNumber;
    }
}

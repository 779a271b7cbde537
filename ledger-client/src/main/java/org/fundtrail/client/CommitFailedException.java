package org.fundtrail.client;

import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The transaction was endorsed and ordered but the committing peers marked it invalid (for example
 * {@code MVCC_READ_CONFLICT} when another transaction changed what it read). Nothing was written.
 */
public final class CommitFailedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final TxValidationCode validationCode;
    private final long blockNumber;

    CommitFailedException(TxValidationCode validationCode, long blockNumber, String transactionId) {
        super("transaction " + transactionId + " was invalidated in block " + blockNumber + ": " + validationCode,
                transactionId, null);
        this.validationCode = validationCode;
        this.blockNumber = blockNumber;
    }

    /** @return Fabric's validation code, e.g. {@code MVCC_READ_CONFLICT} */
    public TxValidationCode validationCode() {
        return validationCode;
    }

    /**
     * @return whether another transaction changed what this one read (MVCC or phantom read
     *     conflict): submitting it again may succeed
     */
    public boolean isConflict() {
        return validationCode == TxValidationCode.MVCC_READ_CONFLICT
                || validationCode == TxValidationCode.PHANTOM_READ_CONFLICT;
    }

    /** @return the block the invalid transaction is recorded in */
    public long blockNumber() {
        return blockNumber;
    }
}

package org.fundtrail.client.verify;

/**
 * A transaction's validation code in the block's {@code TRANSACTIONS_FILTER} metadata is not the one its signatures, endorsements and read set give: a valid transaction marked invalid or an invalid one marked valid.
 *
 * <pre>{@code
 * catch (TransactionFilterException e) { report(e.txId() + " should be " + e.expected() + ", is marked " + e.found()); }
 * }</pre>
 */
public final class TransactionFilterException extends VerificationException {
    private static final long serialVersionUID = 1L;

    TransactionFilterException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

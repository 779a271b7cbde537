package org.fundtrail.client.verify;

/**
 * A block's {@code data_hash} is not the SHA-256 of its envelopes: the transactions are not the ones the orderer sealed.
 *
 * <pre>{@code
 * catch (DataHashException e) { report("block " + e.blockNumber() + " data altered"); }
 * }</pre>
 */
public final class DataHashException extends VerificationException {
    private static final long serialVersionUID = 1L;

    DataHashException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

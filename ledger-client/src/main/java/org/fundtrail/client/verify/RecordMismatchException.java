package org.fundtrail.client.verify;

/**
 * A record's bytes are not the value its transaction wrote: the transaction is absent or invalid, it wrote no such key, or it wrote other bytes (hex in {@link #expected()} and {@link #found()}).
 *
 * <pre>{@code
 * catch (RecordMismatchException e) { report("record differs from ledger: " + e.getMessage()); }
 * }</pre>
 */
public final class RecordMismatchException extends VerificationException {
    private static final long serialVersionUID = 1L;

    RecordMismatchException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

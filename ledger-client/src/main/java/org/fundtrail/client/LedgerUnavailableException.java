package org.fundtrail.client;

/**
 * The ledger could not be reached, or did not answer in time. From {@link FundtrailLedger#submit}
 * it means no attempt was submitted, so nothing was written; an attempt that was submitted and then
 * lost is reported as {@link CommitUnknownException} instead.
 */
public final class LedgerUnavailableException extends LedgerException {
    private static final long serialVersionUID = 1L;

    LedgerUnavailableException(String message, String transactionId, Throwable cause) {
        super(message, transactionId, cause);
    }
}

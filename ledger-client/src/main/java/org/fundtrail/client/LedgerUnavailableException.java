package org.fundtrail.client;

/**
 * The ledger could not be reached, or did not answer in time. For a submission, whether it
 * committed is unknown; {@link FundtrailLedger} resolves that by retrying with the same record id.
 */
public final class LedgerUnavailableException extends LedgerException {
    private static final long serialVersionUID = 1L;

    LedgerUnavailableException(String message, String transactionId, Throwable cause) {
        super(message, transactionId, cause);
    }
}

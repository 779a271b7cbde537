package org.fundtrail.client;

/**
 * A ledger call failed. Subclasses say how: {@link RefusedException} (a rule of the chaincode),
 * {@link CommitFailedException} (the transaction was ordered but invalidated), {@link
 * LedgerUnavailableException} (the ledger could not be reached or did not answer), {@link
 * CommitUnknownException} (a transaction was submitted but whether it committed is unknown).
 */
public abstract class LedgerException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String transactionId;

    LedgerException(String message, String transactionId, Throwable cause) {
        super(message, cause);
        this.transactionId = transactionId;
    }

    /** @return the Fabric transaction id concerned, or null when none was created */
    public String transactionId() {
        return transactionId;
    }
}

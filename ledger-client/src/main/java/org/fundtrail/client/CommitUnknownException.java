package org.fundtrail.client;

/**
 * The transaction was sent to be ordered, but its commit status was never seen: the ledger stopped
 * answering, or a retry could not tell. It may or may not be in a block. Nothing is lost by finding
 * out: read the record by its id ({@link FundtrailLedger#record}), or submit the same request again —
 * it commits, or reports {@link Submission#alreadyDone()} when the earlier attempt committed it.
 *
 * <pre>{@code
 * catch (CommitUnknownException e) { System.err.println("check record " + e.recordId() + " (tx " + e.transactionId() + ")"); }
 * }</pre>
 */
public final class CommitUnknownException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final String recordId;

    CommitUnknownException(String recordId, String transactionId, Throwable cause) {
        super("the outcome of transaction " + transactionId + " for record " + recordId + " is unknown: it was "
                + "submitted but its commit was never seen" + (cause == null ? "" : " (" + cause.getMessage() + ")"),
                transactionId, cause);
        this.recordId = recordId;
    }

    /** @return the id of the record the transaction creates, to check or to submit again with */
    public String recordId() {
        return recordId;
    }

    /** @return the last transaction whose outcome is unknown (never null) */
    @Override
    public String transactionId() {
        return super.transactionId();
    }
}

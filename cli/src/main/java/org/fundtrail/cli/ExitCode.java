package org.fundtrail.cli;

/** The documented exit codes of {@code fundtrail}. */
public final class ExitCode {
    /** Done (including "already done": the same submission was committed earlier). */
    public static final int OK = 0;
    /** Something went wrong that is not one of the cases below (bad files, I/O). */
    public static final int ERROR = 1;
    /** The command line was wrong (unknown option, missing or malformed value). */
    public static final int USAGE = 2;
    /** The ledger refused the transaction (a rule of the chaincode, or the identity). */
    public static final int REFUSED = 3;
    /** The id asked for does not exist. */
    public static final int NOT_FOUND = 4;
    /**
     * The ledger could not be reached (no node running, network down), or kept conflicting with
     * concurrent transactions until the retries ran out: nothing was written, try again.
     */
    public static final int UNREACHABLE = 5;
    /** A verification or reconciliation found a difference. */
    public static final int MISMATCH = 6;
    /**
     * A transaction was submitted but the ledger stopped answering before its commit was seen: it
     * may or may not be in a block. Check the record, or run the same command again with the same
     * {@code --id}.
     */
    public static final int OUTCOME_UNKNOWN = 7;

    private ExitCode() {
    }
}

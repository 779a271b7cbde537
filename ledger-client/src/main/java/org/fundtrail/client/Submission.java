package org.fundtrail.client;

import java.util.List;
import org.fundtrail.chaincode.domain.LedgerRecord;

/**
 * A committed submission.
 *
 * @param transactionId the transaction that wrote the records
 * @param blockNumber the block it was committed in, or -1 when {@code alreadyDone} and the ledger
 *     could not say which block
 * @param records what the transaction wrote, in order; when {@code alreadyDone}, the record found
 * @param alreadyDone true when the ledger already held this same submission, committed by an earlier
 *     attempt or an earlier run (nothing was counted twice)
 */
public record Submission(String transactionId, long blockNumber, List<LedgerRecord> records, boolean alreadyDone) {
    /** Copies the list. */
    public Submission {
        records = List.copyOf(records);
    }
}

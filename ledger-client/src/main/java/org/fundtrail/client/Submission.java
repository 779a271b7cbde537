package org.fundtrail.client;

import java.util.List;
import org.fundtrail.chaincode.domain.LedgerRecord;

/**
 * A committed submission.
 *
 * @param transactionId the transaction that wrote the records
 * @param blockNumber the block it was committed in, or -1 when {@code alreadyDone} (an earlier,
 *     uncertain attempt committed it)
 * @param records what the transaction wrote, in order
 * @param alreadyDone true when a retry found that an earlier attempt had already committed the
 *     same record (nothing was counted twice)
 */
public record Submission(String transactionId, long blockNumber, List<LedgerRecord> records, boolean alreadyDone) {
    /** Copies the list. */
    public Submission {
        records = List.copyOf(records);
    }
}

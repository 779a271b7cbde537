package org.fundtrail.client.readmodel;

import java.util.Objects;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * A record as the read model holds it: the chaincode's own record value (equal, field for field, to
 * what the ledger stores), where it was written, and for an allocation its current balance.
 *
 * <pre>{@code
 * RecordRow row = readModel.record("T-1").orElseThrow();
 * Transfer transfer = (Transfer) row.record();
 * long block = row.ref().blockNumber();
 * }</pre>
 *
 * @param record the record
 * @param ref the transaction and block that wrote it
 * @param balance the allocation's current balance, null for other types
 * @param balanceRef the transaction and block of the balance's last change, null for other types
 * @param reversedBy for a transfer or an expenditure: the id of the reversal that undid it, else null
 */
public record RecordRow(LedgerRecord record, LedgerRef ref, Balance balance, LedgerRef balanceRef,
                        String reversedBy) {
    /** Validates the components. */
    public RecordRow {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(ref, "ref");
    }

    /**
     * A record that was not reversed.
     *
     * @param record the record
     * @param ref the transaction and block that wrote it
     * @param balance the allocation's current balance, null for other types
     * @param balanceRef the transaction and block of the balance's last change, null for other types
     */
    public RecordRow(LedgerRecord record, LedgerRef ref, Balance balance, LedgerRef balanceRef) {
        this(record, ref, balance, balanceRef, null);
    }

    /** @return whether a reversal undid this transfer or expenditure */
    public boolean reversed() {
        return reversedBy != null;
    }

    /** @return the record's type */
    public RecordType type() {
        return record.type();
    }

    /** @return the record's id */
    public String id() {
        return record.id();
    }
}

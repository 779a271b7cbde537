package org.fundtrail.chaincode.domain;

/** The kinds of record the ledger holds; each record's JSON names its kind in {@code "type"}. */
public enum RecordType {
    ORGANIZATION, ALLOCATION, BALANCE, TRANSFER, EXPENDITURE, OUTCOME, RETURN, REVERSAL;

    /** @return the class of this type's records, to read their JSON with {@link CanonicalJson} */
    public Class<? extends LedgerRecord> recordClass() {
        return switch (this) {
            case ORGANIZATION -> Organization.class;
            case ALLOCATION -> Allocation.class;
            case BALANCE -> Balance.class;
            case TRANSFER -> Transfer.class;
            case EXPENDITURE -> Expenditure.class;
            case OUTCOME -> Outcome.class;
            case RETURN -> FundsReturn.class;
            case REVERSAL -> Reversal.class;
        };
    }
}

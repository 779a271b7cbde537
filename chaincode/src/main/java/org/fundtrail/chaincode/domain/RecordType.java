package org.fundtrail.chaincode.domain;

/** The kinds of record the ledger holds; each record's JSON names its kind in {@code "type"}. */
public enum RecordType {
    ORGANIZATION, ALLOCATION, BALANCE, TRANSFER, EXPENDITURE, OUTCOME, RETURN, REVERSAL
}

package org.fundtrail.chaincode.domain;

/** Why money was returned or a record reversed. */
public enum ReasonCode {
    /** Money left unspent at the end of a programme or year. */
    UNSPENT,
    /** The programme was closed or cancelled. */
    PROGRAMME_CLOSED,
    /** The original record was entered with a mistake. */
    DATA_ENTRY_ERROR,
    /** The original record duplicates another. */
    DUPLICATE,
    /** The payment or transfer was cancelled before it took effect. */
    CANCELLED,
    /** The original record is suspected to be fraudulent. */
    FRAUD_SUSPECTED,
    /** Any other reason, explained in the free text. */
    OTHER
}

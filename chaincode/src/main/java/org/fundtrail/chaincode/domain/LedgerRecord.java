package org.fundtrail.chaincode.domain;

/**
 * A record on the ledger: immutable once written, except an allocation's {@link Balance}, which is
 * derived and rewritten by every transaction that moves its money.
 */
public interface LedgerRecord {
    /** @return the record's id (for a balance, its allocation's id) */
    String id();

    /** @return the record's kind */
    RecordType type();

    /** @return the id of the transaction that wrote this version */
    String txId();

    /** @return the transaction's timestamp, ISO-8601 UTC */
    String recordedAt();
}

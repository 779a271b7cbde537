package org.fundtrail.chaincode.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The transaction a record is written by: its id and its timestamp (from the proposal, never from
 * a clock, so every endorsing peer writes the same bytes).
 *
 * @param txId the Fabric transaction id
 * @param recordedAt the transaction timestamp, ISO-8601 UTC
 */
public record TxStamp(String txId, String recordedAt) {
    /** Validates the components. */
    public TxStamp {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /**
     * @param txId the Fabric transaction id
     * @param timestamp the transaction timestamp
     * @return the stamp
     */
    public static TxStamp of(String txId, Instant timestamp) {
        return new TxStamp(txId, timestamp.toString());
    }
}

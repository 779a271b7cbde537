package org.fundtrail.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Every version of a record on the ledger, newest first per key (for an allocation: its record and
 * its balance).
 *
 * @param id the record id
 * @param type its type
 * @param versions the versions
 */
public record RecordHistory(String id, RecordType type, List<Version> versions) {
    /** Copies the list. */
    public RecordHistory {
        versions = List.copyOf(versions);
    }

    /**
     * One version.
     *
     * @param key {@code balance} or the record type in lower case
     * @param txId the transaction that wrote it
     * @param timestamp that transaction's timestamp
     * @param deleted whether the transaction deleted the key (never, for Fundtrail records)
     * @param value the record as written
     */
    public record Version(String key, String txId, String timestamp, boolean deleted, JsonNode value) {
    }
}

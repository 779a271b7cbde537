package org.fundtrail.network.node.store;

import java.time.Instant;

/**
 * One committed modification of a key, as {@code GetHistoryForKey} returns it.
 *
 * <pre>{@code for (HistoryEntry e : store.history("spending", "k")) { e.txId(); }}</pre>
 *
 * @param txId the transaction that wrote it
 * @param timestamp the transaction's timestamp (from its channel header)
 * @param value the written value (empty when deleted)
 * @param deleted whether the modification was a delete
 * @param version block and transaction number of the write
 */
public record HistoryEntry(String txId, Instant timestamp, byte[] value, boolean deleted, Version version) {
    /** @return a copy of the value bytes */
    @Override
    public byte[] value() {
        return value.clone();
    }
}

package org.fundtrail.network.node.store;

import java.time.Instant;

/**
 * One valid write applied by a committed block: to state, and to the key's history.
 *
 * <pre>{@code new StateWrite("spending", "k", bytes, new Version(5, 0), txId, timestamp);}</pre>
 *
 * @param namespace the chaincode name
 * @param key the key
 * @param value the value, or {@code null} for a delete
 * @param version the block and transaction number of the write
 * @param txId the writing transaction's ID
 * @param timestamp the writing transaction's timestamp
 */
public record StateWrite(String namespace, String key, byte[] value, Version version, String txId, Instant timestamp) {
}

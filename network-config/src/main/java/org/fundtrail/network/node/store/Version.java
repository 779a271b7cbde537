package org.fundtrail.network.node.store;

/**
 * The version of a state key: the block and the transaction (within the block) that last wrote it,
 * as Fabric's {@code rwset.Version} holds it.
 *
 * <pre>{@code Version v = new Version(12, 3);}</pre>
 *
 * @param blockNumber the block that wrote the key
 * @param txNumber the transaction's position within that block
 */
public record Version(long blockNumber, long txNumber) {
}

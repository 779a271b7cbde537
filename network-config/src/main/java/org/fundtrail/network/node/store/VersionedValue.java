package org.fundtrail.network.node.store;

/**
 * A committed state value with the version of its last write.
 *
 * <pre>{@code store.state("spending", "k").map(VersionedValue::value);}</pre>
 *
 * @param key the key (within its namespace)
 * @param value the value bytes; never {@code null}
 * @param version the version of the write that produced it
 */
public record VersionedValue(String key, byte[] value, Version version) {
    /** @return a copy of the value bytes */
    @Override
    public byte[] value() {
        return value.clone();
    }
}

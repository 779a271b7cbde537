package org.fundtrail.chaincode.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.fundtrail.chaincode.contract.MemoryLedger;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * A committed key-value state for pure domain tests. {@link #begin()} gives a transaction's view
 * (reads see committed values only, writes buffered), {@link #commit} applies it.
 */
final class MemoryState {
    /** In Fabric's key order (UTF-8 bytes), as a peer iterates state for {@link Tx#keysUnder}. */
    private final TreeMap<String, byte[]> committed = new TreeMap<>(MemoryLedger.KEY_ORDER);

    /** @return a new transaction's view */
    Tx begin() {
        return new Tx();
    }

    /** Applies a transaction's writes. */
    void commit(Tx tx) {
        committed.putAll(tx.writes);
    }

    /** @return a copy of the committed state, for "nothing changed" assertions */
    NavigableMap<String, String> snapshot() {
        TreeMap<String, String> copy = new TreeMap<>(MemoryLedger.KEY_ORDER);
        committed.forEach((k, v) -> copy.put(k, new String(v, java.nio.charset.StandardCharsets.UTF_8)));
        return Collections.unmodifiableNavigableMap(copy);
    }

    /** One transaction's view of the state. */
    final class Tx implements WorldState {
        private final Map<String, byte[]> writes = new LinkedHashMap<>();

        @Override
        public byte[] get(String key) {
            return committed.get(key);
        }

        @Override
        public void put(String key, byte[] value) {
            if (value == null || value.length == 0) {
                throw new IllegalArgumentException("empty value for " + key);
            }
            writes.put(key, value.clone());
        }

        @Override
        public Page keysUnder(CompositeKey partial, int limit, String bookmark) {
            String start = partial.toString();
            String from = bookmark.isEmpty() ? start : bookmark;
            List<String> keys = new ArrayList<>();
            String next = "";
            for (String key : committed.tailMap(from, true).keySet()) {
                if (!key.startsWith(start)) {
                    break;
                }
                if (keys.size() == limit) {
                    next = key;
                    break;
                }
                keys.add(key);
            }
            return new Page(keys, next);
        }

        /** @return the keys written, in order */
        List<String> writtenKeys() {
            return List.copyOf(writes.keySet());
        }
    }
}

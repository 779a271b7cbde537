package org.fundtrail.client.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fundtrail.chaincode.ledger.WorldState;
import org.fundtrail.network.node.store.KeyOrder;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/** Committed key-value state for driving the real Treasury in tests; {@link #begin()} gives one transaction's view. */
final class MemoryWorldState {
    /** In Fabric's key order (UTF-8 bytes), as a peer iterates state for {@link Tx#keysUnder}. */
    private final TreeMap<String, byte[]> committed = new TreeMap<>(KeyOrder.UTF8);

    Tx begin() {
        return new Tx();
    }

    void commit(Tx tx) {
        committed.putAll(tx.writes);
    }

    /** @return a read-only view of the committed state (for the chaincode's Tracer) */
    WorldState view() {
        return new Tx();
    }

    byte[] get(String key) {
        return committed.get(key);
    }

    /** One transaction: reads see committed values only, writes are buffered. */
    final class Tx implements WorldState {
        private final Map<String, byte[]> writes = new LinkedHashMap<>();

        @Override
        public byte[] get(String key) {
            return committed.get(key);
        }

        @Override
        public void put(String key, byte[] value) {
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
    }
}

package org.fundtrail.network.node.order;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.fundtrail.network.node.store.KeyOrder;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.Version;
import org.fundtrail.network.node.store.VersionedValue;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The writes of the valid transactions of the block being cut, which its later transactions see over
 * committed state: Fabric's committer checks each transaction's reads (MVCC) and range queries
 * (phantom reads) against committed state plus the earlier valid transactions of the same block.
 *
 * <pre>{@code
 * BlockWrites writes = new BlockWrites(store);
 * if (writes.validate(tx.rwsets(), sets) == TxValidationCode.VALID) {
 *     writes.written("spending", "k", new Version(number, i)); // or writes.deleted("spending", "k")
 * }
 * }</pre>
 */
final class BlockWrites {
    /** A key of the world state: the chaincode namespace and the key within it. */
    private record StateKey(String namespace, String key) {
    }

    /** What an earlier valid transaction of this block did to a key. */
    private sealed interface PendingWrite permits Written, Deleted {
    }

    /** The key was written (set to a non-empty value) at this version. */
    private record Written(Version version) implements PendingWrite {
    }

    /** The key was deleted (a delete, or a write of an empty value, which Fabric treats as one). */
    private record Deleted() implements PendingWrite {
    }

    private final LedgerStore store;
    private final Map<StateKey, PendingWrite> pending = new HashMap<>();

    /** @param store the committed state the block's writes lie over */
    BlockWrites(LedgerStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Records that a valid transaction of this block wrote a key.
     *
     * @param namespace the chaincode name
     * @param key the key
     * @param version the block and transaction number of the write
     */
    void written(String namespace, String key, Version version) {
        pending.put(new StateKey(namespace, key), new Written(Objects.requireNonNull(version, "version")));
    }

    /**
     * Records that a valid transaction of this block deleted a key.
     *
     * @param namespace the chaincode name
     * @param key the key
     */
    void deleted(String namespace, String key) {
        pending.put(new StateKey(namespace, key), new Deleted());
    }

    /**
     * Fabric's MVCC and phantom-read validation of one transaction.
     *
     * @param namespaces the transaction's read/write sets, for their namespaces
     * @param sets the same sets, parsed
     * @return VALID, MVCC_READ_CONFLICT or PHANTOM_READ_CONFLICT
     * @throws IOException on a storage failure
     */
    TxValidationCode validate(List<NsReadWriteSet> namespaces, List<KVRWSet> sets) throws IOException {
        for (int n = 0; n < sets.size(); n++) {
            String ns = namespaces.get(n).getNamespace();
            KVRWSet set = sets.get(n);
            for (KVRead read : set.getReadsList()) {
                if (!sameVersion(read, currentVersion(ns, read.getKey()))) {
                    return TxValidationCode.MVCC_READ_CONFLICT;
                }
            }
            for (RangeQueryInfo rq : set.getRangeQueriesInfoList()) {
                if (!rangeUnchanged(ns, rq)) {
                    return TxValidationCode.PHANTOM_READ_CONFLICT;
                }
            }
        }
        return TxValidationCode.VALID;
    }

    /** @return the key's version now: this block's last write of it, else committed state; empty when absent */
    private Optional<Version> currentVersion(String ns, String key) throws IOException {
        PendingWrite w = pending.get(new StateKey(ns, key));
        if (w instanceof Written written) {
            return Optional.of(written.version());
        }
        if (w instanceof Deleted) {
            return Optional.empty();
        }
        return store.state(ns, key).map(VersionedValue::version);
    }

    private static boolean sameVersion(KVRead read, Optional<Version> current) {
        if (!read.hasVersion()) {
            return current.isEmpty();
        }
        return current.isPresent() && current.get().blockNumber() == read.getVersion().getBlockNum()
                && current.get().txNumber() == read.getVersion().getTxNum();
    }

    /**
     * Re-executes a range query over committed state plus this block's earlier writes (Fabric's phantom check).
     * Keys are ordered and bounded as the store and Fabric order them, by UTF-8 bytes ({@link KeyOrder}).
     */
    private boolean rangeUnchanged(String ns, RangeQueryInfo rq) throws IOException {
        List<KVRead> raw = rq.getRawReads().getKvReadsList();
        TreeMap<String, Version> now = new TreeMap<>(KeyOrder.UTF8);
        for (VersionedValue v : store.range(ns, rq.getStartKey(), rq.getEndKey(), raw.size() + 1 + pending.size())) {
            now.put(v.key(), v.version());
        }
        for (Map.Entry<StateKey, PendingWrite> u : pending.entrySet()) {
            if (!u.getKey().namespace().equals(ns)) {
                continue;
            }
            String key = u.getKey().key();
            if (KeyOrder.compare(key, rq.getStartKey()) >= 0
                    && (rq.getEndKey().isEmpty() || KeyOrder.compare(key, rq.getEndKey()) < 0)) {
                if (u.getValue() instanceof Written written) {
                    now.put(key, written.version());
                } else {
                    now.remove(key);
                }
            }
        }
        var it = now.entrySet().iterator();
        for (KVRead r : raw) {
            if (!it.hasNext()) {
                return false;
            }
            Map.Entry<String, Version> e = it.next();
            if (!e.getKey().equals(r.getKey()) || !sameVersion(r, Optional.of(e.getValue()))) {
                return false;
            }
        }
        return !rq.getItrExhausted() || !it.hasNext();
    }
}

package org.fundtrail.client.verify;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The version (block, transaction) of every key of the world state and every transaction id seen,
 * replayed from block 0, so that each transaction's MVCC and phantom-read outcome, and duplicate ids,
 * can be recomputed as Fabric's committer computes them. Values are not kept: only versions. Keys are
 * ordered and range-bounded as Fabric orders them, by UTF-8 bytes ({@link KeyOrder}), never by
 * {@link String#compareTo}.
 */
final class WorldVersions {
    /** The block and the transaction within it that last wrote a key. */
    private record Version(long block, long tx) {
    }

    /** What a valid transaction of the block being verified did to a key. */
    private sealed interface Write permits Written, Deleted {
    }

    /** The key was written (set to a non-empty value) at this version. */
    private record Written(Version version) implements Write {
    }

    /** The key was deleted (a delete, or a write of an empty value, which Fabric treats as one). */
    private record Deleted() implements Write {
    }

    private final Map<String, TreeMap<String, Version>> committed = new HashMap<>();
    private final Set<String> txIds = new HashSet<>();

    /** @return the updates of a new block, applied to this state on {@link BlockUpdates#commit()} */
    BlockUpdates begin() {
        return new BlockUpdates();
    }

    /** The writes of the valid transactions of one block so far, visible to its later transactions. */
    final class BlockUpdates {
        private final Map<String, TreeMap<String, Write>> updates = new HashMap<>();
        private final Set<String> blockTxIds = new HashSet<>();

        /** @return whether the id was seen before in the ledger or this block; records it */
        boolean duplicate(String txId) {
            return txIds.contains(txId) || !blockTxIds.add(txId);
        }

        TxValidationCode validate(List<String> namespaces, List<KVRWSet> sets) {
            for (int n = 0; n < sets.size(); n++) {
                String ns = namespaces.get(n);
                for (KVRead read : sets.get(n).getReadsList()) {
                    if (!sameVersion(read, current(ns, read.getKey()))) {
                        return TxValidationCode.MVCC_READ_CONFLICT;
                    }
                }
                for (RangeQueryInfo rq : sets.get(n).getRangeQueriesInfoList()) {
                    if (rq.hasRawReads() && !rangeUnchanged(ns, rq)) {
                        return TxValidationCode.PHANTOM_READ_CONFLICT;
                    }
                }
            }
            return TxValidationCode.VALID;
        }

        void apply(List<String> namespaces, List<KVRWSet> sets, long block, long tx) {
            for (int n = 0; n < sets.size(); n++) {
                TreeMap<String, Write> ns = updates.computeIfAbsent(namespaces.get(n), k -> new TreeMap<>(KeyOrder.UTF8));
                for (KVWrite w : sets.get(n).getWritesList()) {
                    ns.put(w.getKey(), w.getIsDelete() || w.getValue().isEmpty() ? new Deleted()
                            : new Written(new Version(block, tx)));
                }
            }
        }

        void commit() {
            txIds.addAll(blockTxIds);
            for (Map.Entry<String, TreeMap<String, Write>> ns : updates.entrySet()) {
                TreeMap<String, Version> target = committed.computeIfAbsent(ns.getKey(), k -> new TreeMap<>(KeyOrder.UTF8));
                for (Map.Entry<String, Write> e : ns.getValue().entrySet()) {
                    if (e.getValue() instanceof Written w) {
                        target.put(e.getKey(), w.version());
                    } else {
                        target.remove(e.getKey());
                    }
                }
            }
        }

        /** @return the key's version: this block's last write of it, else committed state; null when absent */
        private Version current(String ns, String key) {
            TreeMap<String, Write> u = updates.get(ns);
            Write w = u == null ? null : u.get(key);
            if (w instanceof Written written) {
                return written.version();
            }
            if (w instanceof Deleted) {
                return null;
            }
            TreeMap<String, Version> c = committed.get(ns);
            return c == null ? null : c.get(key);
        }

        /** Re-executes the range over committed state plus this block's earlier writes (Fabric's phantom check). */
        private boolean rangeUnchanged(String ns, RangeQueryInfo rq) {
            TreeMap<String, Version> now = new TreeMap<>(KeyOrder.UTF8);
            now.putAll(range(committed.get(ns), rq.getStartKey(), rq.getEndKey()));
            for (Map.Entry<String, Write> e : range(updates.get(ns), rq.getStartKey(), rq.getEndKey()).entrySet()) {
                if (e.getValue() instanceof Written w) {
                    now.put(e.getKey(), w.version());
                } else {
                    now.remove(e.getKey());
                }
            }
            var it = now.entrySet().iterator();
            for (KVRead r : rq.getRawReads().getKvReadsList()) {
                if (!it.hasNext()) {
                    return false;
                }
                Map.Entry<String, Version> e = it.next();
                if (!e.getKey().equals(r.getKey()) || !sameVersion(r, e.getValue())) {
                    return false;
                }
            }
            return !rq.getItrExhausted() || !it.hasNext();
        }
    }

    private static <V> NavigableMap<String, V> range(TreeMap<String, V> map, String start, String end) {
        if (map == null || (!end.isEmpty() && KeyOrder.compare(start, end) > 0)) {
            return new TreeMap<>(KeyOrder.UTF8);
        }
        return end.isEmpty() ? map.tailMap(start, true) : map.subMap(start, true, end, false);
    }

    private static boolean sameVersion(KVRead read, Version version) {
        if (!read.hasVersion()) {
            return version == null;
        }
        return version != null && version.block() == read.getVersion().getBlockNum()
                && version.tx() == read.getVersion().getTxNum();
    }
}

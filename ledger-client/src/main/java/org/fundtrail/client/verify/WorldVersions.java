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
 * can be recomputed as Fabric's committer computes them. Values are not kept: only versions.
 */
final class WorldVersions {
    private static final long[] DELETED = new long[0];
    private final Map<String, TreeMap<String, long[]>> committed = new HashMap<>();
    private final Set<String> txIds = new HashSet<>();

    /** @return the updates of a new block, applied to this state on {@link BlockUpdates#commit()} */
    BlockUpdates begin() {
        return new BlockUpdates();
    }

    /** The writes of the valid transactions of one block so far, visible to its later transactions. */
    final class BlockUpdates {
        private final Map<String, TreeMap<String, long[]>> updates = new HashMap<>();
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
                TreeMap<String, long[]> ns = updates.computeIfAbsent(namespaces.get(n), k -> new TreeMap<>());
                for (KVWrite w : sets.get(n).getWritesList()) {
                    ns.put(w.getKey(), w.getIsDelete() || w.getValue().isEmpty() ? DELETED : new long[] {block, tx});
                }
            }
        }

        void commit() {
            txIds.addAll(blockTxIds);
            for (Map.Entry<String, TreeMap<String, long[]>> ns : updates.entrySet()) {
                TreeMap<String, long[]> target = committed.computeIfAbsent(ns.getKey(), k -> new TreeMap<>());
                for (Map.Entry<String, long[]> e : ns.getValue().entrySet()) {
                    if (e.getValue() == DELETED) {
                        target.remove(e.getKey());
                    } else {
                        target.put(e.getKey(), e.getValue());
                    }
                }
            }
        }

        private long[] current(String ns, String key) {
            TreeMap<String, long[]> u = updates.get(ns);
            long[] v = u == null ? null : u.get(key);
            if (v != null) {
                return v == DELETED ? null : v;
            }
            TreeMap<String, long[]> c = committed.get(ns);
            return c == null ? null : c.get(key);
        }

        /** Re-executes the range over committed state plus this block's earlier writes (Fabric's phantom check). */
        private boolean rangeUnchanged(String ns, RangeQueryInfo rq) {
            TreeMap<String, long[]> now = new TreeMap<>();
            now.putAll(range(committed.get(ns), rq.getStartKey(), rq.getEndKey()));
            for (Map.Entry<String, long[]> e : range(updates.get(ns), rq.getStartKey(), rq.getEndKey()).entrySet()) {
                if (e.getValue() == DELETED) {
                    now.remove(e.getKey());
                } else {
                    now.put(e.getKey(), e.getValue());
                }
            }
            var it = now.entrySet().iterator();
            for (KVRead r : rq.getRawReads().getKvReadsList()) {
                if (!it.hasNext()) {
                    return false;
                }
                Map.Entry<String, long[]> e = it.next();
                if (!e.getKey().equals(r.getKey()) || !sameVersion(r, e.getValue())) {
                    return false;
                }
            }
            return !rq.getItrExhausted() || !it.hasNext();
        }
    }

    private static NavigableMap<String, long[]> range(TreeMap<String, long[]> map, String start, String end) {
        if (map == null || (!end.isEmpty() && start.compareTo(end) > 0)) {
            return new TreeMap<>();
        }
        return end.isEmpty() ? map.tailMap(start, true) : map.subMap(start, true, end, false);
    }

    private static boolean sameVersion(KVRead read, long[] version) {
        if (!read.hasVersion()) {
            return version == null;
        }
        return version != null && version[0] == read.getVersion().getBlockNum()
                && version[1] == read.getVersion().getTxNum();
    }
}

package org.fundtrail.network.node.chaincode;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.fundtrail.network.node.store.HistoryEntry;
import org.fundtrail.network.node.store.KeyOrder;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.VersionedValue;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} over the node's committed state with Fabric's simulation semantics: reads
 * see committed state only (never the transaction's own writes), every read key is recorded with
 * its version, writes are collected (last one per key wins), range and partial-composite-key reads
 * are recorded for the committer's phantom check, and history comes from committed blocks.
 *
 * <pre>{@code
 * SimulationStub stub = new SimulationStub(context, store);
 * Chaincode.Response response = router.invoke(stub);
 * KVRWSet rwset = stub.readWriteSet();
 * }</pre>
 *
 * <p>Private data, rich queries and chaincode-to-chaincode calls are not supported (as on a LevelDB
 * peer for rich queries); they fail the transaction.
 */
public final class SimulationStub implements ChaincodeStub {
    /** Start key the shim uses for an unspecified range start; excludes composite keys. */
    private static final String UNSPECIFIED_START_KEY = "\u0001";
    /** U+10FFFF, the end of a partial-composite-key range. */
    private static final String MAX_UNICODE_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));
    private static final int PAGE = 128;

    private final InvocationContext context;
    private final LedgerStore store;
    private final String namespace;
    private final Map<String, KVRead> reads = new LinkedHashMap<>();
    private final TreeMap<String, KVWrite> writes = new TreeMap<>(KeyOrder.UTF8);
    private final List<RangeRecorder> ranges = new ArrayList<>();
    private ChaincodeEvent event;
    private boolean paginated;

    /**
     * @param context the proposal's invocation data
     * @param store the committed ledger state to read
     */
    public SimulationStub(InvocationContext context, LedgerStore store) {
        this.context = context;
        this.store = store;
        this.namespace = context.chaincodeName();
    }

    /**
     * @return the read/write set collected so far, in Fabric's canonical order: reads and writes sorted by key
     *     as Go sorts strings, by UTF-8 bytes ({@link KeyOrder}); range queries in the order they ran
     */
    public KVRWSet readWriteSet() {
        KVRWSet.Builder b = KVRWSet.newBuilder();
        TreeMap<String, KVRead> sortedReads = new TreeMap<>(KeyOrder.UTF8);
        sortedReads.putAll(reads);
        sortedReads.values().forEach(b::addReads);
        for (RangeRecorder r : ranges) {
            b.addRangeQueriesInfo(r.info());
        }
        writes.values().forEach(b::addWrites);
        return b.build();
    }

    /** @return whether a paginated query ran (Fabric refuses these in a transaction that writes) */
    public boolean usedPagination() {
        return paginated;
    }

    /** @return whether any key was written or deleted */
    public boolean hasWrites() {
        return !writes.isEmpty();
    }

    /** @return the chaincode event set by the transaction, or {@code null} */
    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public List<byte[]> getArgs() {
        return context.args().stream().map(ByteString::toByteArray).toList();
    }

    @Override
    public List<String> getStringArgs() {
        return context.args().stream().map(ByteString::toStringUtf8).toList();
    }

    @Override
    public String getFunction() {
        List<String> args = getStringArgs();
        return args.isEmpty() ? null : args.get(0);
    }

    @Override
    public List<String> getParameters() {
        List<String> args = getStringArgs();
        return args.isEmpty() ? List.of() : args.subList(1, args.size());
    }

    @Override
    public String getTxId() {
        return context.txId();
    }

    @Override
    public String getChannelId() {
        return context.channelId();
    }

    @Override
    public Chaincode.Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw new UnsupportedOperationException("chaincode-to-chaincode invocation is not supported by the embedded node");
    }

    @Override
    public byte[] getState(String key) {
        VersionedValue v = read(key);
        return v == null ? new byte[0] : v.value();
    }

    private VersionedValue read(String key) {
        try {
            VersionedValue v = store.state(namespace, key).orElse(null);
            reads.putIfAbsent(key, kvRead(key, v));
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KVRead kvRead(String key, VersionedValue v) {
        KVRead.Builder r = KVRead.newBuilder().setKey(key);
        if (v != null) {
            r.setVersion(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version.newBuilder()
                    .setBlockNum(v.version().blockNumber()).setTxNum(v.version().txNumber()));
        }
        return r.build();
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        return new byte[0];
    }

    @Override
    public void putState(String key, byte[] value) {
        checkKey(key);
        if (value == null || value.length == 0) {
            delState(key);
            return;
        }
        writes.put(key, KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)).build());
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw new UnsupportedOperationException("key-level endorsement policies are not supported by the embedded node");
    }

    @Override
    public void delState(String key) {
        checkKey(key);
        writes.put(key, KVWrite.newBuilder().setKey(key).setIsDelete(true).build());
    }

    private static void checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be an empty string");
        }
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        CompositeKey.validateSimpleKeys(start, endKey == null ? "" : endKey);
        return range(start, endKey == null ? "" : endKey);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
            int pageSize, String bookmark) {
        String start = startKey == null || startKey.isEmpty() ? UNSPECIFIED_START_KEY : startKey;
        return paginated(start, endKey == null ? "" : endKey, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        if (compositeKey == null || compositeKey.isEmpty()) {
            return getStateByPartialCompositeKey((CompositeKey) null);
        }
        // As the shim does: a plain string names an object type; a composite key string is parsed.
        return getStateByPartialCompositeKey(compositeKey.startsWith(CompositeKey.NAMESPACE)
                ? CompositeKey.parseCompositeKey(compositeKey) : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        String prefix = compositeKey == null ? CompositeKey.NAMESPACE : compositeKey.toString();
        return range(prefix, prefix + MAX_UNICODE_RUNE);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String prefix = compositeKey == null ? CompositeKey.NAMESPACE : compositeKey.toString();
        return paginated(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw new UnsupportedOperationException("ExecuteQuery not supported for leveldb");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String query, int pageSize,
            String bookmark) {
        throw new UnsupportedOperationException("ExecuteQuery not supported for leveldb");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        try {
            List<KeyModification> mods = new ArrayList<>();
            for (HistoryEntry e : store.history(namespace, key)) {
                mods.add(new Modification(e));
            }
            return new ListIterator<>(mods);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw privateData();
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw privateData();
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw privateData();
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw privateData();
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw privateData();
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw privateData();
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw privateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw privateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String compositeKey) {
        throw privateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection,
            CompositeKey compositeKey) {
        throw privateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String objectType,
            String... attributes) {
        throw privateData();
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw privateData();
    }

    private static UnsupportedOperationException privateData() {
        return new UnsupportedOperationException("private data is not supported by the embedded node");
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be empty string");
        }
        event = ChaincodeEvent.newBuilder().setChaincodeId(namespace).setTxId(context.txId()).setEventName(name)
                .setPayload(payload == null ? ByteString.EMPTY : ByteString.copyFrom(payload)).build();
    }

    @Override
    public SignedProposal getSignedProposal() {
        return context.signedProposal();
    }

    @Override
    public Instant getTxTimestamp() {
        return context.timestamp();
    }

    @Override
    public byte[] getCreator() {
        return context.creator().toByteArray();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        context.transientData().forEach((k, v) -> out.put(k, v.toByteArray()));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public byte[] getBinding() {
        return context.binding().toByteArray();
    }

    @Override
    public String getMspId() {
        return context.peerMspId();
    }

    private QueryResultsIterator<KeyValue> range(String start, String end) {
        RangeRecorder recorder = new RangeRecorder(start, end);
        ranges.add(recorder);
        return recorder;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> paginated(String start, String end, int pageSize,
            String bookmark) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        paginated = true;
        String from = bookmark == null || bookmark.isEmpty() ? start : bookmark;
        try {
            List<VersionedValue> page = store.range(namespace, from, end, pageSize + 1);
            String next = page.size() > pageSize ? page.get(pageSize).key() : "";
            List<KeyValue> values = page.stream().limit(pageSize).map(v -> (KeyValue) new Kv(v.key(), v.value())).toList();
            QueryResponseMetadata meta = QueryResponseMetadata.newBuilder().setFetchedRecordsCount(values.size())
                    .setBookmark(next).build();
            return new PagedIterator(values, meta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lazily paged range iterator that records what the chaincode consumed. */
    private final class RangeRecorder implements QueryResultsIterator<KeyValue>, Iterator<KeyValue> {
        private final String start;
        private final String end;
        private final List<KVRead> rawReads = new ArrayList<>();
        private List<VersionedValue> page = List.of();
        private int index;
        private String nextFrom;
        private boolean storeExhausted;

        RangeRecorder(String start, String end) {
            this.start = start;
            this.end = end;
            this.nextFrom = start;
        }

        RangeQueryInfo info() {
            return RangeQueryInfo.newBuilder().setStartKey(start).setEndKey(end)
                    .setItrExhausted(storeExhausted && index >= page.size())
                    .setRawReads(QueryReads.newBuilder().addAllKvReads(rawReads)).build();
        }

        @Override
        public Iterator<KeyValue> iterator() {
            return this;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return true;
            }
            if (storeExhausted) {
                return false;
            }
            try {
                List<VersionedValue> fetched = store.range(namespace, nextFrom, end, PAGE + 1);
                storeExhausted = fetched.size() <= PAGE;
                page = storeExhausted ? fetched : fetched.subList(0, PAGE);
                if (!storeExhausted) {
                    nextFrom = fetched.get(PAGE).key();
                }
                index = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return index < page.size();
        }

        @Override
        public KeyValue next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            VersionedValue v = page.get(index++);
            rawReads.add(kvRead(v.key(), v));
            return new Kv(v.key(), v.value());
        }

        @Override
        public void close() {
            // Nothing held open: pages are read eagerly.
        }
    }

    private record Kv(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private record Modification(HistoryEntry entry) implements KeyModification {
        @Override
        public String getTxId() {
            return entry.txId();
        }

        @Override
        public byte[] getValue() {
            return entry.value();
        }

        @Override
        public String getStringValue() {
            return new String(entry.value(), StandardCharsets.UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return entry.timestamp();
        }

        @Override
        public boolean isDeleted() {
            return entry.deleted();
        }
    }

    private static class ListIterator<T> implements QueryResultsIterator<T> {
        private final List<T> values;

        ListIterator(List<T> values) {
            this.values = values;
        }

        @Override
        public Iterator<T> iterator() {
            return values.iterator();
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private static final class PagedIterator extends ListIterator<KeyValue>
            implements QueryResultsIteratorWithMetadata<KeyValue> {
        private final QueryResponseMetadata metadata;

        PagedIterator(List<KeyValue> values, QueryResponseMetadata metadata) {
            super(values);
            this.metadata = metadata;
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }
    }
}

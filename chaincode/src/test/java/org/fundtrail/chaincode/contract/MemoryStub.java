package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
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
 * A {@link ChaincodeStub} for one transaction simulated against a {@link MemoryLedger}, with the semantics of a
 * Fabric 2.5 peer using LevelDB:
 *
 * <ul>
 *   <li>Reads ({@code getState}, range, partial-composite-key and history queries) see committed state only: a
 *       transaction cannot read its own writes. A missing key reads as an empty array, as through the real shim.
 *   <li>{@code putState}/{@code delState} buffer into the write set; a later write to a key replaces the earlier.
 *       {@code putState(key, new byte[0])} is a delete: the peer's read-write set builder marks a write with an
 *       empty value {@code IsDelete} ({@code rwsetutil.newKVWrite}), so it removes the key on commit.
 *   <li>Range queries are half-open {@code [start, end)} in UTF-8 byte order; an empty start or end is unbounded,
 *       and composite keys (starting with U+0000) are never returned, because the shim replaces an empty start
 *       with U+0001 and rejects composite bounds.
 *   <li>Paginated queries return a page of at most {@code pageSize} records with
 *       {@code QueryResponseMetadata{fetchedRecordsCount, bookmark}}, where the bookmark is the next key to read
 *       (empty when the range is exhausted), as the peer's LevelDB scanner does. As on the peer, they are refused
 *       after a write, and writes are refused after them (paginated queries are for read-only transactions).
 *   <li>Only the last {@code setEvent} survives.
 * </ul>
 *
 * <p>Private data, rich (CouchDB) queries, key-level endorsement parameters and chaincode-to-chaincode calls throw
 * {@link UnsupportedOperationException}. One stub serves one transaction on one thread.
 *
 * <pre>{@code
 * MemoryStub stub = ledger.newTransaction("tx1", Instant.EPOCH, alice.serialized(), "spending:Transfer", List.of());
 * stub.putStringState("k", "v");
 * assertThat(stub.getStringState("k")).isEmpty(); // not committed yet
 * ledger.commit(stub);
 * }</pre>
 */
public final class MemoryStub implements ChaincodeStub {

    /** The start key the shim substitutes for an empty one: the first key after the composite-key namespace. */
    private static final String UNBOUNDED_START = "\u0001";

    /** The shim's end of a partial-composite-key range: U+10FFFF, the largest code point. */
    private static final String MAX_UNICODE_RUNE = "\udbff\udfff";

    private final MemoryLedger ledger;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final List<String> args;
    private final String peerMspId;
    private final NavigableMap<String, byte[]> writeSet = new TreeMap<>(MemoryLedger.KEY_ORDER);
    private ChaincodeEvent event;
    private boolean writePerformed;
    private boolean paginatedQueryPerformed;
    private boolean committed;

    MemoryStub(
            final MemoryLedger ledger,
            final String txId,
            final Instant timestamp,
            final byte[] creator,
            final String function,
            final List<String> params,
            final String peerMspId) {
        this.ledger = ledger;
        this.txId = Objects.requireNonNull(txId, "txId");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.creator = Objects.requireNonNull(creator, "creator").clone();
        final List<String> all = new ArrayList<>();
        all.add(Objects.requireNonNull(function, "function"));
        all.addAll(Objects.requireNonNull(params, "params"));
        this.args = List.copyOf(all);
        this.peerMspId = peerMspId;
    }

    // ---- accessors for tests ----

    /**
     * The buffered write set, ordered by key in UTF-8 byte order (as Fabric orders a read-write set).
     *
     * @return key to a copy of the value written, or to {@code null} for a delete (including a put of an empty
     *     value); unmodifiable
     */
    public Map<String, byte[]> writes() {
        final Map<String, byte[]> copy = new LinkedHashMap<>();
        writeSet.forEach((key, value) -> copy.put(key, value == null ? null : value.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /** @return the name given to the last {@code setEvent}, or {@code null} when none was set */
    public String eventName() {
        return event == null ? null : event.getEventName();
    }

    /** @return the payload of the last {@code setEvent} (empty when it had none), or {@code null} when none was set */
    public byte[] eventPayload() {
        return event == null ? null : event.getPayload().toByteArray();
    }

    MemoryLedger ledger() {
        return ledger;
    }

    void markCommitted() {
        if (committed) {
            throw new IllegalStateException("transaction " + txId + " is committed already");
        }
        committed = true;
    }

    // ---- transaction context ----

    @Override
    public List<byte[]> getArgs() {
        final List<byte[]> bytes = new ArrayList<>(args.size());
        args.forEach(arg -> bytes.add(arg.getBytes(UTF_8)));
        return bytes;
    }

    @Override
    public List<String> getStringArgs() {
        return args;
    }

    @Override
    public String getFunction() {
        return args.get(0);
    }

    @Override
    public List<String> getParameters() {
        return args.subList(1, args.size());
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return MemoryLedger.CHANNEL_ID;
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Collections.emptyMap();
    }

    /** A deterministic stand-in for the proposal binding: SHA-256 of the transaction ID and the creator. */
    @Override
    public byte[] getBinding() {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(txId.getBytes(UTF_8));
            digest.update(creator);
            return digest.digest();
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return {@code null}: no signed proposal exists in memory */
    @Override
    public SignedProposal getSignedProposal() {
        return null;
    }

    @Override
    public String getMspId() {
        return peerMspId;
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        final ChaincodeEvent.Builder builder = ChaincodeEvent.newBuilder().setEventName(name);
        if (payload != null) {
            builder.setPayload(ByteString.copyFrom(payload));
        }
        event = builder.build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    // ---- world state ----

    /** @return the committed value, or an empty array when the key is absent (never this transaction's writes) */
    @Override
    public byte[] getState(final String key) {
        final byte[] value = ledger.get(key);
        return value == null ? new byte[0] : value;
    }

    @Override
    public void putState(final String key, final byte[] value) {
        Objects.requireNonNull(value, "value");
        beforeWrite(key);
        writeSet.put(key, value.length == 0 ? null : value.clone());
    }

    @Override
    public void delState(final String key) {
        beforeWrite(key);
        writeSet.put(key, null);
    }

    private void beforeWrite(final String key) {
        Objects.requireNonNull(key, "key cannot be null");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key cannot not be an empty string");
        }
        if (key.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new IllegalArgumentException("key is not valid UTF-16 (unpaired surrogate), so not valid UTF-8");
        }
        if (paginatedQueryPerformed) {
            // the peer's message, spelling included
            throw new IllegalStateException("txid [" + txId + "]: unsuppored transaction. Transaction has already"
                    + " performed a paginated query. Writes are not allowed");
        }
        writePerformed = true;
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        final String start = simpleStart(startKey);
        final String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return Results.of(toKeyValues(ledger.range(start, end.isEmpty() ? null : end)));
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            final String startKey, final String endKey, final int pageSize, final String bookmark) {
        final String start = simpleStart(startKey);
        final String end = endKey == null ? "" : endKey;
        CompositeKey.validateSimpleKeys(start, end);
        return page(start, end.isEmpty() ? null : end, pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        return getStateByPartialCompositeKey(
                compositeKey.startsWith(CompositeKey.NAMESPACE)
                        ? CompositeKey.parseCompositeKey(compositeKey)
                        : new CompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
            final String objectType, final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        final String prefix = partialKeyPrefix(compositeKey);
        return Results.of(toKeyValues(ledger.range(prefix, prefix + MAX_UNICODE_RUNE)));
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        final String prefix = partialKeyPrefix(compositeKey);
        return page(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    /**
     * The committed history of a key, newest first: the peer's history query executor walks its index backwards
     * ({@code core/ledger/kvledger/history/query_executer.go}). A delete appears with {@code isDeleted()} and an
     * empty value.
     */
    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        return Results.of(ledger.history(key));
    }

    private static String simpleStart(final String startKey) {
        return startKey == null || startKey.isEmpty() ? UNBOUNDED_START : startKey;
    }

    private static String partialKeyPrefix(final CompositeKey compositeKey) {
        return (compositeKey == null ? new CompositeKey(UNBOUNDED_START) : compositeKey).toString();
    }

    /**
     * One page as the peer builds it: the query is paginated unless {@code pageSize == 0} and the bookmark is
     * empty; a non-empty bookmark replaces the start key; a non-positive page size means no limit.
     */
    private QueryResultsIteratorWithMetadata<KeyValue> page(
            final String start, final String endOrNull, final int pageSize, final String bookmark) {
        Objects.requireNonNull(bookmark, "bookmark");
        final boolean paginated = pageSize != 0 || !bookmark.isEmpty();
        if (!paginated) {
            return Results.of(toKeyValues(ledger.range(start, endOrNull)));
        }
        if (writePerformed) {
            // the peer's message, spelling included
            throw new IllegalStateException("txid [" + txId + "]: unsuppored transaction. Paginated queries are"
                    + " supported only in a read-only transaction");
        }
        paginatedQueryPerformed = true;
        final List<Map.Entry<String, byte[]>> rest = ledger.range(bookmark.isEmpty() ? start : bookmark, endOrNull);
        final int limit = pageSize > 0 ? Math.min(pageSize, rest.size()) : rest.size();
        final String next = limit < rest.size() ? rest.get(limit).getKey() : "";
        final QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(limit)
                .setBookmark(next)
                .build();
        return new Results<>(toKeyValues(rest.subList(0, limit)), metadata);
    }

    private static List<KeyValue> toKeyValues(final List<Map.Entry<String, byte[]>> entries) {
        final List<KeyValue> values = new ArrayList<>(entries.size());
        entries.forEach(e -> values.add(new Kv(e.getKey(), e.getValue())));
        return values;
    }

    // ---- unsupported ----

    private static UnsupportedOperationException unsupported(final String what) {
        return new UnsupportedOperationException(what + " is not supported by MemoryStub (Fundtrail does not use it)");
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        throw unsupported("key-level endorsement (getStateValidationParameter)");
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        throw unsupported("key-level endorsement (setStateValidationParameter)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw unsupported("rich CouchDB query (getQueryResult)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            final String query, final int pageSize, final String bookmark) {
        throw unsupported("rich CouchDB query (getQueryResultWithPagination)");
    }

    @Override
    public Chaincode.Response invokeChaincode(final String chaincodeName, final List<byte[]> args, final String channel) {
        throw unsupported("chaincode-to-chaincode invocation (invokeChaincode)");
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw unsupported("private data (getPrivateData)");
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw unsupported("private data (getPrivateDataHash)");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw unsupported("private data (getPrivateDataValidationParameter)");
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw unsupported("private data (putPrivateData)");
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw unsupported("private data (setPrivateDataValidationParameter)");
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw unsupported("private data (delPrivateData)");
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw unsupported("private data (purgePrivateData)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(
            final String collection, final String startKey, final String endKey) {
        throw unsupported("private data (getPrivateDataByRange)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String compositeKey) {
        throw unsupported("private data (getPrivateDataByPartialCompositeKey)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final CompositeKey compositeKey) {
        throw unsupported("private data (getPrivateDataByPartialCompositeKey)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String objectType, final String... attributes) {
        throw unsupported("private data (getPrivateDataByPartialCompositeKey)");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw unsupported("private data (getPrivateDataQueryResult)");
    }

    // ---- results ----

    /** A state entry returned by a query. */
    private static final class Kv implements KeyValue {
        private final String key;
        private final byte[] value;

        Kv(final String key, final byte[] value) {
            this.key = key;
            this.value = value;
        }

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
            return new String(value, UTF_8);
        }

        @Override
        public String toString() {
            return key.replace("\u0000", "\\u0000") + "=" + getStringValue();
        }
    }

    /** Materialised query results; iterable more than once, closing is a no-op. */
    private static final class Results<T> implements QueryResultsIterator<T>, QueryResultsIteratorWithMetadata<T> {
        private final List<T> items;
        private final QueryResponseMetadata metadata;

        Results(final List<T> items, final QueryResponseMetadata metadata) {
            this.items = List.copyOf(items);
            this.metadata = metadata;
        }

        /** Unpaginated results: the peer sends no metadata, so the shim reports the empty default. */
        static <T> Results<T> of(final List<T> items) {
            return new Results<>(items, QueryResponseMetadata.getDefaultInstance());
        }

        @Override
        public Iterator<T> iterator() {
            return items.iterator();
        }

        @Override
        public QueryResponseMetadata getMetadata() {
            return metadata;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}

package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hyperledger.fabric.shim.ledger.KeyModification;

/**
 * The committed world state of one chaincode namespace, kept in memory, with per-key history.
 *
 * <p>Keys are ordered as Fabric's LevelDB state database orders them: by their UTF-8 bytes (see
 * {@link #KEY_ORDER}). A transaction is simulated on a {@link MemoryStub} from {@link #newTransaction}; its
 * buffered write set reaches this ledger only through {@link #commit(MemoryStub)}.
 *
 * <pre>{@code
 * MemoryLedger ledger = new MemoryLedger();
 * MemoryStub stub = ledger.newTransaction("tx1", Instant.EPOCH, alice.serialized(), "Put", List.of());
 * stub.putStringState("k", "v");
 * ledger.commit(stub);
 * assertThat(ledger.getString("k")).isEqualTo("v");
 * }</pre>
 *
 * <p>Thread-safe: every method locks the ledger, so a commit is seen by readers all at once.
 */
public final class MemoryLedger {

    /** The channel every stub of this ledger reports. */
    public static final String CHANNEL_ID = "fundtrail";

    /** The MSP ID of the endorsing peer when none is given. */
    public static final String DEFAULT_PEER_MSP_ID = "FinanceMSP";

    /**
     * Fabric's key order: by the keys' UTF-8 bytes, compared unsigned. UTF-8 preserves code point order, so this
     * compares code points; {@link String#compareTo} compares UTF-16 units instead and orders supplementary
     * characters (surrogate pairs) before U+E000..U+FFFF, unlike Fabric.
     */
    public static final Comparator<String> KEY_ORDER = MemoryLedger::compareUtf8;

    private final String peerMspId;
    private final NavigableMap<String, byte[]> state = new TreeMap<>(KEY_ORDER);
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();
    private final Set<String> committedTxIds = new HashSet<>();

    /** An empty ledger whose stubs report {@value #DEFAULT_PEER_MSP_ID} as the peer's MSP ID. */
    public MemoryLedger() {
        this(DEFAULT_PEER_MSP_ID);
    }

    /**
     * An empty ledger whose stubs report {@code peerMspId} from {@code getMspId()}.
     *
     * @param peerMspId the endorsing peer's MSP ID ({@code CORE_PEER_LOCALMSPID} on a real peer)
     */
    public MemoryLedger(final String peerMspId) {
        this.peerMspId = Objects.requireNonNull(peerMspId, "peerMspId");
    }

    /**
     * Starts simulating one transaction against this ledger.
     *
     * @param txId the transaction ID; must not be committed already when the stub is committed
     * @param timestamp the proposal timestamp, returned by {@code getTxTimestamp()} and recorded in history
     * @param creator the serialized {@code msp.SerializedIdentity} of the submitter (see
     *     {@link TestIdentities.TestIdentity#serialized()})
     * @param function the function name as the client sent it, e.g. {@code "spending:Transfer"}
     * @param params the function's string parameters
     * @return a stub whose reads see this ledger's committed state and whose writes are buffered
     */
    public MemoryStub newTransaction(
            final String txId,
            final Instant timestamp,
            final byte[] creator,
            final String function,
            final List<String> params) {
        return new MemoryStub(this, txId, timestamp, creator, function, params, peerMspId);
    }

    /**
     * Applies a transaction's write set atomically and appends one history entry per written key.
     *
     * @param stub a stub created by this ledger and not committed yet
     * @throws IllegalArgumentException if the stub belongs to another ledger
     * @throws IllegalStateException if the stub was committed already, or its transaction ID was committed before
     *     (Fabric marks such a transaction {@code DUPLICATE_TXID}); the ledger is then unchanged
     */
    public synchronized void commit(final MemoryStub stub) {
        Objects.requireNonNull(stub, "stub");
        if (stub.ledger() != this) {
            throw new IllegalArgumentException("stub of transaction " + stub.getTxId() + " belongs to another ledger");
        }
        if (committedTxIds.contains(stub.getTxId())) {
            throw new IllegalStateException("duplicate transaction ID " + stub.getTxId());
        }
        stub.markCommitted();
        committedTxIds.add(stub.getTxId());
        for (final Map.Entry<String, byte[]> write : stub.writes().entrySet()) {
            final String key = write.getKey();
            final byte[] value = write.getValue();
            if (value == null) {
                state.remove(key);
            } else {
                state.put(key, value.clone());
            }
            history.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new HistoryEntry(stub.getTxId(), stub.getTxTimestamp(), value));
        }
    }

    /**
     * An immutable copy of the committed state, for assertions such as "a refusal changed nothing".
     *
     * @return the state now; later commits do not change it
     */
    public synchronized Snapshot snapshot() {
        return new Snapshot(state);
    }

    /**
     * The committed value of a key.
     *
     * @param key a simple or composite key
     * @return a copy of the value, or {@code null} when the key is absent (unlike {@code ChaincodeStub#getState},
     *     which returns an empty array)
     */
    public synchronized byte[] get(final String key) {
        final byte[] value = state.get(key);
        return value == null ? null : value.clone();
    }

    /**
     * The committed value of a key as UTF-8 text.
     *
     * @param key a simple or composite key
     * @return the value, or {@code null} when the key is absent
     */
    public String getString(final String key) {
        final byte[] value = get(key);
        return value == null ? null : new String(value, UTF_8);
    }

    /**
     * The committed keys.
     *
     * @return an immutable copy, in {@link #KEY_ORDER}
     */
    public synchronized NavigableSet<String> keys() {
        final NavigableSet<String> keys = new TreeSet<>(KEY_ORDER);
        keys.addAll(state.keySet());
        return Collections.unmodifiableNavigableSet(keys);
    }

    /**
     * The committed history of a key, newest first, as {@code getHistoryForKey} returns it.
     *
     * @param key a simple or composite key
     * @return one entry per committed transaction that wrote or deleted the key
     */
    public synchronized List<KeyModification> history(final String key) {
        final List<KeyModification> entries = new ArrayList<>(history.getOrDefault(key, List.of()));
        Collections.reverse(entries);
        return List.copyOf(entries);
    }

    /** Committed entries with {@code start <= key < end} in {@link #KEY_ORDER}; {@code end == null} is unbounded. */
    synchronized List<Map.Entry<String, byte[]>> range(final String start, final String end) {
        final NavigableMap<String, byte[]> view = end == null ? state.tailMap(start, true) : rangeView(start, end);
        final List<Map.Entry<String, byte[]>> entries = new ArrayList<>(view.size());
        view.forEach((key, value) -> entries.add(Map.entry(key, value.clone())));
        return entries;
    }

    private NavigableMap<String, byte[]> rangeView(final String start, final String end) {
        if (KEY_ORDER.compare(start, end) >= 0) {
            return Collections.emptyNavigableMap();
        }
        return state.subMap(start, true, end, false);
    }

    static int compareUtf8(final String left, final String right) {
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            final int a = left.codePointAt(i);
            final int b = right.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(left.length() - i, right.length() - j);
    }

    /** One committed modification of a key, as the peer's history database reports it. */
    private static final class HistoryEntry implements KeyModification {
        private final String txId;
        private final Instant timestamp;
        private final byte[] value;

        HistoryEntry(final String txId, final Instant timestamp, final byte[] valueOrNull) {
            this.txId = txId;
            this.timestamp = timestamp;
            this.value = valueOrNull == null ? null : valueOrNull.clone();
        }

        @Override
        public String getTxId() {
            return txId;
        }

        /** The value written, or an empty array for a delete (as the shim reports it). */
        @Override
        public byte[] getValue() {
            return value == null ? new byte[0] : value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(getValue(), UTF_8);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public boolean isDeleted() {
            return value == null;
        }

        @Override
        public String toString() {
            return txId + "@" + timestamp + (isDeleted() ? " deleted" : " " + getStringValue());
        }
    }

    /**
     * An immutable copy of the committed state. Two snapshots are equal when they hold the same keys with the same
     * bytes, so {@code assertThat(ledger.snapshot()).isEqualTo(before)} works.
     */
    public static final class Snapshot {
        private final NavigableMap<String, byte[]> entries = new TreeMap<>(KEY_ORDER);

        private Snapshot(final Map<String, byte[]> state) {
            state.forEach((key, value) -> entries.put(key, value.clone()));
        }

        /**
         * The keys in this snapshot.
         *
         * @return an unmodifiable view, in {@link #KEY_ORDER}
         */
        public NavigableSet<String> keys() {
            return Collections.unmodifiableNavigableSet(entries.navigableKeySet());
        }

        /**
         * A value in this snapshot.
         *
         * @param key a key
         * @return a copy of the value, or {@code null} when absent
         */
        public byte[] get(final String key) {
            final byte[] value = entries.get(key);
            return value == null ? null : value.clone();
        }

        /**
         * The snapshot as UTF-8 text, for map assertions.
         *
         * @return key to decoded value, in {@link #KEY_ORDER}
         */
        public Map<String, String> asStringMap() {
            final Map<String, String> strings = new LinkedHashMap<>();
            entries.forEach((key, value) -> strings.put(key, new String(value, UTF_8)));
            return Collections.unmodifiableMap(strings);
        }

        /** @return the number of keys */
        public int size() {
            return entries.size();
        }

        @Override
        public boolean equals(final Object other) {
            if (!(other instanceof Snapshot)) {
                return false;
            }
            final Snapshot that = (Snapshot) other;
            if (!entries.keySet().equals(that.entries.keySet())) {
                return false;
            }
            return entries.entrySet().stream()
                    .allMatch(e -> Arrays.equals(e.getValue(), that.entries.get(e.getKey())));
        }

        @Override
        public int hashCode() {
            int hash = 0;
            for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
                hash += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
            }
            return hash;
        }

        /** Keys with their composite-key delimiters (U+0000) escaped, values as UTF-8 text. */
        @Override
        public String toString() {
            final StringBuilder text = new StringBuilder("Snapshot{");
            String separator = "";
            for (final Map.Entry<String, String> e : asStringMap().entrySet()) {
                text.append(separator).append(e.getKey().replace("\u0000", "\\u0000")).append('=').append(e.getValue());
                separator = ", ";
            }
            return text.append('}').toString();
        }
    }
}

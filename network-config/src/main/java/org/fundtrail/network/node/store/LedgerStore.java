package org.fundtrail.network.node.store;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hyperledger.fabric.protos.common.Block;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node's durable ledger: blocks, transaction index, world state, key history and savepoint in
 * one RocksDB database (one column family each). A block and everything it changes is written as
 * one synced {@link WriteBatch}, so after a crash the store holds either the whole block or none of
 * it; see {@code docs/STORAGE.md}.
 *
 * <pre>{@code
 * try (LedgerStore store = LedgerStore.open(dir)) {
 *   long height = store.height();
 * }
 * }</pre>
 *
 * <p>Thread-safe: reads may run concurrently with one committing thread.
 */
public final class LedgerStore implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private static final byte[] HEIGHT = "height".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LAST_HASH = "lastHeaderHash".getBytes(StandardCharsets.UTF_8);
    private static final byte SEPARATOR = 0;

    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final RocksDB db;
    private final List<ColumnFamilyHandle> handles;
    private final ColumnFamilyHandle blocks;
    private final ColumnFamilyHandle txIndex;
    private final ColumnFamilyHandle state;
    private final ColumnFamilyHandle history;
    private final ColumnFamilyHandle meta;
    private final WriteOptions syncWrites;
    private final boolean readOnly;
    /** Reads hold it shared; close holds it exclusively, so no native handle is used after close. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lifecycle =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private boolean closed;
    private volatile long height;
    private volatile byte[] lastHeaderHash;

    private LedgerStore(DBOptions dbOptions, ColumnFamilyOptions cfOptions, RocksDB db,
            List<ColumnFamilyHandle> handles, boolean readOnly) throws RocksDBException {
        this.readOnly = readOnly;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.db = db;
        this.handles = handles;
        this.blocks = handles.get(1);
        this.txIndex = handles.get(2);
        this.state = handles.get(3);
        this.history = handles.get(4);
        this.meta = handles.get(5);
        this.syncWrites = new WriteOptions().setSync(true);
        byte[] h = db.get(meta, HEIGHT);
        this.height = h == null ? 0 : ByteBuffer.wrap(h).getLong();
        this.lastHeaderHash = db.get(meta, LAST_HASH);
        if (!readOnly) {
            removeBlocksAboveSavepoint();
        }
    }

    /**
     * Opens (creating if needed) the store in a directory.
     *
     * @param directory the database directory
     * @return the open store
     * @throws IOException when RocksDB cannot open it (for instance, another process holds its lock)
     */
    public static LedgerStore open(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Files.createDirectories(directory);
        DBOptions dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxOpenFiles(256).setKeepLogFileNum(2);
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions().optimizeLevelStyleCompaction(32L << 20);
        List<ColumnFamilyDescriptor> descriptors = descriptors(cfOptions);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
            return new LedgerStore(dbOptions, cfOptions, db, handles, false);
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.close();
            throw new IOException("cannot open ledger store at " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The store's column families, in the order their handles are kept. */
    private static List<ColumnFamilyDescriptor> descriptors(ColumnFamilyOptions cfOptions) {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        for (String name : List.of("blocks", "txindex", "state", "history", "meta")) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
        }
        return descriptors;
    }

    /**
     * Opens an existing store for reading only, for instance a stopped node's or a copy of it: RocksDB's
     * read-only mode writes nothing, takes no lock, leaves the write-ahead log as it is (its records are
     * read into memory only) and keeps its info log out of the folder. Every read verifies checksums.
     *
     * <pre>{@code
     * try (LedgerStore store = LedgerStore.openReadOnly(dir)) {
     *   Optional<Block> genesis = store.block(0);
     * }
     * }</pre>
     *
     * @param directory the database directory
     * @return the open store; {@link #commit} refuses
     * @throws IOException when there is no store there or RocksDB cannot read it (a
     *     {@link CorruptStoreException} when its files are damaged)
     */
    public static LedgerStore openReadOnly(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (!Files.exists(directory.resolve("CURRENT"))) {
            throw new IOException("there is no ledger store at " + directory);
        }
        Path logDir = Files.createTempDirectory("fundtrail-store-log");
        DBOptions dbOptions = new DBOptions().setCreateIfMissing(false).setMaxOpenFiles(256).setParanoidChecks(true)
                .setDbLogDir(logDir.toString());
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descriptors = descriptors(cfOptions);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.openReadOnly(dbOptions, directory.toString(), descriptors, handles);
            return new LedgerStore(dbOptions, cfOptions, db, handles, true);
        } catch (RocksDBException e) {
            dbOptions.close();
            cfOptions.close();
            if (isCorruption(e)) {
                throw new CorruptStoreException(-1, "the ledger store at " + directory + " is damaged: "
                        + e.getMessage(), e);
            }
            throw new IOException("cannot open ledger store at " + directory + " read-only: " + e.getMessage(), e);
        }
    }

    private static boolean isCorruption(RocksDBException e) {
        return e.getStatus() != null && e.getStatus().getCode() == org.rocksdb.Status.Code.Corruption
                || String.valueOf(e.getMessage()).contains("Corruption");
    }

    /** Deletes any block stored above the savepoint (impossible with atomic batches; kept as a guard). */
    private void removeBlocksAboveSavepoint() throws RocksDBException {
        try (RocksIterator it = db.newIterator(blocks)) {
            it.seek(longKey(height));
            List<byte[]> extra = new ArrayList<>();
            for (; it.isValid(); it.next()) {
                extra.add(it.key());
            }
            for (byte[] k : extra) {
                db.delete(blocks, k);
            }
        }
    }

    /** @return the number of committed blocks (the next block's number) */
    public long height() {
        return height;
    }

    /** @return SHA-256 of the last committed block's header, or {@code null} when the ledger is empty */
    public byte[] lastHeaderHash() {
        byte[] h = lastHeaderHash;
        return h == null ? null : h.clone();
    }

    /**
     * Reads a committed block.
     *
     * @param number the block number
     * @return the block, or empty when not (yet) committed
     * @throws IOException when the stored bytes cannot be read or parsed
     */
    public Optional<Block> block(long number) throws IOException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return doBlock(number);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Optional<Block> doBlock(long number) throws IOException {
        if (number < 0 || number >= height) {
            return Optional.empty();
        }
        try {
            byte[] bytes = db.get(blocks, longKey(number));
            if (bytes == null) {
                throw new CorruptStoreException(number, "block " + number + " is missing from the ledger store "
                        + "(height " + height + ")", null);
            }
            Block block = Block.parseFrom(bytes);
            if (block.getHeader().getNumber() != number) {
                throw new CorruptStoreException(number, "block " + number + " is stored as block "
                        + block.getHeader().getNumber(), null);
            }
            return Optional.of(block);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptStoreException(number, "block " + number + " is damaged in the ledger store: "
                    + e.getMessage(), e);
        } catch (RocksDBException e) {
            if (isCorruption(e)) {
                throw new CorruptStoreException(number, "block " + number + " is damaged in the ledger store: "
                        + e.getMessage(), e);
            }
            throw new IOException("cannot read block " + number + ": " + e.getMessage(), e);
        }
    }

    /**
     * Looks up where a transaction ID was first committed.
     *
     * @param txId the transaction ID
     * @return its location and validation code, or empty when never committed
     * @throws IOException on a storage failure
     */
    public Optional<TxLocation> transaction(String txId) throws IOException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return doTransaction(txId);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Optional<TxLocation> doTransaction(String txId) throws IOException {
        try {
            byte[] v = db.get(txIndex, txId.getBytes(StandardCharsets.UTF_8));
            if (v == null) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(v);
            return Optional.of(new TxLocation(b.getLong(), b.getInt(), b.getInt()));
        } catch (RocksDBException e) {
            throw new IOException("cannot read transaction index", e);
        }
    }

    /**
     * Reads a committed state value.
     *
     * @param namespace the chaincode name
     * @param key the key
     * @return the value and its version, or empty when the key does not exist
     * @throws IOException on a storage failure
     */
    public Optional<VersionedValue> state(String namespace, String key) throws IOException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return doState(namespace, key);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private Optional<VersionedValue> doState(String namespace, String key) throws IOException {
        try {
            byte[] v = db.get(state, stateKey(namespace, key));
            return v == null ? Optional.empty() : Optional.of(decodeState(key, v));
        } catch (RocksDBException e) {
            throw new IOException("cannot read state", e);
        }
    }

    /**
     * Reads committed state in key order over {@code [startKey, endKey)}.
     *
     * @param namespace the chaincode name
     * @param startKey inclusive start ({@code ""} for the namespace's first key)
     * @param endKey exclusive end ({@code ""} for no bound)
     * @param limit the most entries to return
     * @return the entries, in key order
     * @throws IOException on a storage failure
     */
    public List<VersionedValue> range(String namespace, String startKey, String endKey, int limit)
            throws IOException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return doRange(namespace, startKey, endKey, limit);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<VersionedValue> doRange(String namespace, String startKey, String endKey, int limit)
            throws IOException {
        byte[] prefix = stateKey(namespace, "");
        byte[] from = stateKey(namespace, startKey);
        byte[] to = endKey.isEmpty() ? nextPrefix(prefix) : stateKey(namespace, endKey);
        List<VersionedValue> out = new ArrayList<>();
        try (Slice upper = new Slice(to);
                ReadOptions ro = new ReadOptions().setIterateUpperBound(upper);
                RocksIterator it = db.newIterator(state, ro)) {
            for (it.seek(from); it.isValid() && out.size() < limit; it.next()) {
                byte[] k = it.key();
                String key = new String(k, prefix.length, k.length - prefix.length, StandardCharsets.UTF_8);
                out.add(decodeState(key, it.value()));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new IOException("cannot scan state", e);
        }
        return out;
    }

    /**
     * Reads a key's committed history, newest first (as Fabric 2.x returns it).
     *
     * @param namespace the chaincode name
     * @param key the key
     * @return every committed modification of the key
     * @throws IOException on a storage failure
     */
    public List<HistoryEntry> history(String namespace, String key) throws IOException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return doHistory(namespace, key);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<HistoryEntry> doHistory(String namespace, String key) throws IOException {
        byte[] prefix = historyPrefix(namespace, key);
        List<HistoryEntry> out = new ArrayList<>();
        try (Slice upper = new Slice(nextPrefix(prefix));
                ReadOptions ro = new ReadOptions().setIterateUpperBound(upper);
                RocksIterator it = db.newIterator(history, ro)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                ByteBuffer k = ByteBuffer.wrap(it.key(), prefix.length, 16);
                Version version = new Version(k.getLong(), k.getLong());
                ByteBuffer v = ByteBuffer.wrap(it.value());
                boolean deleted = v.get() == 1;
                Instant ts = Instant.ofEpochSecond(v.getLong(), v.getInt());
                byte[] txId = new byte[v.getShort()];
                v.get(txId);
                byte[] value = new byte[v.remaining()];
                v.get(value);
                out.add(new HistoryEntry(new String(txId, StandardCharsets.UTF_8), ts, value, deleted, version));
            }
            it.status();
        } catch (RocksDBException e) {
            throw new IOException("cannot read history", e);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Appends a block with its index entries, state writes, history and the new savepoint, as one
     * synced atomic write.
     *
     * @param commit the block and its effects; its number must equal {@link #height()}
     * @throws IOException on a storage failure (nothing of the block is then stored)
     */
    public synchronized void commit(BlockCommit commit) throws IOException {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            doCommit(commit);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void doCommit(BlockCommit commit) throws IOException {
        if (readOnly) {
            throw new IllegalStateException("the ledger store was opened read-only");
        }
        long number = commit.block().getHeader().getNumber();
        if (number != height) {
            throw new IllegalStateException("expected block " + height + ", got " + number);
        }
        try (WriteBatch batch = new WriteBatch()) {
            batch.put(blocks, longKey(number), commit.block().toByteArray());
            CrashPoint.reached("block-batched", number);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < commit.txIds().size(); i++) {
                String txId = commit.txIds().get(i);
                if (txId.isEmpty() || !seen.add(txId) || doTransaction(txId).isPresent()) {
                    continue; // the first occurrence of a transaction ID is the one indexed, as in Fabric
                }
                batch.put(txIndex, txId.getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(16).putLong(number)
                        .putInt(i).putInt(commit.validationCodes().get(i)).array());
            }
            for (StateWrite w : commit.writes()) {
                stateWrite(batch, w);
            }
            CrashPoint.reached("state-batched", number);
            for (StateWrite w : commit.writes()) {
                historyWrite(batch, w);
            }
            CrashPoint.reached("before-savepoint", number);
            batch.put(meta, HEIGHT, longKey(number + 1));
            batch.put(meta, LAST_HASH, commit.headerHash());
            db.write(syncWrites, batch);
            CrashPoint.reached("after-savepoint", number);
        } catch (RocksDBException e) {
            throw new IOException("cannot commit block " + number, e);
        }
        lastHeaderHash = commit.headerHash().clone();
        height = number + 1;
    }

    private void stateWrite(WriteBatch batch, StateWrite w) throws RocksDBException {
        byte[] sk = stateKey(w.namespace(), w.key());
        if (w.value() == null) {
            batch.delete(state, sk);
        } else {
            batch.put(state, sk, ByteBuffer.allocate(16 + w.value().length).putLong(w.version().blockNumber())
                    .putLong(w.version().txNumber()).put(w.value()).array());
        }
    }

    private void historyWrite(WriteBatch batch, StateWrite w) throws RocksDBException {
        byte[] prefix = historyPrefix(w.namespace(), w.key());
        byte[] hk = ByteBuffer.allocate(prefix.length + 16).put(prefix).putLong(w.version().blockNumber())
                .putLong(w.version().txNumber()).array();
        byte[] txId = w.txId().getBytes(StandardCharsets.UTF_8);
        byte[] value = w.value() == null ? new byte[0] : w.value();
        batch.put(history, hk, ByteBuffer.allocate(1 + 12 + 2 + txId.length + value.length)
                .put((byte) (w.value() == null ? 1 : 0)).putLong(w.timestamp().getEpochSecond())
                .putInt(w.timestamp().getNano()).putShort((short) txId.length).put(txId).put(value).array());
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("the ledger store is closed");
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lifecycle.writeLock().unlock();
        }
        syncWrites.close();
        if (readOnly) {
            deleteTree(Path.of(dbOptions.dbLogDir()));
        }
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        dbOptions.close();
        cfOptions.close();
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }

    private static VersionedValue decodeState(String key, byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v);
        Version version = new Version(b.getLong(), b.getLong());
        return new VersionedValue(key, Arrays.copyOfRange(v, 16, v.length), version);
    }

    private static byte[] longKey(long n) {
        return ByteBuffer.allocate(8).putLong(n).array();
    }

    /** namespace, 0x00, key: bytewise order of UTF-8 equals Fabric's (Go string) key order. */
    private static byte[] stateKey(String namespace, String key) {
        byte[] ns = namespace.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(ns.length + 1 + k.length).put(ns).put(SEPARATOR).put(k).array();
    }

    /** namespace, 0x00, key length, key: length-prefixed so no key's history prefixes another's. */
    private static byte[] historyPrefix(String namespace, String key) {
        byte[] ns = namespace.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(ns.length + 5 + k.length).put(ns).put(SEPARATOR).putInt(k.length).put(k).array();
    }

    private static byte[] nextPrefix(byte[] prefix) {
        byte[] next = prefix.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xff) {
                next[i]++;
                return Arrays.copyOf(next, i + 1);
            }
        }
        throw new IllegalArgumentException("no upper bound for an all-0xff prefix");
    }
}

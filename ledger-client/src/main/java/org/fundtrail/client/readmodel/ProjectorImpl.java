package org.fundtrail.client.readmodel;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fundtrail.client.readmodel.BlockDecoder.DecodedBlock;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The projector: a reader thread pulls blocks from the source, decodes them (protobuf, JSON,
 * certificates) and checks that they chain, while the writing thread hands whatever is already
 * decoded, in batches, to the read model's {@link ProjectionStore}, one database transaction each.
 */
final class ProjectorImpl implements Projector {
    private static final System.Logger LOG = System.getLogger(ProjectorImpl.class.getName());
    private static final int QUEUE = 256;
    /** The longest wait between retries after failures in a row. */
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(60);

    private final ReadModel readModel;
    private final BlockSource source;
    private final String chaincode;
    private final int maxBlocksPerTx;
    private final int maxRecordsPerTx;
    private final Duration retryDelay;
    private final Object runLock = new Object();
    /** Where blocks are written: the read model's single writer, held until close. */
    private final ProjectionStore store;

    private volatile boolean closed;
    private volatile Thread background;
    private volatile BlockSource.Stream current;
    private volatile Exception failure;
    private volatile boolean stopped;
    /** The header hash of the checkpoint block, read with the checkpoint: the next block must chain to it. */
    private byte[] lastHash;

    private ProjectorImpl(BuilderImpl b) throws ReadModelException {
        if (!(b.readModel instanceof ProjectionStore.Target target)) {
            throw new IllegalArgumentException("readModel: not opened by ReadModel.open");
        }
        this.readModel = b.readModel;
        this.source = b.source;
        this.chaincode = b.chaincode;
        this.maxBlocksPerTx = b.maxBlocksPerTx;
        this.maxRecordsPerTx = b.maxRecordsPerTx;
        this.retryDelay = b.retryDelay;
        this.store = target.projection(b.hook);
    }

    @Override
    public long runOnce(long maxBlocks) throws ReadModelException, IOException {
        if (maxBlocks < 1) {
            throw new IllegalArgumentException("maxBlocks: " + maxBlocks + " is less than 1");
        }
        if (background != null) {
            throw new IllegalStateException("the projector is running in the background");
        }
        requireOpen();
        synchronized (runLock) {
            return pump(maxBlocks);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the projector is closed");
        }
    }

    @Override
    public synchronized void start() {
        requireOpen();
        if (background != null) {
            throw new IllegalStateException("the projector is already started");
        }
        Thread thread = new Thread(this::follow, "fundtrail-projector");
        thread.setDaemon(true);
        background = thread;
        thread.start();
    }

    private void follow() {
        Duration delay = retryDelay;
        String lastMessage = null;
        while (!closed) {
            try {
                synchronized (runLock) {
                    pump(Long.MAX_VALUE);
                }
                delay = retryDelay;
                lastMessage = null;
            } catch (ProjectionException e) {
                failure = e;
                stopped = true;
                LOG.log(System.Logger.Level.ERROR, "projection stopped: " + e.getMessage());
                return;
            } catch (ReadModelException | IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                failure = e;
                if (!java.util.Objects.equals(lastMessage, e.getMessage())) {
                    // One line per distinct failure; the same failure again is only counted by the backoff.
                    LOG.log(System.Logger.Level.WARNING, "projection failed, retrying with backoff from " + delay
                            + ": " + e.getMessage());
                }
                lastMessage = e.getMessage();
                delay = nextDelay(delay);
            }
            try {
                Thread.sleep(retryDelay.isZero() ? 0 : delay.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Exponential backoff: doubles after each failure in a row, up to {@link #MAX_RETRY_DELAY}. */
    static Duration nextDelay(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : doubled;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public long checkpoint() throws ReadModelException {
        return readModel.checkpoint();
    }

    @Override
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }

    /** Applies blocks from checkpoint + 1 until {@code maxBlocks} are applied or the stream ends. */
    private long pump(long maxBlocks) throws ReadModelException, IOException {
        long next = writerCheckpoint() + 1;
        byte[] previousHash = lastHash;
        BlockSource.Stream stream = source.blocks(next);
        current = stream;
        if (closed) {
            stream.close();
        }
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
        Thread reader = new Thread(() -> read(stream, next, previousHash, queue),
                "fundtrail-projector-reader");
        reader.setDaemon(true);
        reader.start();
        long applied = 0;
        try {
            while (applied < maxBlocks) {
                Item item = take(queue);
                if (!(item instanceof Item.Decoded first)) {
                    end(item);
                    break;
                }
                List<DecodedBlock> batch = new ArrayList<>();
                batch.add(first.block());
                int records = first.block().recordCount();
                Item stop = null;
                while (batch.size() < maxBlocksPerTx && applied + batch.size() < maxBlocks
                        && records < maxRecordsPerTx) {
                    Item more = queue.peek();
                    if (more instanceof Item.Decoded d && records + d.block().recordCount() > maxRecordsPerTx) {
                        break;
                    }
                    more = queue.poll();
                    if (more == null) {
                        break;
                    }
                    if (more instanceof Item.Decoded d) {
                        batch.add(d.block());
                        records += d.block().recordCount();
                    } else {
                        stop = more;
                        break;
                    }
                }
                commit(batch);
                applied += batch.size();
                if (stop != null) {
                    end(stop);
                    break;
                }
            }
        } finally {
            current = null;
            stream.close();
            reader.interrupt();
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return applied;
    }

    /**
     * What the reader thread hands the writing thread, in stream order: decoded blocks, then one
     * item saying why no more come.
     */
    private sealed interface Item permits Item.Decoded, Item.End, Item.Refused, Item.SourceFailed {
        /** The next block, decoded and checked to chain to the one before. */
        record Decoded(DecodedBlock block) implements Item {
        }

        /** The stream ended (or the projector is closing). */
        record End() implements Item {
        }

        /** The next block cannot be projected: out of order, a fork, or undecodable. */
        record Refused(ProjectionException cause) implements Item {
        }

        /** The source failed while streaming. */
        record SourceFailed(IOException cause) implements Item {
        }
    }

    private static Item take(BlockingQueue<Item> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for blocks", e);
        }
    }

    /** Handles the item that ends a stream: returns at its end, throws why it stopped otherwise. */
    private static void end(Item item) throws ReadModelException, IOException {
        if (item instanceof Item.Refused refused) {
            throw refused.cause();
        }
        if (item instanceof Item.SourceFailed failed) {
            throw failed.cause();
        }
        if (!(item instanceof Item.End)) {
            throw new IllegalStateException("a block where the stream's end was expected: " + item);
        }
    }

    /** The reader thread: pulls, checks order, decodes, queues; ends with {@link Item.End} or a failure. */
    private void read(BlockSource.Stream stream, long first, byte[] previousHash, BlockingQueue<Item> queue) {
        BlockDecoder decoder = new BlockDecoder(chaincode);
        long expected = first;
        byte[] previous = previousHash;
        Item last = new Item.End();
        try {
            while (!closed && !Thread.currentThread().isInterrupted() && stream.hasNext()) {
                Block block = stream.next();
                long number = block.getHeader().getNumber();
                if (number < expected) {
                    continue;
                }
                if (number > expected) {
                    last = new Item.Refused(new ProjectionException(number, null, "expected block " + expected
                            + " next, the source delivered block " + number, null));
                    break;
                }
                DecodedBlock decoded = decoder.decode(block);
                if (previous != null && !java.util.Arrays.equals(previous, decoded.previousHash())) {
                    last = new Item.Refused(new ProjectionException(number, null, "fork: its previous_hash "
                            + HexFormat.of().formatHex(decoded.previousHash()) + " is not the header hash "
                            + HexFormat.of().formatHex(previous) + " of block " + (number - 1) + " as projected: the "
                            + "ledger is not the one the read model was built from (it lost or rewrote blocks); "
                            + "projection stopped", null));
                    break;
                }
                previous = decoded.headerHash();
                queue.put(new Item.Decoded(decoded));
                expected++;
            }
        } catch (ProjectionException e) {
            last = new Item.Refused(e);
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException e) {
            last = closed ? new Item.End() : new Item.SourceFailed(new IOException("the block source failed at "
                    + "block " + expected + ": " + e.getMessage(), e));
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long writerCheckpoint() throws ReadModelException {
        ProjectionStore.Checkpoint checkpoint = store.checkpoint();
        lastHash = checkpoint.headerHash();
        return checkpoint.blockNumber();
    }

    /** Applies a batch in one transaction; a block that cannot be projected is left out with all after it. */
    private void commit(List<DecodedBlock> batch) throws ReadModelException {
        store.apply(batch);
        failure = null;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        BlockSource.Stream stream = current;
        if (stream != null) {
            stream.close();
        }
        Thread thread = background;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (runLock) {
            store.close();
        }
    }

    /** The builder. */
    static final class BuilderImpl implements Builder {
        private ReadModel readModel;
        private BlockSource source;
        private String chaincode;
        private int maxBlocksPerTx = 200;
        private int maxRecordsPerTx = 50_000;
        private Duration retryDelay = Duration.ofSeconds(2);
        private ProjectionWriter.Hook hook = () -> { };

        @Override
        public Builder readModel(ReadModel readModel) {
            this.readModel = Objects.requireNonNull(readModel, "readModel");
            return this;
        }

        @Override
        public Builder source(BlockSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        @Override
        public Builder chaincode(String name) {
            this.chaincode = Objects.requireNonNull(name, "name");
            return this;
        }

        @Override
        public Builder maxBlocksPerTransaction(int blocks) {
            if (blocks < 1) {
                throw new IllegalArgumentException("blocks: " + blocks + " is less than 1");
            }
            this.maxBlocksPerTx = blocks;
            return this;
        }

        @Override
        public Builder maxRecordsPerTransaction(int records) {
            if (records < 1) {
                throw new IllegalArgumentException("records: " + records + " is less than 1");
            }
            this.maxRecordsPerTx = records;
            return this;
        }

        @Override
        public Builder retryDelay(Duration delay) {
            this.retryDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** Test hook: runs after every row written (throw from it to crash mid-block). */
        Builder hook(ProjectionWriter.Hook value) {
            this.hook = Objects.requireNonNull(value, "hook");
            return this;
        }

        @Override
        public Projector build() throws ReadModelException {
            Objects.requireNonNull(readModel, "readModel");
            Objects.requireNonNull(source, "source");
            return new ProjectorImpl(this);
        }
    }
}

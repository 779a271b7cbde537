package org.fundtrail.cli;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.fundtrail.client.readmodel.BlockSource;
import org.hyperledger.fabric.protos.common.Block;

/**
 * A fixed number of blocks from a live stream, each awaited at most a bounded time: a stream that
 * would wait for blocks the ledger does not have (it is behind, or stopped) ends with
 * {@link NotDelivered} instead of hanging. Failures of the stream come out of {@link #next()} as they
 * were thrown.
 *
 * <pre>{@code
 * try (BoundedBlocks blocks = new BoundedBlocks(source.blocks(1), 100, Duration.ofSeconds(10))) {
 *     while (blocks.hasNext()) verifier.verify(blocks.next());
 * }
 * }</pre>
 */
final class BoundedBlocks implements Iterator<Block>, AutoCloseable {
    /** The next block did not arrive in time. */
    static final class NotDelivered extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long blockNumber;

        NotDelivered(long blockNumber, Duration wait) {
            super("block " + blockNumber + " was not delivered within " + wait.toSeconds() + " s");
            this.blockNumber = blockNumber;
        }

        /** @return the block waited for */
        long blockNumber() {
            return blockNumber;
        }
    }

    private static final Object END = new Object();
    private final BlockSource.Stream stream;
    private final Duration wait;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final Thread reader;
    private long expected;
    private long left;

    /**
     * @param stream the stream, positioned at {@code first}; closed with this
     * @param first the number of the stream's first block
     * @param count how many blocks to take
     * @param wait the longest wait for each block
     */
    BoundedBlocks(BlockSource.Stream stream, long first, long count, Duration wait) {
        this.stream = stream;
        this.wait = wait;
        this.expected = first;
        this.left = count;
        this.reader = new Thread(() -> read(count), "fundtrail-verify-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(long count) {
        try {
            for (long i = 0; i < count; i++) {
                Object item;
                try {
                    item = stream.hasNext() ? stream.next() : END;
                } catch (RuntimeException e) {
                    item = e;
                }
                queue.put(item);
                if (!(item instanceof Block)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public boolean hasNext() {
        return left > 0;
    }

    @Override
    public Block next() {
        if (left <= 0) {
            throw new NoSuchElementException();
        }
        Object item;
        try {
            item = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotDelivered(expected, wait);
        }
        if (item == null || item == END) {
            throw new NotDelivered(expected, wait);
        }
        if (item instanceof RuntimeException e) {
            throw e;
        }
        left--;
        expected++;
        return (Block) item;
    }

    @Override
    public void close() {
        stream.close();
        reader.interrupt();
    }
}

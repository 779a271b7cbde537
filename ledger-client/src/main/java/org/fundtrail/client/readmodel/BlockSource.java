package org.fundtrail.client.readmodel;

import java.io.IOException;
import java.util.Iterator;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Where committed blocks come from: a peer's block event stream (through the Fabric Gateway
 * client), the embedded node's store, or a file. The projector asks for blocks from its checkpoint
 * on, so a source needs no memory of its own.
 *
 * <pre>{@code
 * BlockSource source = start -> {
 *     CloseableIterator<Block> events = network.newBlockEventsRequest().startBlock(start).build().getEvents();
 *     return BlockSource.stream(events, events::close);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface BlockSource {
    /**
     * Opens a stream of blocks in order, starting at {@code startBlock}; on a live ledger
     * {@code hasNext()} blocks until the next block is committed.
     *
     * @param startBlock the first block wanted, from 0
     * @return the blocks; the caller closes it
     * @throws IOException when the source cannot be reached
     */
    Stream blocks(long startBlock) throws IOException;

    /**
     * Adapts an iterator and its close action to a {@link Stream}.
     *
     * @param blocks the blocks
     * @param onClose what closing the stream does (e.g. cancel the gRPC call)
     * @return the stream
     */
    static Stream stream(Iterator<Block> blocks, Runnable onClose) {
        return new Stream() {
            @Override
            public boolean hasNext() {
                return blocks.hasNext();
            }

            @Override
            public Block next() {
                return blocks.next();
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }

    /**
     * Blocks in order; closing it releases the source (and may be called from another thread to
     * unblock a waiting {@code hasNext()}). Failures while iterating are unchecked, as in the
     * Gateway client.
     */
    interface Stream extends Iterator<Block>, AutoCloseable {
        @Override
        void close();
    }
}

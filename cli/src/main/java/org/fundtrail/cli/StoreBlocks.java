package org.fundtrail.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.fundtrail.client.readmodel.BlockSource;
import org.fundtrail.network.node.store.LedgerStore;
import org.hyperledger.fabric.protos.common.Block;

/**
 * The blocks of an embedded node's store read directly, with no node running: for {@code fundtrail
 * verify} on a stopped or copied data folder. A stream ends at the store's height; a block that cannot
 * be read fails the stream with an {@link UncheckedIOException} whose cause names it (a
 * {@link org.fundtrail.network.node.store.CorruptStoreException} when the store is damaged).
 *
 * <pre>{@code
 * try (LedgerStore store = LedgerStore.openReadOnly(dir)) {
 *     BlockSource blocks = new StoreBlocks(store);
 * }
 * }</pre>
 */
final class StoreBlocks implements BlockSource {
    private final LedgerStore store;

    /** @param store an open store (the caller closes it) */
    StoreBlocks(LedgerStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Stream blocks(long startBlock) {
        return new Stream() {
            private long next = startBlock;

            @Override
            public boolean hasNext() {
                return next < store.height();
            }

            @Override
            public Block next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the store holds blocks 0 to " + (store.height() - 1));
                }
                try {
                    Block block = store.block(next).orElseThrow(() -> new NoSuchElementException("no block " + next));
                    next++;
                    return block;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                // the store stays open for its owner
            }
        };
    }
}

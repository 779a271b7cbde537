package org.fundtrail.network.node.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.util.Optional;
import org.fundtrail.network.node.order.Committer;
import org.fundtrail.network.node.store.LedgerStore;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Reads committed blocks for event streams, blocking until a block is committed, and paces a stream
 * to its client's flow control so a replay of a large ledger never piles up in memory.
 */
final class BlockSource {
    private final LedgerStore store;
    private final Committer committer;

    BlockSource(LedgerStore store, Committer committer) {
        this.store = store;
        this.committer = committer;
    }

    long height() {
        return store.height();
    }

    /**
     * @return the block, once committed; empty when the call was cancelled first
     */
    Optional<Block> await(long number, ServerCallStreamObserver<?> call) throws IOException, InterruptedException {
        while (!call.isCancelled()) {
            if (committer.awaitBlock(number, 250)) {
                while (!call.isReady() && !call.isCancelled()) {
                    Thread.sleep(1);
                }
                return store.block(number);
            }
        }
        return Optional.empty();
    }

    Optional<org.fundtrail.network.node.store.TxLocation> transaction(String txId) throws IOException {
        return store.transaction(txId);
    }
}

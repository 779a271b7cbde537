package org.fundtrail.client.readmodel;

import java.util.List;
import org.hyperledger.fabric.protos.common.Block;

/** A finite block source over a list: the stream ends after the last block. */
final class Blocks implements BlockSource {
    private final List<Block> blocks;
    int opened;

    Blocks(List<Block> blocks) {
        this.blocks = blocks;
    }

    @Override
    public Stream blocks(long startBlock) {
        opened++;
        return BlockSource.stream(blocks.subList((int) Math.min(startBlock, blocks.size()), blocks.size()).iterator(),
                () -> { });
    }
}

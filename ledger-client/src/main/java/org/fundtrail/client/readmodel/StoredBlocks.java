package org.fundtrail.client.readmodel;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Arrays;
import java.util.HexFormat;
import org.fundtrail.client.verify.BlockHashes;
import org.hyperledger.fabric.protos.common.Block;

/** Checks a block's bytes as the read model stores them against the chain, before anyone is handed them. */
final class StoredBlocks {
    private StoredBlocks() {
    }

    /**
     * @param number the block's number
     * @param data its stored bytes
     * @param headerHash the header hash recorded when it was projected, or null (projected before it was)
     * @param nextData the next block's stored bytes, or null when not stored
     * @throws CorruptBlockException when the bytes are not the block that was projected
     */
    static void check(long number, byte[] data, byte[] headerHash, byte[] nextData) throws CorruptBlockException {
        Block block = parse(number, data);
        if (block.getHeader().getNumber() != number) {
            throw new CorruptBlockException(number, "its header says block " + block.getHeader().getNumber());
        }
        if (!Arrays.equals(BlockHashes.dataHash(block.getData()), block.getHeader().getDataHash().toByteArray())) {
            throw new CorruptBlockException(number, "its data hash does not match its transactions");
        }
        byte[] computed = BlockHashes.headerHash(block.getHeader());
        if (headerHash != null && !Arrays.equals(computed, headerHash)) {
            throw new CorruptBlockException(number, "its header hash is " + HexFormat.of().formatHex(computed)
                    + ", the block projected had " + HexFormat.of().formatHex(headerHash));
        }
        if (nextData != null) {
            byte[] previous;
            try {
                previous = Block.parseFrom(nextData).getHeader().getPreviousHash().toByteArray();
            } catch (InvalidProtocolBufferException e) {
                return; // the next block's own check reports it
            }
            if (!Arrays.equals(computed, previous)) {
                throw new CorruptBlockException(number, "its header hash " + HexFormat.of().formatHex(computed)
                        + " is not block " + (number + 1) + "'s previous_hash " + HexFormat.of().formatHex(previous));
            }
        }
    }

    private static Block parse(long number, byte[] data) throws CorruptBlockException {
        try {
            return Block.parseFrom(data);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptBlockException(number, "its bytes do not parse as a block: " + e.getMessage());
        }
    }
}

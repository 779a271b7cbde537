package org.fundtrail.client.readmodel;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import org.fundtrail.client.verify.BlockHashes;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;

/** Checks a block's bytes as the read model stores them against the chain, before anyone is handed them. */
final class StoredBlocks {
    /** Block.header: field 1, length-delimited. */
    private static final int HEADER_TAG = 1 << 3 | 2;

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
        checkHeader(number, block.getHeader().toByteArray(), headerHash,
                nextData == null ? null : headerBytes(nextData));
    }

    /**
     * The header of a stored block: the bytes of its field 1 ({@code common.BlockHeader}), read without
     * parsing the rest of the block.
     *
     * @return the header's bytes, or null when the block's bytes do not parse that far
     */
    static byte[] headerBytes(byte[] data) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(data);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (tag == HEADER_TAG) {
                    return in.readByteArray();
                }
                if (!in.skipField(tag)) {
                    return null;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The header-level check of {@link #check}: what a header served without its block must pass.
     *
     * @param number the block's number
     * @param header its stored header's bytes ({@link #headerBytes}), or null when they do not parse
     * @param headerHash the header hash recorded when it was projected, or null (projected before it was)
     * @param nextHeader the next block's stored header bytes, or null when not stored or not read
     * @throws CorruptBlockException when the header is not the one that was projected
     */
    static void checkHeader(long number, byte[] header, byte[] headerHash, byte[] nextHeader)
            throws CorruptBlockException {
        if (header == null) {
            throw new CorruptBlockException(number, "its bytes do not parse as a block with a header");
        }
        BlockHeader h;
        try {
            h = BlockHeader.parseFrom(header);
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptBlockException(number, "its header does not parse: " + e.getMessage());
        }
        if (h.getNumber() != number) {
            throw new CorruptBlockException(number, "its header says block " + h.getNumber());
        }
        byte[] computed = BlockHashes.headerHash(h);
        if (headerHash != null && !Arrays.equals(computed, headerHash)) {
            throw new CorruptBlockException(number, "its header hash is " + HexFormat.of().formatHex(computed)
                    + ", the block projected had " + HexFormat.of().formatHex(headerHash));
        }
        if (nextHeader != null) {
            byte[] previous;
            try {
                previous = BlockHeader.parseFrom(nextHeader).getPreviousHash().toByteArray();
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

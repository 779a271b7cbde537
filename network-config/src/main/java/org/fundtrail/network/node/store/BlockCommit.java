package org.fundtrail.network.node.store;

import java.util.List;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Everything one block changes in the store, written as one synced atomic batch.
 *
 * <pre>{@code store.commit(new BlockCommit(block, headerHash, txIds, codes, writes));}</pre>
 *
 * @param block the complete block (with its transaction filter)
 * @param headerHash SHA-256 of the block header's ASN.1 encoding
 * @param txIds the transaction ID of each envelope, in block order ({@code null} when unparseable)
 * @param validationCodes the validation code of each envelope, in block order
 * @param writes the valid writes, in block order
 */
public record BlockCommit(Block block, byte[] headerHash, List<String> txIds, List<Integer> validationCodes,
        List<StateWrite> writes) {
    /** Checks the lists agree with the block. */
    public BlockCommit {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(headerHash, "headerHash");
        txIds = List.copyOf(Objects.requireNonNull(txIds, "txIds").stream().map(t -> t == null ? "" : t).toList());
        validationCodes = List.copyOf(validationCodes);
        writes = List.copyOf(writes);
        if (txIds.size() != block.getData().getDataCount() || validationCodes.size() != txIds.size()) {
            throw new IllegalArgumentException("one txId and one validation code per envelope required");
        }
    }
}

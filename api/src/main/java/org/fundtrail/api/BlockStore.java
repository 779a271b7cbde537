package org.fundtrail.api;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fundtrail.client.readmodel.ReadModelException;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Where {@code GET /api/v1/blocks/{n}} (and {@code GET /api/v1/headers}) finds the raw bytes of a committed block (the
 * {@code common.Block} protobuf exactly as the ledger's Deliver service serves it), so anyone can
 * check a record with the verifier. A server built without one answers 501 on that route.
 *
 * <pre>{@code
 * ApiServer.newInstance().readModel(readModel).blocks(number -> store.block(number)).build();
 * }</pre>
 */
@FunctionalInterface
public interface BlockStore {
    /**
     * @param number the block number, from 0
     * @return the block's bytes, empty when the ledger has no such block
     * @throws IOException when the store cannot be read
     * @throws ReadModelException when the store is the read model and it cannot be read
     */
    Optional<byte[]> block(long number) throws IOException, ReadModelException;

    /**
     * The headers of blocks {@code first..last} for {@code GET /api/v1/headers}: each block's
     * {@code common.BlockHeader} bytes, checked as the store checks what it serves. This default reads
     * each whole block with {@link #block}; a store that can read headers alone overrides it (the read
     * model's {@link org.fundtrail.client.readmodel.ReadModel#headers}).
     *
     * @param first the first block number
     * @param last the last, inclusive
     * @return the headers in order from {@code first}, up to the first block the store does not hold
     * @throws IOException when the store cannot be read
     * @throws ReadModelException when the store is the read model and it cannot be read (a
     *     {@link org.fundtrail.client.readmodel.CorruptBlockException} when a stored block is damaged)
     */
    default List<byte[]> headers(long first, long last) throws IOException, ReadModelException {
        List<byte[]> out = new ArrayList<>();
        for (long n = first; n <= last; n++) {
            Optional<byte[]> b = block(n);
            if (b.isEmpty()) {
                break;
            }
            try {
                out.add(Block.parseFrom(b.get()).getHeader().toByteArray());
            } catch (InvalidProtocolBufferException e) {
                throw new org.fundtrail.client.readmodel.CorruptBlockException(n, "its bytes do not parse as a block");
            }
        }
        return out;
    }

    /**
     * @param readModel the read model that stores the blocks
     * @return a store serving its checked blocks and headers
     */
    static BlockStore of(org.fundtrail.client.readmodel.ReadModel readModel) {
        return new BlockStore() {
            @Override
            public Optional<byte[]> block(long number) throws ReadModelException {
                return readModel.block(number);
            }

            @Override
            public List<byte[]> headers(long first, long last) throws ReadModelException {
                return readModel.headers(first, last);
            }
        };
    }
}

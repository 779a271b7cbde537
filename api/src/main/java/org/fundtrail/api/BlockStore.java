package org.fundtrail.api;

import java.io.IOException;
import java.util.Optional;
import org.fundtrail.client.readmodel.ReadModelException;

/**
 * Where {@code GET /api/v1/blocks/{n}} finds the raw bytes of a committed block (the
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
}

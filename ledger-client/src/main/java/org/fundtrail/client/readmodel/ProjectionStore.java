package org.fundtrail.client.readmodel;

import java.util.List;
import org.fundtrail.client.readmodel.BlockDecoder.DecodedBlock;

/**
 * The write side of a read model, held by one projector at a time: where it resumes and where it
 * applies decoded blocks. The projector keeps what does not depend on the database (reading and
 * decoding blocks, checking that they chain, batching, retrying); a store keeps the database's
 * rules (one transaction per batch, the checkpoint moving with the rows, damage detection).
 */
interface ProjectionStore extends AutoCloseable {
    /**
     * Where projection stands.
     *
     * @param blockNumber the last block fully applied, or -1 when none is
     * @param headerHash that block's header hash, or null (none yet, or projected before it was kept)
     */
    record Checkpoint(long blockNumber, byte[] headerHash) {
        /** Copies the hash. */
        public Checkpoint {
            headerHash = headerHash == null ? null : headerHash.clone();
        }

        /** @return a copy of the header hash, or null */
        @Override
        public byte[] headerHash() {
            return headerHash == null ? null : headerHash.clone();
        }
    }

    /**
     * @return the checkpoint as the writer sees it
     * @throws DamagedReadModelException when the database is damaged
     * @throws ReadModelException when the database cannot be read
     */
    Checkpoint checkpoint() throws ReadModelException;

    /**
     * Applies blocks in one transaction, moving the checkpoint to the last. When a block cannot be
     * projected, the blocks before it are committed and it is left out with all after it.
     *
     * @param batch consecutive blocks following the checkpoint, at least one
     * @throws ProjectionException when a block cannot be projected (the ones before it are applied)
     * @throws DamagedReadModelException when the database is damaged (nothing is applied)
     * @throws ReadModelException when the database fails (nothing is applied)
     */
    void apply(List<DecodedBlock> batch) throws ReadModelException;

    /** Gives the writer back to the read model: another projector may then attach. Idempotent. */
    @Override
    void close();

    /** A read model a projector can write to. */
    interface Target {
        /**
         * @param hook runs after every row written (tests throw from it to crash mid-block)
         * @return the store, holding the read model's single writer until closed
         * @throws IllegalStateException when the read model is read-only, closed or already has a projector
         * @throws ReadModelException when the writer connection cannot be opened
         */
        ProjectionStore projection(ProjectionWriter.Hook hook) throws ReadModelException;
    }
}

package org.fundtrail.client.readmodel;

import java.time.Duration;
import java.util.Optional;

/**
 * Follows committed blocks and writes them into a {@link ReadModel}, exactly once: the checkpoint
 * (the last block fully applied) moves in the same database transaction as that block's rows, so
 * whatever moment the process dies, a restart resumes at {@code checkpoint + 1} and the read model
 * ends up equal to one rebuilt from block 0. A block is never split across transactions; when
 * catching up, several blocks share one transaction. Invalid transactions are recorded with their
 * validation code and change nothing else.
 *
 * <pre>{@code
 * try (Projector projector = Projector.newInstance().readModel(readModel).source(blocks).build()) {
 *     projector.start();            // follow the ledger in the background
 *     ...
 * }
 * long applied = Projector.newInstance().readModel(readModel).source(blocks).build().runOnce(1000);
 * }</pre>
 */
public interface Projector extends AutoCloseable {
    /** @return a builder */
    static Builder newInstance() {
        return new ProjectorImpl.BuilderImpl();
    }

    /**
     * Applies up to {@code maxBlocks} blocks after the checkpoint, in the calling thread, and returns
     * when they are applied or the source has no more. On a live source whose stream waits for new
     * blocks, this waits too: use {@link #start()} to follow a live ledger.
     *
     * @param maxBlocks the most blocks to apply, at least 1
     * @return how many blocks were applied
     * @throws ProjectionException when a block cannot be projected (it is not applied)
     * @throws ReadModelException when the database fails (the open transaction is rolled back)
     * @throws java.io.IOException when the source cannot be reached or fails while streaming
     * @throws IllegalStateException when the projector is running in the background or closed
     */
    long runOnce(long maxBlocks) throws ReadModelException, java.io.IOException;

    /**
     * Follows the ledger in a background thread until {@link #close()}: after a failure of the
     * source or the database it waits and resumes from the checkpoint, with exponential backoff from
     * {@link Builder#retryDelay} (doubling to 60 s), logging one line per distinct failure.
     * A {@link ProjectionException} stops it (see {@link #failure()} and {@link #stopped()}).
     *
     * @throws IllegalStateException when already started or closed
     */
    void start();

    /**
     * @return the last block fully applied, or -1
     * @throws ReadModelException when the database cannot be read
     */
    long checkpoint() throws ReadModelException;

    /** @return the last failure of the background thread, if any (cleared by a later successful block) */
    Optional<Exception> failure();

    /**
     * @return whether the background thread stopped for good on a {@link ProjectionException} (a block it
     *     cannot project, a fork): {@link #failure()} says why; only an operator can fix it
     */
    boolean stopped();

    /** Stops the background thread (waiting for the block being written), closes the source stream. */
    @Override
    void close();

    /** Builds a {@link Projector}. */
    interface Builder {
        /**
         * @param readModel where to write (at most one projector per read model)
         * @return this builder
         */
        Builder readModel(ReadModel readModel);

        /**
         * @param source where the blocks come from
         * @return this builder
         */
        Builder source(BlockSource source);

        /**
         * @param name only events of this chaincode are projected (default: any chaincode that emits
         *     Fundtrail events)
         * @return this builder
         */
        Builder chaincode(String name);

        /**
         * @param blocks the most blocks written in one database transaction when catching up
         *     (default 200)
         * @return this builder
         */
        Builder maxBlocksPerTransaction(int blocks);

        /**
         * @param records the most records written in one database transaction, unless a single
         *     block holds more (default 50,000)
         * @return this builder
         */
        Builder maxRecordsPerTransaction(int records);

        /**
         * @param delay how long the background thread waits after a first failure (default 2 s); the wait
         *     doubles after each further failure in a row, up to 60 s
         * @return this builder
         */
        Builder retryDelay(Duration delay);

        /**
         * @return the projector
         * @throws NullPointerException when the read model or the source is missing
         * @throws IllegalStateException when the read model already has a projector
         * @throws ReadModelException when the writer connection cannot be opened
         */
        Projector build() throws ReadModelException;
    }
}

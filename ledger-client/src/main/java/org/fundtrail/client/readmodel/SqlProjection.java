package org.fundtrail.client.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.fundtrail.client.readmodel.BlockDecoder.DecodedBlock;

/**
 * The JDBC projection store: one writer connection (reopened after a failure) and the
 * {@link ProjectionWriter} prepared on it.
 */
final class SqlProjection implements ProjectionStore {
    /** Opens a writer connection. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final String url;
    private final Connector connector;
    private final ProjectionWriter.Hook hook;
    private final Runnable onClose;
    private Connection writer;
    private ProjectionWriter writes;
    private boolean closed;

    /**
     * @param url the database, for messages
     * @param connector opens the writer connection
     * @param hook runs after every row written
     * @param onClose gives the writer back to the read model
     * @throws ReadModelException when the first writer connection cannot be opened
     */
    SqlProjection(String url, Connector connector, ProjectionWriter.Hook hook, Runnable onClose)
            throws ReadModelException {
        this.url = url;
        this.connector = connector;
        this.hook = hook;
        this.onClose = onClose;
        try {
            writer = connector.connect();
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            discardWriter();
            throw new ReadModelException("cannot open the writer connection: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Checkpoint checkpoint() throws ReadModelException {
        requireOpen();
        try {
            Checkpoint checkpoint;
            try (Statement st = writer().createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT block_number, header_hash FROM projector_checkpoint WHERE id = 1")) {
                checkpoint = rs.next() ? new Checkpoint(rs.getLong(1), rs.getBytes(2)) : new Checkpoint(-1, null);
            }
            writer.rollback();
            return checkpoint;
        } catch (SQLException e) {
            discardWriter();
            if (DamagedReadModelException.isDamage(e)) {
                throw new DamagedReadModelException(url, "reading the checkpoint", e);
            }
            throw new ReadModelException("cannot read the checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void apply(List<DecodedBlock> batch) throws ReadModelException {
        requireOpen();
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("batch: no blocks");
        }
        int done = 0;
        try {
            writer();
            for (DecodedBlock block : batch) {
                writes.apply(block);
                done++;
            }
            writer.commit();
        } catch (ProjectionException e) {
            rollback();
            if (done > 0) {
                apply(batch.subList(0, done));
            }
            throw e;
        } catch (SQLException | RuntimeException e) {
            discardWriter();
            if (DamagedReadModelException.isDamage(e)) {
                throw new DamagedReadModelException(url, "writing blocks " + batch.get(0).number() + " to "
                        + batch.get(batch.size() - 1).number(), e);
            }
            throw new ReadModelException("cannot write blocks " + batch.get(0).number() + " to "
                    + batch.get(batch.size() - 1).number() + " (rolled back): " + e.getMessage(), e);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the projection store is closed");
        }
    }

    /** @return the writer connection, reopened (with its statements) after a failure discarded it */
    private Connection writer() throws SQLException {
        if (writer == null || writer.isClosed()) {
            writer = connector.connect();
            writer.setAutoCommit(false);
            writes = null;
        }
        if (writes == null) {
            writes = new ProjectionWriter(writer, hook);
        }
        return writer;
    }

    private void rollback() throws ReadModelException {
        try {
            writer.rollback();
        } catch (SQLException e) {
            discardWriter();
            throw new ReadModelException("cannot roll back: " + e.getMessage(), e);
        }
    }

    private void discardWriter() {
        if (writes != null) {
            writes.close();
            writes = null;
        }
        if (writer != null) {
            try {
                writer.rollback();
                writer.close();
            } catch (SQLException ignored) {
                // the connection is being replaced
            }
            writer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        discardWriter(); // rolls back what a failed batch left open, then closes
        onClose.run();
    }
}

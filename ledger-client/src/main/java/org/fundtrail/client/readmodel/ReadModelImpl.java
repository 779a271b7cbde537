package org.fundtrail.client.readmodel;

import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;

/**
 * The JDBC read model: a pool of query-only reader connections, and one writer handed to a projector
 * as a {@link SqlProjection}.
 */
final class ReadModelImpl implements ReadModel, ProjectionStore.Target {
    private static final int POOL = 4;
    /** Flyway logs every migration step at INFO; unless the application configured it, keep it to warnings. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        if (FLYWAY_LOG.getLevel() == null) {
            FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        }
    }

    private final String url;
    private final boolean sqlite;
    private final boolean readOnly;
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean writerTaken = new AtomicBoolean();

    private ReadModelImpl(String url, boolean readOnly) {
        this.url = url;
        this.sqlite = url.startsWith("jdbc:sqlite:");
        this.readOnly = readOnly;
    }

    static ReadModel open(String jdbcUrl) throws ReadModelException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl: '" + jdbcUrl + "' is not a JDBC URL (jdbc:...)");
        }
        ReadModelImpl model = new ReadModelImpl(jdbcUrl, false);
        try (Connection c = model.connect()) {
            if (model.sqlite) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=WAL");
                }
            }
        } catch (SQLException e) {
            throw failure(jdbcUrl, "opening it", e);
        }
        model.migrate();
        return model;
    }

    static ReadModel openReadOnly(String jdbcUrl) throws ReadModelException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        ReadModelImpl model = new ReadModelImpl(jdbcUrl, true);
        if (model.sqlite && !java.nio.file.Files.exists(java.nio.file.Path.of(jdbcUrl.substring("jdbc:sqlite:"
                .length())))) {
            throw new ReadModelException("there is no read model at " + jdbcUrl, null);
        }
        model.checkpoint();
        return model;
    }

    @Override
    public Optional<byte[]> block(long number) throws ReadModelException {
        StoredBlock[] pair = read("block " + number, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT block_number, data, header_hash FROM blocks "
                    + "WHERE block_number IN (?, ?) ORDER BY block_number")) {
                st.setLong(1, number);
                st.setLong(2, number + 1);
                StoredBlock[] found = new StoredBlock[2];
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found[(int) (rs.getLong(1) - number)] = new StoredBlock(rs.getBytes(2), rs.getBytes(3));
                    }
                }
                return found;
            }
        });
        if (pair[0] == null) {
            return Optional.empty();
        }
        StoredBlocks.check(number, pair[0].data(), pair[0].headerHash(), pair[1] == null ? null : pair[1].data());
        return Optional.of(pair[0].data());
    }

    @Override
    public List<byte[]> headers(long first, long last) throws ReadModelException {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("no block range " + first + ".." + last);
        }
        List<StoredHeader> rows = read("block headers " + first + ".." + last, c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT block_number, data, header_hash FROM blocks "
                    + "WHERE block_number BETWEEN ? AND ? ORDER BY block_number")) {
                st.setLong(1, first);
                st.setLong(2, last + 1);
                List<StoredHeader> found = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next() && rs.getLong(1) == first + found.size()) {
                        found.add(new StoredHeader(StoredBlocks.headerBytes(rs.getBytes(2)), rs.getBytes(3)));
                    }
                }
                return found;
            }
        });
        List<byte[]> headers = new ArrayList<>();
        for (int i = 0; i < rows.size() && first + i <= last; i++) {
            byte[] next = i + 1 < rows.size() ? rows.get(i + 1).header() : null;
            StoredBlocks.checkHeader(first + i, rows.get(i).header(), rows.get(i).headerHash(), next);
            headers.add(rows.get(i).header());
        }
        return headers;
    }

    private record StoredBlock(byte[] data, byte[] headerHash) {
    }

    /** A stored block's header bytes (null when they do not parse) and the header hash kept at projection. */
    private record StoredHeader(byte[] header, byte[] headerHash) {
    }

    /** The vendor folder of the migrations: {@code db/migration/<vendor>}. */
    private String vendor() {
        String rest = url.substring("jdbc:".length());
        return rest.substring(0, Math.max(0, rest.indexOf(':'))).toLowerCase(Locale.ROOT);
    }

    private void migrate() throws ReadModelException {
        try {
            Flyway.configure(ReadModelImpl.class.getClassLoader())
                    .dataSource(url, null, null)
                    .locations("classpath:db/migration/" + vendor())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (DamagedReadModelException.isDamage(e)) {
                throw new DamagedReadModelException(url, "migrating it", e);
            }
            throw new ReadModelException("cannot migrate the read model at " + url + " (migrations exist for "
                    + "sqlite): " + e.getMessage(), e);
        }
    }

    /** Opens the writer's connection (or, for a read-only model, a reader's). */
    private Connection connect() throws SQLException {
        return connect(readOnly);
    }

    /**
     * @param reader whether the connection only queries: a reader of the pool refuses writes even
     *     when the read model is writable ({@code PRAGMA query_only} on SQLite)
     */
    private Connection connect(boolean reader) throws SQLException {
        Connection c;
        if (readOnly && sqlite) {
            org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
            config.setReadOnly(true);
            c = DriverManager.getConnection(url, config.toProperties());
        } else {
            c = DriverManager.getConnection(url);
            if (!sqlite) {
                // sqlite-jdbc fixes the flag when it opens; query_only below does it for SQLite
                c.setReadOnly(reader);
            }
        }
        if (sqlite) {
            try (Statement st = c.createStatement()) {
                if (reader) {
                    st.execute("PRAGMA query_only=1");
                }
                st.execute("PRAGMA busy_timeout=30000");
                // WAL + NORMAL: a commit survives a crash of the process; after a power loss the last
                // commits may be lost, which only moves the checkpoint back (blocks are re-applied).
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA cache_size=-65536");
                st.execute("PRAGMA temp_store=MEMORY");
            }
        }
        return c;
    }

    /** Hands the single writer to a projector, until it closes the store. */
    @Override
    public ProjectionStore projection(ProjectionWriter.Hook hook) throws ReadModelException {
        Objects.requireNonNull(hook, "hook");
        requireOpen();
        if (readOnly) {
            throw new IllegalStateException("this read model was opened read-only");
        }
        if (!writerTaken.compareAndSet(false, true)) {
            throw new IllegalStateException("this read model already has a projector");
        }
        try {
            return new SqlProjection(url, this::connect, hook, () -> writerTaken.set(false));
        } catch (ReadModelException | RuntimeException e) {
            writerTaken.set(false);
            throw e;
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the read model is closed");
        }
    }

    @FunctionalInterface
    interface Query<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(String what, Query<T> query) throws ReadModelException {
        requireOpen();
        Connection c = idle.poll();
        try {
            if (c == null) {
                c = connect(true);
            }
            T result = query.run(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return result;
        } catch (SQLException e) {
            quietClose(c);
            c = null;
            if (DamagedReadModelException.isDamage(e)) {
                throw new DamagedReadModelException(url, "reading " + what, e);
            }
            throw new ReadModelException("cannot read " + what + " from the read model: " + e.getMessage(), e);
        } finally {
            if (c != null && (closed.get() || !idle.offer(c))) {
                quietClose(c);
            }
        }
    }

    private static void quietClose(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do with a connection being discarded
            }
        }
    }

    @Override
    public long checkpoint() throws ReadModelException {
        return read("the checkpoint", ReadModelImpl::checkpoint);
    }

    /** @return the failure to report for a database error: {@link DamagedReadModelException} when the file is damaged */
    static ReadModelException failure(String url, String what, SQLException e) {
        if (DamagedReadModelException.isDamage(e)) {
            return new DamagedReadModelException(url, what, e);
        }
        return new ReadModelException("cannot do " + what + " on the read model at " + url + ": " + e.getMessage(), e);
    }

    private static long checkpoint(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT block_number FROM projector_checkpoint WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Override
    public Optional<RecordRow> record(String id) throws ReadModelException {
        Objects.requireNonNull(id, "id");
        return read("record '" + id + "'", c -> Rows.find(c, id));
    }

    @Override
    public Page<RecordRow> list(RecordType type, Filter filter, ListOrder order, String cursor, int limit)
            throws ReadModelException {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: " + limit + " is not from 1 to " + MAX_PAGE);
        }
        ListCursor after = cursor == null ? null : ListCursor.decode(cursor, order);
        ListQuery query = ListQuery.of(type, filter, order, after, limit + 1);
        List<RecordRow> rows = read("a list of " + type, c -> query.run(c));
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = ListCursor.after(order, rows.get(limit - 1)).encode();
        }
        return new Page<>(rows, next);
    }

    @Override
    public List<BalanceVersion> balanceHistory(String allocationId) throws ReadModelException {
        Objects.requireNonNull(allocationId, "allocationId");
        return read("the balance history of '" + allocationId + "'", c -> Rows.balanceHistory(c, allocationId));
    }

    @Override
    public Optional<LedgerTransaction> transaction(String txId) throws ReadModelException {
        Objects.requireNonNull(txId, "txId");
        return read("transaction '" + txId + "'", c -> {
            List<LedgerTransaction> all = Rows.transactions(c, "tx_id = ?", txId);
            return all.stream().filter(LedgerTransaction::isValid).findFirst().or(() -> all.stream().findFirst());
        });
    }

    @Override
    public List<LedgerTransaction> transactions(long blockNumber) throws ReadModelException {
        return read("block " + blockNumber, c -> Rows.transactions(c, "block_number = ?", blockNumber));
    }

    @Override
    public Optional<TraceDown> traceDown(String allocationId, int maxDepth) throws ReadModelException {
        Objects.requireNonNull(allocationId, "allocationId");
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth: " + maxDepth + " is negative");
        }
        return read("the trace down from '" + allocationId + "'", c -> SqlTrace.down(c, allocationId, maxDepth));
    }

    @Override
    public Optional<TraceUp> traceUp(String recordId) throws ReadModelException {
        Objects.requireNonNull(recordId, "recordId");
        return read("the trace up from '" + recordId + "'", c -> SqlTrace.up(c, recordId));
    }

    @Override
    public Summary summary(Integer fiscalYear, Duration timeout) throws ReadModelException {
        int seconds = seconds(timeout);
        return read("the summary", c -> {
            // one read transaction: every query sees the same snapshot (SQLite WAL), whatever the projector commits
            c.setAutoCommit(false);
            try {
                Summary summary = new Summary(checkpoint(c),
                        SqlSummaries.totals(c, SummaryGrouping.FISCAL_YEAR, fiscalYear, seconds),
                        SqlSummaries.totals(c, SummaryGrouping.DEPARTMENT, fiscalYear, seconds),
                        SqlSummaries.totals(c, SummaryGrouping.COFOG, fiscalYear, seconds),
                        SqlSummaries.outcomes(c, fiscalYear, seconds), SqlSummaries.flows(c, fiscalYear, seconds));
                c.commit();
                return summary;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** @return a JDBC query timeout: whole seconds, at least one */
    private static int seconds(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toSeconds()));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Connection c;
            while ((c = idle.poll()) != null) {
                quietClose(c);
            }
        }
    }

    /** Runs a statement for tests and tools in this package. */
    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            st.setObject(i + 1, args[i]);
        }
        return st;
    }
}

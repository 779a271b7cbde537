package org.fundtrail.client.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;

/**
 * The read model of a Fundtrail ledger in a SQL database: what the {@link Projector} wrote from
 * committed blocks, queried without touching the ledger. Records come back as the chaincode's own
 * record values, each with its {@link LedgerRef}; traces come back as the chaincode's own
 * {@link TraceDown} and {@link TraceUp}, so a trace from the read model and one evaluated on the
 * ledger compare with {@code equals}; the summary comes back as {@link SummaryRow}s and
 * {@link OutcomeTally}s in minor units. A projector writes to it through its projection side, which
 * is not part of this interface.
 *
 * <p>Thread-safe: queries may run concurrently (each borrows a query-only connection from a small
 * pool).
 *
 * <pre>{@code
 * try (ReadModel readModel = ReadModel.open("jdbc:sqlite:/var/lib/fundtrail/readmodel.db")) {
 *     Page<RecordRow> page = readModel.list(RecordType.ALLOCATION, Filter.all().fiscalYear(2026), null, 100);
 *     TraceUp path = readModel.traceUp("EXP-17").orElseThrow();
 *     List<SummaryRow> byDepartment = readModel.summary(2026, Duration.ofSeconds(30)).byDepartment();
 * }
 * }</pre>
 */
public interface ReadModel extends AutoCloseable {
    /** The largest page a list returns. */
    int MAX_PAGE = 1000;

    /**
     * Opens (creating if needed) the read model at a JDBC URL and migrates its schema to the current
     * version. For SQLite ({@code jdbc:sqlite:/path/readmodel.db}) the file is put in WAL mode.
     *
     * @param jdbcUrl the database
     * @return the read model
     * @throws ReadModelException when the database cannot be opened or migrated
     */
    static ReadModel open(String jdbcUrl) throws ReadModelException {
        return ReadModelImpl.open(jdbcUrl);
    }

    /**
     * Opens an existing read model for reading only: no migration, and the database refuses
     * writes. For a process that reads while another (the one running the projector) writes, such
     * as a {@code fundtrail} command beside {@code fundtrail up}.
     *
     * @param jdbcUrl the database
     * @return the read model; a projector cannot be attached to it
     * @throws ReadModelException when there is no read model at the URL
     */
    static ReadModel openReadOnly(String jdbcUrl) throws ReadModelException {
        return ReadModelImpl.openReadOnly(jdbcUrl);
    }

    /**
     * The raw bytes of a committed block, as the ledger delivered them ({@code common.Block}), checked
     * first: they must parse, match their data hash, have the header hash recorded when the block was
     * projected, and be what the next stored block's previous_hash names.
     *
     * @param number the block number
     * @return the block's protobuf bytes, if the read model holds it
     * @throws CorruptBlockException when the stored bytes are not the block that was projected
     * @throws ReadModelException when the database cannot be read
     */
    Optional<byte[]> block(long number) throws ReadModelException;

    /**
     * The headers of committed blocks {@code first..last} ({@code common.BlockHeader} protobuf bytes as
     * the blocks carry them), checked at header level first: each must be the header of the block of its
     * number, hash to the header hash recorded when the block was projected, and be what the next stored
     * block's previous_hash names. (Unlike {@link #block}, the blocks' data is not hashed: it is not served.)
     *
     * @param first the first block number
     * @param last the last block number, inclusive
     * @return the headers of the blocks from {@code first} on, in order, up to the first one not stored
     * @throws CorruptBlockException when a stored block's header is not the one that was projected
     * @throws ReadModelException when the database cannot be read
     */
    java.util.List<byte[]> headers(long first, long last) throws ReadModelException;

    /**
     * @return the number of the last block fully applied, or -1 when none is
     * @throws ReadModelException when the database cannot be read
     */
    long checkpoint() throws ReadModelException;

    /**
     * @return how many blocks are applied: {@code checkpoint() + 1}
     * @throws ReadModelException when the database cannot be read
     */
    default long height() throws ReadModelException {
        return checkpoint() + 1;
    }

    /**
     * Finds any record by id, whatever its type (ids are unique across the ledger).
     *
     * @param id the record id
     * @return the record, with its balance when it is an allocation
     * @throws ReadModelException when the database cannot be read
     */
    Optional<RecordRow> record(String id) throws ReadModelException;

    /**
     * Lists records of one type in id order, one page at a time.
     *
     * @param type the record type (not BALANCE: balances come with their allocation)
     * @param filter what to keep
     * @param cursor null for the first page, else a page's {@link Page#nextCursor()}
     * @param limit 1 to {@link #MAX_PAGE}
     * @return the page
     * @throws IllegalArgumentException for a bad cursor or limit, BALANCE, or a filter criterion
     *     that does not apply to the type
     * @throws ReadModelException when the database cannot be read
     */
    default Page<RecordRow> list(RecordType type, Filter filter, String cursor, int limit) throws ReadModelException {
        return list(type, filter, ListOrder.ID, cursor, limit);
    }

    /**
     * Lists records of one type in an order, one page at a time.
     *
     * @param type the record type (not BALANCE)
     * @param filter what to keep
     * @param order the order ({@link ListOrder#AMOUNT} and {@link ListOrder#AMOUNT_DESCENDING} only for
     *     records with an amount)
     * @param cursor null for the first page, else the {@link Page#nextCursor()} of a page in the same order
     * @param limit 1 to {@link #MAX_PAGE}
     * @return the page
     * @throws IllegalArgumentException for a bad cursor (or one from another order), a bad limit,
     *     BALANCE, an amount order for records without amounts, or a filter criterion that does not apply
     * @throws ReadModelException when the database cannot be read
     */
    Page<RecordRow> list(RecordType type, Filter filter, ListOrder order, String cursor, int limit)
            throws ReadModelException;

    /**
     * Lists the child allocations of an allocation, in id order.
     *
     * @param allocationId the parent
     * @param cursor null for the first page, else the previous page's cursor
     * @param limit 1 to {@link #MAX_PAGE}
     * @return the page (empty for an unknown or childless allocation)
     * @throws ReadModelException when the database cannot be read
     */
    default Page<RecordRow> children(String allocationId, String cursor, int limit) throws ReadModelException {
        return list(RecordType.ALLOCATION, Filter.all().parentAllocation(allocationId), cursor, limit);
    }

    /**
     * @param allocationId an allocation
     * @return every version of its balance, oldest first (empty for an unknown allocation)
     * @throws ReadModelException when the database cannot be read
     */
    List<BalanceVersion> balanceHistory(String allocationId) throws ReadModelException;

    /**
     * Finds a transaction by id. A transaction id can occur more than once on a ledger (a
     * resubmission is recorded as DUPLICATE_TXID); the valid occurrence wins, else the first.
     *
     * @param txId the transaction id
     * @return the transaction
     * @throws ReadModelException when the database cannot be read
     */
    Optional<LedgerTransaction> transaction(String txId) throws ReadModelException;

    /**
     * @param blockNumber a block
     * @return its transactions in block order (empty when the block is not applied yet)
     * @throws ReadModelException when the database cannot be read
     */
    List<LedgerTransaction> transactions(long blockNumber) throws ReadModelException;

    /**
     * Traces down from an allocation with one recursive SQL query: the tree of its child allocations
     * with, per node, received, transferred on, spent, returned in and out, reversed, available, the
     * number of expenditures and the outcomes. Children are in id order. Nodes at {@code maxDepth}
     * that have children are marked incomplete and listed as pending (in walk order), as the
     * chaincode's {@code TraceDown} does for its node bound.
     *
     * @param allocationId the allocation
     * @param maxDepth how many levels below it to include, 0 for the allocation alone
     * @return the tree, empty for an unknown allocation
     * @throws IllegalArgumentException when {@code maxDepth} is negative
     * @throws ReadModelException when the database cannot be read
     */
    Optional<TraceDown> traceDown(String allocationId, int maxDepth) throws ReadModelException;

    /**
     * Traces up from any money record to its appropriation: one path per allocation the record
     * concerns (an outcome may concern several), each from that allocation up to the root.
     *
     * @param recordId an allocation, transfer, expenditure, outcome, return or reversal
     * @return the paths, empty for an unknown id
     * @throws IllegalArgumentException when the id is an organisation's, which holds no money
     * @throws ReadModelException when the database cannot be read
     */
    Optional<TraceUp> traceUp(String recordId) throws ReadModelException;

    /**
     * Totals the read model at one height, in one transaction: per fiscal year, department and COFOG
     * division and currency ({@link SummaryGrouping} says what each covers; rows in fiscal-year,
     * group and currency order), the outcome tallies per fiscal year, and the flows of the year's
     * flow chart ({@link FlowRow}).
     *
     * @param fiscalYear only this year, or null for every year
     * @param timeout how long each query may run (rounded down to whole seconds, at least one)
     * @return the summary, with the checkpoint it stands at
     * @throws ReadModelException when the database cannot be read or a query runs out of time
     */
    Summary summary(Integer fiscalYear, Duration timeout) throws ReadModelException;

    /** Closes every connection. Idempotent. */
    @Override
    void close();
}

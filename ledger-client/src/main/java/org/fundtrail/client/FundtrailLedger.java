package org.fundtrail.client;

import io.grpc.Channel;
import java.io.IOException;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;

/**
 * The typed API over the {@code spending} contract, through the Fabric Gateway client: one method
 * per transaction and query, domain values in and out.
 *
 * <p>Submissions are retried safely: an {@code MVCC_READ_CONFLICT} (another transaction changed
 * what this one read) is retried with backoff a bounded number of times, and when an attempt's
 * outcome is unknown (the ledger stopped answering) the retry either commits or finds the record
 * already there — reported as {@link Submission#alreadyDone()}, never counted twice. Submitting
 * again a request whose record is already on the ledger, with the same type and values, is likewise
 * reported already done (with the transaction and block that committed it); the same id with other
 * values stays an {@code ALREADY_EXISTS} refusal. When retries end with the outcome still unknown,
 * {@link CommitUnknownException} says so.
 *
 * <pre>{@code
 * try (FundtrailLedger ledger = FundtrailLedger.newInstance().config(ConnectionConfig.load(file)).build()) {
 *     Submission s = ledger.submit(new TransferRequest("T-1", "A-1", "HEALTH", "A-1-H", "1000.00", "EUR",
 *             "Operating grant", null));
 *     TraceDown tree = ledger.traceDown("A-1", 1000);
 * }
 * }</pre>
 */
public interface FundtrailLedger extends AutoCloseable {
    /** @return a builder */
    static Builder newInstance() {
        return new FundtrailLedgerImpl.BuilderImpl();
    }

    /**
     * Endorses, orders and waits for the commit of a transaction.
     *
     * @param request what to submit
     * @return the committed transaction and the records it wrote, or the earlier transaction that
     *     committed this same request ({@link Submission#alreadyDone()})
     * @throws RefusedException when the chaincode refuses it (nothing was written)
     * @throws CommitFailedException when it is invalidated at commit and retries did not help, e.g.
     *     {@code MVCC_READ_CONFLICT} every time (nothing was written)
     * @throws CommitUnknownException when an attempt was submitted but whether it committed could
     *     not be learnt
     * @throws LedgerUnavailableException when the ledger cannot be reached (nothing was submitted)
     */
    Submission submit(SubmitRequest request) throws LedgerException;

    /**
     * Runs a transaction's rules without submitting it (an evaluate of the submit function).
     *
     * @param request what would be submitted
     * @return the records it would write
     * @throws RefusedException when the chaincode would refuse it
     * @throws LedgerUnavailableException when the ledger cannot be reached
     */
    java.util.List<LedgerRecord> dryRun(SubmitRequest request) throws LedgerException;

    /** @return the organisation; {@link RefusedException} NOT_FOUND when unknown */
    Organization organization(String id) throws LedgerException;

    /** @return the allocation with its balance */
    AllocationView allocation(String id) throws LedgerException;

    /** @return any record by id (an allocation as its {@link org.fundtrail.chaincode.domain.Allocation}) */
    LedgerRecord record(String id) throws LedgerException;

    /** @return one page (1–1000) of an allocation's children */
    ChildPage children(String allocationId, int pageSize, String bookmark) throws LedgerException;

    /** @return every version of a record, from the ledger's history */
    RecordHistory history(String id) throws LedgerException;

    /** @return the tree below an allocation, computed by the chaincode from ledger state */
    TraceDown traceDown(String allocationId, int maxNodes) throws LedgerException;

    /** @return the path(s) from a record up to its appropriation, computed by the chaincode */
    TraceUp traceUp(String recordId) throws LedgerException;

    /**
     * The ledger's committed blocks, through the gateway's block events (Fabric's Deliver service):
     * what the projector and the verifier read.
     *
     * @return a source of blocks from any block number on
     */
    org.fundtrail.client.readmodel.BlockSource blocks();

    /**
     * The ledger's height: how many blocks the peer has committed, so the newest is {@code height() - 1}.
     * Asked of the peer's query system chaincode ({@code qscc GetChainInfo} on the channel, through the
     * gateway), which a Fabric 2.5 peer and the embedded node both answer.
     *
     * @return the number of committed blocks, at least 1 (the genesis block)
     * @throws LedgerException when the peer cannot be reached or refuses the query
     */
    long height() throws LedgerException;

    /** Closes the gateway and, when this ledger opened it, the gRPC channel. */
    @Override
    void close();

    /** Builds a {@link FundtrailLedger}. */
    interface Builder {
        /** @param config where and who; required */
        Builder config(ConnectionConfig config);

        /** @param channel a gRPC channel to use instead of dialling {@code config.endpoint()} (e.g. in-process); not closed by the ledger */
        Builder channel(Channel channel);

        /** @param attempts how many times to try a submission in all (default 10) */
        Builder maxAttempts(int attempts);

        /**
         * @return the connected ledger
         * @throws IOException when the identity files cannot be read
         */
        FundtrailLedger build() throws IOException;
    }
}

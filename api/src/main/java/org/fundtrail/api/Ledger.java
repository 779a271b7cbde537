package org.fundtrail.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;
import org.fundtrail.client.readmodel.BalanceVersion;
import org.fundtrail.client.readmodel.Filter;
import org.fundtrail.client.readmodel.ListOrder;
import org.fundtrail.client.readmodel.LedgerTransaction;
import org.fundtrail.client.readmodel.Page;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.ReadModelException;
import org.fundtrail.client.readmodel.RecordRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read model as the handlers use it: at most as many queries at once as the read model keeps
 * connections (so connections are reused, not opened per request), a short-lived cache of the
 * ledger height for ETags, and database failures turned into 503 without their SQL text.
 */
final class Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    private static final long HEIGHT_TTL_NANOS = 200_000_000L;

    @FunctionalInterface
    interface Query<T> {
        T run() throws ReadModelException;
    }

    private final ReadModel readModel;
    private final Semaphore permits;
    private volatile long height = -1;
    private volatile long heightAt;

    Ledger(ReadModel readModel, int concurrency) {
        this.readModel = readModel;
        this.permits = new Semaphore(concurrency, true);
    }

    ReadModel readModel() {
        return readModel;
    }

    <T> T query(String what, Query<T> query) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "UNAVAILABLE", null, "the server is shutting down");
        }
        try {
            return query.run();
        } catch (org.fundtrail.client.readmodel.DamagedReadModelException e) {
            LOG.error("read model damaged reading {}: {}", what, e.getMessage());
            throw new ApiException(500, "READ_MODEL_DAMAGED", null, "the server's read model is damaged; "
                    + "its operator must rebuild it from the ledger (retrying will not help)");
        } catch (ReadModelException e) {
            LOG.warn("read model failed reading {}: {}", what, e.getMessage());
            throw new ApiException(503, "UNAVAILABLE", null, "the read model cannot be read right now; try again");
        } finally {
            permits.release();
        }
    }

    /** @return the number of blocks applied to the read model, cached for a fraction of a second */
    long height() {
        long now = System.nanoTime();
        long h = height;
        if (h < 0 || now - heightAt > HEIGHT_TTL_NANOS) {
            h = query("the height", readModel::height);
            height = h;
            heightAt = now;
        }
        return h;
    }

    /** @return the height read now, bypassing the cache */
    long freshHeight() {
        long h = query("the height", readModel::height);
        height = h;
        heightAt = System.nanoTime();
        return h;
    }

    Optional<RecordRow> record(String id) {
        return query("record", () -> readModel.record(id));
    }

    /**
     * @throws ApiException 400 when the read model refuses a criterion or the cursor
     */
    Page<RecordRow> list(RecordType type, Filter filter, ListOrder order, String cursor, int limit) {
        try {
            return query("a list", () -> readModel.list(type, filter, order, cursor, limit));
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    List<BalanceVersion> balanceHistory(String id) {
        return query("a balance history", () -> readModel.balanceHistory(id));
    }

    Optional<LedgerTransaction> transaction(String txId) {
        return query("a transaction", () -> readModel.transaction(txId));
    }

    List<LedgerTransaction> transactions(long block) {
        return query("a block", () -> readModel.transactions(block));
    }

    Optional<TraceDown> traceDown(String id, int depth) {
        return query("a trace", () -> readModel.traceDown(id, depth));
    }

    /**
     * @throws ApiException 400 when the record holds no money (an organisation)
     */
    Optional<TraceUp> traceUp(String id) {
        try {
            return query("a trace", () -> readModel.traceUp(id));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("id", "'" + id + "' is an organisation, which holds no money to trace");
        }
    }

    /** Maps the read model's "criterion: problem" refusals to the API's parameter names. */
    static ApiException refused(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        int colon = message.indexOf(':');
        String criterion = colon > 0 ? message.substring(0, colon) : null;
        String parameter = criterion == null ? null : switch (criterion) {
            case "text" -> "q";
            case "amount" -> "minAmount";
            case "date" -> "from";
            case "allocationId" -> "allocation";
            case "parentAllocationId" -> "parent";
            case "order" -> "sort";
            default -> criterion;
        };
        String problem = colon > 0 ? message.substring(colon + 1).trim() : message;
        return ApiException.badParameter(parameter == null ? "query" : parameter, problem);
    }
}

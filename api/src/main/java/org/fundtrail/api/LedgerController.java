package org.fundtrail.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.client.readmodel.FlowRow;
import org.fundtrail.client.readmodel.LedgerTransaction;
import org.fundtrail.client.readmodel.OutcomeTally;
import org.fundtrail.client.readmodel.ReadModelException;
import org.fundtrail.client.readmodel.RecordRow;
import org.fundtrail.client.readmodel.Summary;
import org.fundtrail.client.readmodel.SummaryRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Traces, the summary, transactions, blocks and health. */
final class LedgerController {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerController.class);

    private final Ledger ledger;
    private final Duration summaryTimeout;
    private final BlockStore blocks;
    private final java.util.function.Supplier<Optional<String>> projectionHealth;
    private final String policyChaincode;
    private final String policy;
    private volatile CachedSummary cached;

    private record CachedSummary(long height, Integer fiscalYear, byte[] body) {
    }

    LedgerController(Ledger ledger, Duration summaryTimeout, BlockStore blocks,
                     java.util.function.Supplier<Optional<String>> projectionHealth, String policyChaincode,
                     String policy) {
        this.projectionHealth = projectionHealth;
        this.policyChaincode = policyChaincode;
        this.policy = policy;
        this.ledger = ledger;
        this.summaryTimeout = summaryTimeout;
        this.blocks = blocks;
    }

    /** GET /trace/{id}: down from an allocation (the tree with per-node totals) or up to the appropriation. */
    Route.Handler trace() {
        return (ctx, p) -> {
            String id = p.string("id");
            String direction = p.string("direction");
            int depth = p.integer("depth");
            Object trace;
            if (direction.equals("down")) {
                trace = ledger.traceDown(id, depth).orElseThrow(() -> notAllocation(id));
            } else {
                if (p.has("depth")) {
                    throw ApiException.badParameter("depth", "applies only to direction=down; an upward trace "
                            + "always reaches the appropriation");
                }
                trace = ledger.traceUp(id).orElseThrow(() -> ApiException.notFound("id",
                        "no record with id '" + id + "'"));
            }
            ObjectNode envelope = Json.object();
            envelope.put("id", id);
            envelope.put("direction", direction);
            if (direction.equals("down")) {
                envelope.put("depth", depth);
            }
            envelope.put("ledgerHeight", ledger.height());
            // a trace can hold tens of thousands of nodes: write it straight to bytes, no tree in between
            Responses.bytes(ctx, Json.merge(Json.bytes(envelope), CanonicalJson.bytes(trace)));
        };
    }

    private ApiException notAllocation(String id) {
        Optional<RecordRow> row = ledger.record(id);
        if (row.isPresent() && row.get().type() != RecordType.ALLOCATION) {
            return ApiException.badParameter("id", "'" + id + "' is a " + row.get().type()
                    + "; a downward trace starts at an allocation (try direction=up)");
        }
        return ApiException.notFound("id", "no allocation with id '" + id + "'");
    }

    /** GET /summary: totals by fiscal year, department and COFOG function, and outcomes. */
    Route.Handler summary() {
        return (ctx, p) -> {
            Integer year = p.integer("fiscalYear");
            long height = ledger.height();
            CachedSummary c = cached;
            if (c == null || c.height != height || !java.util.Objects.equals(c.fiscalYear, year)) {
                Summary summary = ledger.query("the summary", () -> ledger.readModel().summary(year, summaryTimeout));
                ObjectNode body = summaryView(summary, year);
                // the height the totals stand at, which the projector may have moved past since 'height'
                body.put("ledgerHeight", summary.height());
                c = new CachedSummary(summary.height(), year, Json.bytes(body));
                cached = c;
            }
            Responses.bytes(ctx, c.body);
        };
    }

    /**
     * The body of /summary: per group and currency, {@code appropriated}, {@code transferred},
     * {@code spent}, {@code returned}, {@code returnedIn}, {@code reversed} and {@code available}
     * as decimals (see {@link SummaryGrouping} for what each covers) and the allocations counted;
     * then the outcome tallies per fiscal year, and the flows of the year's flow chart ({@link FlowRow}).
     */
    private static ObjectNode summaryView(Summary summary, Integer year) {
        ObjectNode body = Json.object();
        if (year != null) {
            body.put("fiscalYear", year);
        }
        body.set("byFiscalYear", totalsView(summary.byFiscalYear(),
                null, null));
        body.set("byDepartment", totalsView(summary.byDepartment(),
                "department", "name"));
        body.set("byCofog", totalsView(summary.byCofog(), "cofog", null));
        ArrayNode outcomes = body.putArray("outcomes");
        for (OutcomeTally t : summary.outcomes()) {
            ObjectNode o = outcomes.addObject();
            o.put("fiscalYear", t.fiscalYear());
            o.put("reported", t.reported());
            o.put("numericTarget", t.numericTarget());
            o.put("actualAtOrAboveTarget", t.actualAtOrAboveTarget());
        }
        ArrayNode flows = body.putArray("flows");
        for (FlowRow f : summary.flows()) {
            ObjectNode o = flows.addObject();
            o.put("fiscalYear", f.fiscalYear());
            o.put("currency", f.currency());
            o.put("from", f.fromOrg());
            o.put("kind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (f.toOrg() != null) {
                o.put("to", f.toOrg());
            }
            o.put("amount", Money.decimal(f.amountMinor(), f.currency()));
        }
        return body;
    }

    private static ArrayNode totalsView(List<SummaryRow> rows, String groupField, String nameField) {
        ArrayNode items = Json.NODES.arrayNode();
        for (SummaryRow r : rows) {
            ObjectNode row = items.addObject();
            row.put("fiscalYear", r.fiscalYear());
            if (groupField != null) {
                row.put(groupField, r.group());
            }
            if (nameField != null) {
                row.put(nameField, r.name());
            }
            String currency = r.currency();
            row.put("currency", currency);
            row.put("appropriated", Money.decimal(r.appropriated(), currency));
            row.put("transferred", Money.decimal(r.transferred(), currency));
            row.put("spent", Money.decimal(r.spent(), currency));
            row.put("returned", Money.decimal(r.returned(), currency));
            row.put("returnedIn", Money.decimal(r.returnedIn(), currency));
            row.put("reversed", Money.decimal(r.reversed(), currency));
            row.put("available", Money.decimal(r.available(), currency));
            row.put("allocations", r.allocations());
        }
        return items;
    }

    /** GET /transactions/{txId}: the decoded transaction as the projector saw it. */
    Route.Handler transaction() {
        return (ctx, p) -> {
            String txId = p.string("txId");
            LedgerTransaction tx = ledger.transaction(txId).orElseThrow(() -> ApiException.notFound("txId",
                    "no transaction with id '" + txId + "'"));
            ObjectNode body = transactionView(tx);
            Responses.json(ctx, body);
        };
    }

    private static ObjectNode transactionView(LedgerTransaction tx) {
        ObjectNode body = Json.MAPPER.valueToTree(tx);
        body.put("valid", tx.isValid());
        ObjectNode links = body.putObject("links");
        links.put("block", Resource.BASE + "/blocks/" + tx.blockNumber());
        links.put("blockTransactions", Resource.BASE + "/blocks/" + tx.blockNumber() + "/transactions");
        return body;
    }

    /** GET /blocks/{n}/transactions: every transaction of a block. */
    Route.Handler blockTransactions() {
        return (ctx, p) -> {
            long number = p.longValue("number");
            List<LedgerTransaction> txs = ledger.transactions(number);
            if (txs.isEmpty()) {
                throw ApiException.notFound("number", "block " + number + " is not in the read model (height "
                        + ledger.freshHeight() + ")");
            }
            ObjectNode body = Json.object();
            body.put("blockNumber", number);
            ArrayNode items = body.putArray("transactions");
            txs.forEach(tx -> items.add(transactionView(tx)));
            body.putObject("links").put("block", Resource.BASE + "/blocks/" + number);
            Responses.json(ctx, body);
        };
    }

    /** The most headers one request of GET /headers returns. */
    static final int MAX_HEADERS = 10_000;

    /**
     * GET /headers?first=A&last=B: the headers of blocks A..B, as a protobuf message
     * {@code repeated common.BlockHeader headers = 1}, so the record page chains blocks without
     * downloading them. Only ranges the read model holds are answered (404 otherwise), so the answer
     * never changes.
     */
    Route.Handler headers() {
        return (ctx, p) -> {
            long first = p.longValue("first");
            Long lastParam = p.longValue("last");
            if (lastParam == null) {
                throw ApiException.badParameter("last", "required: the last block number of the range");
            }
            long last = lastParam;
            if (last < first) {
                throw ApiException.badParameter("last", "must not be below first (" + first + ")");
            }
            if (last - first >= MAX_HEADERS) {
                throw ApiException.badParameter("last", "at most " + MAX_HEADERS + " headers per request");
            }
            if (blocks == null) {
                throw new ApiException(501, "NOT_IMPLEMENTED", null, "this server has no block store");
            }
            List<byte[]> headers = fromStore("headers " + first + ".." + last, null,
                    () -> blocks.headers(first, last));
            if (headers.size() != last - first + 1) {
                throw ApiException.notFound("last", "no block " + (first + headers.size()) + " (blocks " + first
                        + ".." + last + " asked)");
            }
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(headers.size() * 80);
            com.google.protobuf.CodedOutputStream out = com.google.protobuf.CodedOutputStream.newInstance(body);
            for (byte[] h : headers) {
                out.writeByteArray(1, h);
            }
            out.flush();
            ctx.contentType("application/octet-stream");
            ctx.result(body.toByteArray());
        };
    }

    /** GET /blocks/{n}: the raw block bytes, when the server has a block store. */
    Route.Handler block() {
        return (ctx, p) -> {
            long number = p.longValue("number");
            if (blocks == null) {
                throw new ApiException(501, "NOT_IMPLEMENTED", "number", "this server has no block store; "
                        + "the block's transactions are at " + Resource.BASE + "/blocks/" + number + "/transactions");
            }
            Optional<byte[]> bytes = fromStore("block " + number, "number", () -> blocks.block(number));
            byte[] block = bytes.orElseThrow(() -> ApiException.notFound("number", "no block " + number));
            ctx.contentType("application/octet-stream");
            ctx.header("Content-Disposition", "attachment; filename=\"block-" + number + ".pb\"");
            ctx.result(block);
        };
    }

    /** A read of the block store. */
    @FunctionalInterface
    private interface StoreRead<T> {
        T read() throws java.io.IOException, ReadModelException;
    }

    /**
     * Reads the block store for a route: a damaged stored block is 500 CORRUPTED (never served), a store
     * that cannot be read is 503.
     *
     * @param what what is read, for the log ("block 7", "headers 0..7")
     * @param parameter the parameter the answer names on CORRUPTED, or null
     */
    private static <T> T fromStore(String what, String parameter, StoreRead<T> read) {
        try {
            return read.read();
        } catch (org.fundtrail.client.readmodel.CorruptBlockException e) {
            LOG.error("not serving {}: {}", what, e.getMessage());
            throw new ApiException(500, "CORRUPTED", parameter, e.getMessage() + "; it is not served. The "
                    + "operator rebuilds the read model from the ledger (fundtrail rebuild)");
        } catch (java.io.IOException | ReadModelException e) {
            LOG.warn("block store failed reading {}: {}", what, e.getMessage());
            throw new ApiException(503, "UNAVAILABLE", null, "the block store cannot be read right now");
        }
    }

    /**
     * GET /endorsement-policy: the chaincode's endorsement policy as this server's configuration states it.
     * On the embedded node no block carries it (Fabric's {@code _lifecycle} definitions are not written),
     * so this is the server's word: the record page says so and takes a policy from its link instead.
     */
    Route.Handler endorsementPolicy() {
        return (ctx, p) -> {
            if (policy == null) {
                throw new ApiException(501, "NOT_IMPLEMENTED", null, "this server states no endorsement policy");
            }
            ObjectNode body = Json.object();
            body.put("chaincode", policyChaincode);
            body.put("policy", policy);
            body.put("source", "this server's configuration (its network definition), not the ledger's blocks");
            Responses.json(ctx, body);
        };
    }

    /** GET /health. */
    Route.Handler health() {
        return (ctx, p) -> {
            long height = ledger.freshHeight();
            ObjectNode body = Json.object();
            Optional<String> problem = projectionHealth.get();
            body.put("status", problem.isPresent() ? "DEGRADED" : "UP");
            problem.ifPresent(reason -> body.put("reason", reason));
            body.put("ledgerHeight", height);
            body.put("checkpoint", height - 1);
            if (problem.isPresent()) {
                ctx.status(503);
            }
            Responses.json(ctx, body);
        };
    }
}

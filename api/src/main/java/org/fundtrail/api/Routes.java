package org.fundtrail.api;

import static org.fundtrail.api.Route.Caching.IMMUTABLE;
import static org.fundtrail.api.Route.Caching.LEDGER;
import static org.fundtrail.api.Route.Caching.NONE;
import static org.fundtrail.api.Route.Caching.STATIC;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.readmodel.ListOrder;

/**
 * The route table: every route of the server, declared once. {@link ApiServerImpl} registers
 * exactly these with Javalin and {@link OpenApi} describes exactly these.
 */
final class Routes {
    static final String V1 = Resource.BASE;
    static final int MAX_DEPTH = ApiServer.TRACE_DEPTH_MAX;
    /** An endorsement policy's characters: operators, counts, quoted 'MSP.role' principals. */
    static final Pattern POLICY = Pattern.compile("[A-Za-z0-9 ,.'\"()_-]{1,1000}");

    private Routes() {
    }

    static List<Route> table(RecordController records, LedgerController ledger, PageController pages) {
        List<Route> routes = new ArrayList<>();
        for (Resource r : Resource.values()) {
            String name = r.path;
            List<Param> listParams = listParams(r);
            routes.add(Route.of(V1 + "/" + name, "list" + capital(name), name,
                    "List " + name,
                    "A page of " + name + " in id order, filtered; `next` is the URL of the next page. "
                            + "With `Accept: text/csv` every matching row is streamed as CSV (no row cap; `limit` "
                            + "caps the rows if given).",
                    listParams, List.of(Route.JSON, Route.CSV), r.schemaName() + "Page", LEDGER, List.of(),
                    records.list(r, false)));
            routes.add(Route.of(V1 + "/" + name + ".csv", "export" + capital(name), name,
                    "Export " + name + " as CSV",
                    "Every matching row, streamed as RFC 4180 CSV with a header line, in id order. Same filters as "
                            + "the JSON list; `limit` caps the rows, `cursor` starts after a page.",
                    listParams, List.of(Route.CSV), null, LEDGER, List.of(), records.list(r, true)));
            routes.add(Route.of(V1 + "/" + name + "/{id}", "get" + capital(singular(name)), name,
                    "One of the " + name + " by id",
                    "The record as the ledger holds it, with `ledger` {txId, blockNumber} and `links` to its "
                            + "parent and children.",
                    List.of(idParam()), List.of(Route.JSON), r.schemaName() + "View", LEDGER, List.of(404),
                    records.one(r)));
        }
        routes.add(Route.of(V1 + "/records/{id}", "getRecord", "records", "Any record by id",
                "Ids are unique across the ledger; this finds a record whatever its type.",
                List.of(idParam()), List.of(Route.JSON), "RecordView", LEDGER, List.of(404), records.any()));
        routes.add(Route.of(V1 + "/records/{id}/history", "getRecordHistory", "records",
                "Every version of a record with its transaction",
                "The record as written, then (for an allocation) every version of its balance, oldest first.",
                List.of(idParam()), List.of(Route.JSON), "History", LEDGER, List.of(404), records.history()));
        routes.add(Route.of(V1 + "/trace/{id}", "trace", "trace", "Follow the money down or up",
                "`direction=down` (from an allocation): the tree of child allocations with per-node received, "
                        + "transferred, spent, returned, reversed, available, expenditure count, outcomes and a "
                        + "`complete` flag (false where `depth` stopped the walk; `pending` lists those nodes). "
                        + "`direction=up` (from any money record): the path(s) to the appropriation.",
                List.of(idParam(),
                        Param.oneOf("direction", "down from an allocation, or up from any money record",
                                List.of("down", "up"), "down"),
                        Param.integer("depth", "levels below the allocation to include (down only)", 0, MAX_DEPTH,
                                (long) ApiServer.TRACE_DEPTH_DEFAULT)),
                List.of(Route.JSON), "Trace", LEDGER, List.of(404), ledger.trace()));
        routes.add(Route.of(V1 + "/summary", "summary", "summary", "Totals",
                "Appropriated, transferred, spent, returned and available by fiscal year, by department and by "
                        + "COFOG division (per currency), and outcomes reported against targets.",
                List.of(Param.integer("fiscalYear", "only this fiscal year", 1900, 9999, null)),
                List.of(Route.JSON), "Summary", LEDGER, List.of(), ledger.summary()));
        routes.add(Route.of(V1 + "/transactions/{txId}", "getTransaction", "ledger",
                "A transaction as the projector decoded it",
                "Its block, position, validation code, submitter and chaincode event.",
                List.of(Param.path("txId", "the Fabric transaction id", Pattern.compile("[A-Za-z0-9._-]{1,128}"),
                        128)),
                List.of(Route.JSON), "Transaction", IMMUTABLE, List.of(404), ledger.transaction()));
        routes.add(Route.of(V1 + "/blocks/{number}", "getBlock", "ledger", "A raw Fabric block",
                "The `common.Block` protobuf bytes as the ledger serves them, to check records with the verifier. "
                        + "501 when this server has no block store.",
                List.of(blockParam()), List.of("application/octet-stream"), null, IMMUTABLE, List.of(404, 501),
                ledger.block()));
        routes.add(Route.of(V1 + "/headers", "getHeaders", "ledger", "Block headers, without their blocks",
                "The headers (number, previous_hash, data_hash) of blocks `first` to `last`, at most "
                        + LedgerController.MAX_HEADERS + ", as protobuf bytes: a message whose field 1 repeats "
                        + "`common.BlockHeader` (`repeated common.BlockHeader headers = 1`), in block order. The record "
                        + "page recomputes each header hash from them to chain its block to block 0 without "
                        + "downloading the blocks between. 404 unless the read model holds every block of the range; "
                        + "501 when this server has no block store.",
                List.of(Param.integer("first", "the first block number", 0, Long.MAX_VALUE, 0L),
                        Param.integer("last", "the last block number, inclusive (required; at most "
                                + (LedgerController.MAX_HEADERS - 1) + " above `first`)", 0, Long.MAX_VALUE, null)),
                List.of("application/octet-stream"), null, IMMUTABLE, List.of(404, 501), ledger.headers()));
        routes.add(Route.of(V1 + "/blocks/{number}/transactions", "getBlockTransactions", "ledger",
                "The transactions of a block", "Every transaction of the block, valid or not, in block order.",
                List.of(blockParam()), List.of(Route.JSON), "BlockTransactions", IMMUTABLE, List.of(404),
                ledger.blockTransactions()));
        routes.add(Route.of(V1 + "/endorsement-policy", "getEndorsementPolicy", "ledger",
                "The chaincode's endorsement policy, as this server states it",
                "Fabric signature-policy syntax (AND, OR, OutOf over 'MSP.role'), from the server's configuration: "
                        + "the embedded node's blocks do not carry it. The record page checks the endorsements "
                        + "against it (or against `policy` in its link). 501 when the server states none.",
                List.of(), List.of(Route.JSON), "EndorsementPolicy", NONE, List.of(501), ledger.endorsementPolicy()));
        routes.add(Route.of(V1 + "/health", "health", "server", "Health",
                "UP with the read model's height, or 503.", List.of(), List.of(Route.JSON), "Health", NONE,
                List.of(503), ledger.health()));
        routes.add(Route.of("/openapi.json", "openapi", "server", "This document", "The OpenAPI 3.1 document.",
                List.of(), List.of(Route.JSON), null, STATIC, List.of(), pages.openapi()));
        routes.add(Route.of("/", "home", "pages", "The web page for journalists",
                "Search, filter, page and follow the money, using only this API.", List.of(),
                List.of(Route.HTML), null, STATIC, List.of(), pages.resource("index.html")));
        routes.add(Route.of("/fy/{year}", "yearPage", "pages", "The year overview",
                "Appropriated, transferred, spent, returned, reversed and unspent money of a fiscal year, outcomes "
                        + "met and missed, the flow ministry → departments → agencies → spent/unspent/returned, and "
                        + "the split by COFOG function; drawn from /api/v1/summary and /api/v1/allocations.",
                List.of(Param.pathInteger("year", "the fiscal year", 1900, 9999)), List.of(Route.HTML), null,
                STATIC, List.of(), pages.page("year")));
        routes.add(Route.of("/org/{orgId}", "organisationPage", "pages", "An organisation's page",
                "Money in, out, spent and returned, its allocations, payees and outcomes against targets, each "
                        + "chart with a table under it (downloadable as CSV).",
                List.of(Param.path("orgId", "the organisation id", Param.ID, 64),
                        Param.integer("fy", "the fiscal year shown (default: the latest with allocations)", 1900,
                                9999, null)),
                List.of(Route.HTML), null, STATIC, List.of(), pages.page("orgId", "fy")));
        routes.add(Route.of("/trace/{traceId}", "tracePage", "pages", "A trace, drawn",
                "The trace tree of an allocation (collapsible, per-node totals and outcomes), or the path up from "
                        + "any record.",
                List.of(Param.path("traceId", "an allocation (down) or any money record (up)", Param.ID, 64)),
                List.of(Route.HTML), null, STATIC, List.of(), pages.page("traceId")));
        routes.add(Route.of("/record/{recordId}", "recordPage", "pages", "A record's page",
                "Every field, its transaction and block, its history, and a check in the browser that the ledger's "
                        + "signed blocks hold it.",
                List.of(Param.path("recordId", "the record id", Param.ID, 64),
                        Param.text("anchor", "the trust anchor: the genesis block's header hash (64 hex digits) the "
                                + "page checks the record's block is chained to (default: this server's block 0)",
                                Param.HASH, 64),
                        Param.text("policy", "the endorsement policy the page checks the endorsements against, in "
                                + "Fabric's syntax, e.g. AND('FinanceMSP.peer','AuditMSP.peer') (default: the one "
                                + "/api/v1/endorsement-policy states)", POLICY, 1000)),
                List.of(Route.HTML), null, STATIC, List.of(), pages.page("recordId", "anchor", "policy")));
        routes.add(Route.of("/docs", "docs", "pages", "Browsable documentation",
                "Swagger UI rendering /openapi.json, served from this server (no CDN).", List.of(),
                List.of(Route.HTML), null, STATIC, List.of(), pages.resource("docs.html")));
        routes.add(Route.of("/assets/{file}", "asset", "pages", "Static files of the pages",
                "Scripts and style sheets of the web page and of Swagger UI.",
                List.of(Param.path("file", "the file name", Pattern.compile("[A-Za-z0-9._-]{1,64}"), 64)),
                List.of("text/javascript", "text/css", "image/png"), null, STATIC, List.of(404), pages.asset()));
        routes.add(Route.of("/assets/vendor/{vendorFile}", "vendorAsset", "pages", "Vendored libraries",
                "The charting library the pages use (d3-sankey and the d3 modules it needs, from the npm registry) "
                        + "and their licence files (`*.LICENSE.txt`, `README.txt`).",
                List.of(Param.path("vendorFile", "the file name", Pattern.compile("[A-Za-z0-9._-]{1,64}"), 64)),
                List.of("text/javascript", "text/plain"), null, STATIC, List.of(404), pages.vendor()));
        return routes;
    }

    static Param idParam() {
        return Param.path("id", "the record id", Param.ID, 64);
    }

    private static Param blockParam() {
        return Param.pathInteger("number", "the block number", 0, Long.MAX_VALUE);
    }

    static List<Param> listParams(Resource r) {
        List<Param> params = new ArrayList<>();
        params.add(Param.integer("limit", "rows per page, 1 to 1000, default 100 (CSV: the most rows to export, default all)", 1,
                org.fundtrail.client.readmodel.ReadModel.MAX_PAGE, null));
        params.add(Param.text("cursor", "the `nextCursor` of the previous page (opaque)",
                Pattern.compile("[A-Za-z0-9_-]{1,300}"), 300));
        boolean amounts = r.filters.contains("minAmount");
        params.add(Param.oneOf(RecordController.SORT, "the order: `id` (default), "
                + (amounts ? "`amount` / `-amount` (smallest / largest first, by currency then amount), " : "")
                + "`date` / `-date` (oldest / newest first: an expenditure's payment date, otherwise the time "
                + "recorded); ties by id, in the same direction", java.util.Arrays.stream(ListOrder.values())
                .filter(o -> amounts || !o.byAmount()).map(ListOrder::text).toList(), ListOrder.ID.text()));
        for (String f : r.filters) {
            params.add(switch (f) {
                case "fiscalYear" -> Param.integer(f, "the fiscal year", 1900, 9999, null);
                case "org" -> Param.text(f, "an organisation id: records of money it holds (transfers: sent or "
                        + "received)" + (r == Resource.ORGANISATIONS ? "; here: the organisation itself" : ""),
                        Param.ID, 64);
                case "includeDescendants" -> Param.bool(f, "with `org`: include the organisations below it",
                        false);
                case "tier" -> Param.oneOf(f, "the organisation's tier",
                        java.util.Arrays.stream(Tier.values()).map(Enum::name).toList(), null);
                case "cofog" -> Param.text(f, "a COFOG function, e.g. 07 (also matches 07.3 and 07.3.1)",
                        Param.COFOG, 8);
                case "minAmount" -> Param.amount(f, "the smallest amount, in major units of `currency` (e.g. "
                        + "1000.00); only records in that currency are kept");
                case "maxAmount" -> Param.amount(f, "the largest amount, in major units of `currency`");
                case "currency" -> Param.text(f, "the ISO 4217 currency of `minAmount` and `maxAmount` (default "
                        + Params.DEFAULT_CURRENCY + ")", Param.CURRENCY, 3);
                case "from" -> Param.date(f, "the first date, yyyy-MM-dd (expenditures: payment date; others: "
                        + "the day recorded, UTC)");
                case "to" -> Param.date(f, "the last date, inclusive");
                case "q" -> Param.text(f, "words that must all occur in names, purposes, payees or indicators",
                        null, 200);
                case "allocation" -> Param.text(f, "the allocation the records draw on", Param.ID, 64);
                case "parent" -> Param.text(f, "the parent allocation (children of an allocation)", Param.ID, 64);
                default -> throw new IllegalStateException(f);
            });
        }
        return params;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String singular(String s) {
        return s.endsWith("ies") ? s.substring(0, s.length() - 3) + "y" : s.substring(0, s.length() - 1);
    }
}

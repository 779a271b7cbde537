package org.fundtrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.readmodel.BalanceVersion;
import org.fundtrail.client.readmodel.Filter;
import org.fundtrail.client.readmodel.ListOrder;
import org.fundtrail.client.readmodel.Page;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.RecordRow;

/** Lists (JSON and streamed CSV), single records and record histories. */
final class RecordController {
    static final int DEFAULT_LIMIT = 100;

    private final Ledger ledger;

    RecordController(Ledger ledger) {
        this.ledger = ledger;
    }

    /** @return the read model filter the request's parameters ask for */
    static Filter filter(Resource resource, Params p) {
        Filter f = Filter.all();
        for (String name : resource.filters) {
            switch (name) {
                case "fiscalYear" -> {
                    Integer year = p.integer(name);
                    if (year != null) {
                        f = f.fiscalYear(year);
                    }
                }
                case "org" -> {
                    String org = p.string(name);
                    boolean descendants = p.bool("includeDescendants");
                    if (org != null) {
                        f = f.org(org, descendants);
                    }
                }
                case "tier" -> {
                    String tier = p.string(name);
                    if (tier != null) {
                        f = f.tier(Tier.valueOf(tier));
                    }
                }
                case "cofog" -> {
                    String cofog = p.string(name);
                    if (cofog != null) {
                        f = f.cofog(cofog);
                    }
                }
                case "minAmount" -> {
                    Money min = p.money(name);
                    if (min != null) {
                        f = f.minAmount(min);
                    }
                }
                case "maxAmount" -> {
                    Money max = p.money(name);
                    if (max != null) {
                        f = f.maxAmount(max);
                    }
                }
                case "from" -> {
                    java.time.LocalDate from = p.date("from");
                    java.time.LocalDate to = p.date("to");
                    if (from != null && to != null && to.isBefore(from)) {
                        throw ApiException.badParameter("to", to + " is before from " + from);
                    }
                    if (from != null || to != null) {
                        f = f.dates(from, to);
                    }
                }
                case "q" -> {
                    String q = p.string(name);
                    if (q != null) {
                        f = f.text(q);
                    }
                }
                case "allocation" -> {
                    String a = p.string(name);
                    if (a != null) {
                        f = f.allocation(a);
                    }
                }
                case "parent" -> {
                    String a = p.string(name);
                    if (a != null) {
                        f = f.parentAllocation(a);
                    }
                }
                case "includeDescendants", "to", "currency" -> {
                    // read with org, from and the amounts
                }
                default -> throw new IllegalStateException("unknown filter " + name);
            }
        }
        Money min = resource.filters.contains("minAmount") ? p.money("minAmount") : null;
        Money max = resource.filters.contains("maxAmount") ? p.money("maxAmount") : null;
        if (min != null && max != null && max.minorUnits() < min.minorUnits()) {
            throw ApiException.badParameter("maxAmount", "is below minAmount");
        }
        if (resource.filters.contains(Params.CURRENCY) && p.has(Params.CURRENCY) && min == null && max == null) {
            throw ApiException.badParameter(Params.CURRENCY, "is the currency of minAmount and maxAmount; "
                    + "give one of them too");
        }
        return f;
    }

    /** The list parameter naming the order. */
    static final String SORT = "sort";

    /** @return the order a {@link #SORT} value names (already checked against the route's values) */
    static ListOrder order(String sort) {
        return ListOrder.ofText(sort).orElseThrow(() -> new IllegalStateException(sort));
    }

    /** GET a collection: a page of JSON, or every matching row as CSV. */
    Route.Handler list(Resource resource, boolean csvOnly) {
        return (ctx, p) -> {
            Filter filter = filter(resource, p);
            ListOrder order = order(p.string(SORT));
            String cursor = p.string("cursor");
            boolean csv = csvOnly || Negotiation.wantsCsv(ctx);
            if (csv) {
                Long limit = p.longValue("limit");
                streamCsv(ctx, resource, filter, order, cursor, limit);
                return;
            }
            Integer given = p.integer("limit");
            int limit = given == null ? DEFAULT_LIMIT : given;
            Page<RecordRow> page = ledger.list(resource.type, filter, order, cursor, limit);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            for (RecordRow row : page.items()) {
                items.add(Resource.view(row));
            }
            body.put("limit", limit);
            body.put("nextCursor", page.nextCursor());
            body.put("next", page.nextCursor() == null ? null : nextLink(ctx, page.nextCursor()));
            body.put("ledgerHeight", ledger.height());
            Responses.json(ctx, body);
        };
    }

    /** @return the URL of the next page: this request's query with the cursor replaced */
    static String nextLink(Context ctx, String cursor) {
        StringBuilder b = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!e.getKey().equals("cursor")) {
                for (String v : e.getValue()) {
                    b.append(encode(e.getKey())).append('=').append(encode(v)).append('&');
                }
            }
        }
        return b.append("cursor=").append(encode(cursor)).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Streams every matching row (or {@code limit} rows) page by page: memory stays constant
     * whatever the number of rows. The first page is read before anything is written, so a bad
     * cursor is still a 400.
     */
    private void streamCsv(Context ctx, Resource resource, Filter filter, ListOrder order, String cursor, Long limit)
            throws IOException {
        long remaining = limit == null ? Long.MAX_VALUE : limit;
        Page<RecordRow> page = ledger.list(resource.type, filter, order, cursor, (int) Math.min(ReadModel.MAX_PAGE, remaining));
        ctx.contentType("text/csv; charset=utf-8; header=present");
        ctx.header("Content-Disposition", "attachment; filename=\"" + resource.path + ".csv\"");
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            return;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        Csv.header(out, resource.columns);
        while (true) {
            for (RecordRow row : page.items()) {
                Csv.row(out, resource.columns, Resource.view(row));
            }
            remaining -= page.items().size();
            if (page.nextCursor() == null || remaining <= 0) {
                break;
            }
            page = ledger.list(resource.type, filter, order, page.nextCursor(), (int) Math.min(ReadModel.MAX_PAGE, remaining));
        }
        out.flush();
    }

    /** GET one record of a collection. */
    Route.Handler one(Resource resource) {
        return (ctx, p) -> {
            String id = p.string("id");
            RecordRow row = ledger.record(id).orElseThrow(() -> ApiException.notFound("id",
                    "no " + resource.path + " record with id '" + id + "'"));
            if (row.type() != resource.type) {
                throw ApiException.notFound("id", "'" + id + "' is not one of the " + resource.path + " but a "
                        + row.type() + ": see " + Resource.of(row.type()).link(id));
            }
            Responses.json(ctx, Resource.view(row));
        };
    }

    /** GET any record by id, whatever its type. */
    Route.Handler any() {
        return (ctx, p) -> {
            String id = p.string("id");
            RecordRow row = ledger.record(id).orElseThrow(() -> ApiException.notFound("id",
                    "no record with id '" + id + "'"));
            Responses.json(ctx, Resource.view(row));
        };
    }

    /** GET every version of a record with its transaction. */
    Route.Handler history() {
        return (ctx, p) -> {
            String id = p.string("id");
            RecordRow row = ledger.record(id).orElseThrow(() -> ApiException.notFound("id",
                    "no record with id '" + id + "'"));
            ObjectNode body = Json.object();
            body.put("id", id);
            body.put("type", row.type().name());
            ArrayNode versions = body.putArray("versions");
            ObjectNode created = versions.addObject();
            created.put("kind", "RECORD");
            created.set("ledger", Json.ref(row.ref()));
            created.put("recordedAt", row.record().recordedAt());
            created.set("record", Json.canonical(row.record()));
            if (row.type() == RecordType.ALLOCATION) {
                for (BalanceVersion v : ledger.balanceHistory(id)) {
                    ObjectNode version = versions.addObject();
                    version.put("kind", "BALANCE");
                    version.set("ledger", Json.ref(v.ref()));
                    version.put("recordedAt", v.balance().recordedAt());
                    version.set("balance", Json.canonical(v.balance()));
                }
            }
            body.set("links", Json.object().put("record", Resource.of(row.type()).link(id)));
            Responses.json(ctx, body);
        };
    }

    /** @return the text of a JSON value in a CSV cell */
    static String cell(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : node) {
                if (b.length() > 0) {
                    b.append(';');
                }
                b.append(item.asText());
            }
            return b.toString();
        }
        return node.asText();
    }
}

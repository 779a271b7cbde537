package org.fundtrail.client.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * A keyset-paginated list query built from a {@link Filter} and a {@link ListOrder}: criteria
 * become bound parameters, never concatenated text; the page continues after the previous page's
 * last sort key and id ({@link ListCursor}).
 */
final class ListQuery {
    private static final Set<RecordType> MONEY = EnumSet.of(RecordType.ALLOCATION, RecordType.TRANSFER,
            RecordType.EXPENDITURE, RecordType.RETURN, RecordType.REVERSAL);
    private static final String ORG_TREE = "(WITH RECURSIVE o(id) AS (SELECT ? UNION "
            + "SELECT c.id FROM organizations c JOIN o ON c.parent_id = o.id) SELECT id FROM o)";

    private final RecordType type;
    private final String sql;
    private final List<Object> args;

    private ListQuery(RecordType type, String sql, List<Object> args) {
        this.type = type;
        this.sql = sql;
        this.args = args;
    }

    static ListQuery of(RecordType type, Filter f, ListOrder order, ListCursor after, int limit) {
        Rows.table(type);
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.fiscalYear() != null) {
            refuseFor(f, "fiscalYear", type == RecordType.ORGANIZATION);
            where.add("t.fiscal_year = ?");
            args.add(f.fiscalYear());
        }
        if (f.orgId() != null) {
            String column = switch (type) {
                case ORGANIZATION -> "t.id";
                case ALLOCATION -> "t.holder_org_id";
                default -> "t.org_id";
            };
            String set = f.orgSubtree() ? ORG_TREE : "(?)";
            if (type == RecordType.TRANSFER) {
                where.add("(t.org_id IN " + set + " OR t.to_org_id IN " + set + ")");
                args.add(f.orgId());
            } else {
                where.add(column + " IN " + set);
            }
            args.add(f.orgId());
        }
        if (f.tier() != null) {
            refuseFor(f, "tier", type != RecordType.ORGANIZATION);
            where.add("t.tier = ?");
            args.add(f.tier().name());
        }
        if (f.cofog() != null) {
            refuseFor(f, "cofog", type == RecordType.ORGANIZATION);
            if (!f.cofog().matches("[0-9]{2}(\\.[0-9]{1,2}){0,2}")) {
                throw new IllegalArgumentException("cofog: '" + f.cofog() + "' is not a COFOG code like 07 or 07.3");
            }
            where.add("(t.cofog = ? OR (t.cofog > ? AND t.cofog < ?))");
            args.add(f.cofog());
            args.add(f.cofog() + ".");
            args.add(f.cofog() + "/");
        }
        if (f.minAmount() != null || f.maxAmount() != null) {
            refuseFor(f, "amount", !MONEY.contains(type));
            Money any = f.minAmount() != null ? f.minAmount() : f.maxAmount();
            where.add("t.currency = ?");
            args.add(any.currency());
            if (f.minAmount() != null) {
                where.add("t.amount_minor >= ?");
                args.add(f.minAmount().minorUnits());
            }
            if (f.maxAmount() != null) {
                where.add("t.amount_minor <= ?");
                args.add(f.maxAmount().minorUnits());
            }
        }
        if (f.fromDate() != null || f.toDate() != null) {
            refuseFor(f, "date", type == RecordType.ORGANIZATION);
            String column = type == RecordType.EXPENDITURE ? "t.date" : "t.recorded_at";
            if (f.fromDate() != null) {
                where.add(column + " >= ?");
                args.add(f.fromDate().toString());
            }
            if (f.toDate() != null) {
                // a timestamp of that day starts with "yyyy-MM-ddT", which sorts before "yyyy-MM-ddU"
                where.add(column + " < ?");
                args.add(f.toDate() + (type == RecordType.EXPENDITURE ? "~" : "U"));
            }
        }
        if (f.text() != null) {
            String match = match(f.text());
            if (match != null) {
                where.add("t.id IN (SELECT record_id FROM record_text WHERE record_text MATCH ? AND record_type = ?)");
                args.add(match);
                args.add(type.name());
            } else {
                where.add("0");
            }
        }
        if (f.allocationId() != null) {
            switch (type) {
                case TRANSFER -> where.add("t.from_allocation_id = ?");
                case EXPENDITURE, RETURN, REVERSAL -> where.add("t.allocation_id = ?");
                case OUTCOME -> where.add("t.id IN (SELECT outcome_id FROM outcome_allocations WHERE allocation_id = ?)");
                default -> throw new IllegalArgumentException("allocationId: does not apply to " + type);
            }
            args.add(f.allocationId());
        }
        if (f.parentAllocationId() != null) {
            refuseFor(f, "parentAllocationId", type != RecordType.ALLOCATION);
            where.add("t.parent_allocation_id = ?");
            args.add(f.parentAllocationId());
        }
        if (order.byAmount() && !MONEY.contains(type)) {
            throw new IllegalArgumentException("order: " + type.name().toLowerCase(java.util.Locale.ROOT)
                    + " records have no amount to sort by");
        }
        String key = order.byAmount() ? "t.amount_minor"
                : type == RecordType.EXPENDITURE ? "t.date" : "t.recorded_at";
        String direction = order.descending() ? " DESC" : "";
        // One direction for every column, so SQLite walks an index ((currency, amount_minor, id),
        // (date, id), (recorded_at, id)) forwards or backwards and the keyset is one row-value comparison.
        List<String> columns = switch (order) {
            case ID -> List.of("t.id");
            case AMOUNT, AMOUNT_DESCENDING -> List.of("t.currency", key, "t.id");
            case DATE, DATE_DESCENDING -> List.of(key, "t.id");
        };
        if (after != null) {
            where.add("(" + String.join(", ", columns) + ")" + (order.descending() ? " < (" : " > (")
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")");
            switch (order) {
                case ID -> args.add(after.id());
                case AMOUNT, AMOUNT_DESCENDING -> args.addAll(List.of(after.currency(), Long.parseLong(after.key()),
                        after.id()));
                case DATE, DATE_DESCENDING -> args.addAll(List.of(after.key(), after.id()));
                default -> throw new IllegalStateException(order.name());
            }
        }
        StringBuilder sql = new StringBuilder(Rows.select(type));
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(columns.stream().map(c -> c + direction).collect(
                java.util.stream.Collectors.joining(", ")));
        sql.append(" LIMIT ?");
        args.add(limit);
        return new ListQuery(type, sql.toString(), args);
    }

    private static void refuseFor(Filter f, String criterion, boolean refuse) {
        if (refuse) {
            throw new IllegalArgumentException(criterion + ": does not apply to this record type");
        }
    }

    /**
     * Turns free text into an FTS5 query that means "all these words, each as a word prefix": each
     * word becomes a quoted string followed by {@code *} ({@code hosp} finds "Hospital"), so no
     * input is FTS syntax.
     *
     * @return the query, or null when the text has no word
     */
    static String match(String text) {
        if (text.length() > 200) {
            throw new IllegalArgumentException("text: longer than 200 characters");
        }
        List<String> words = new ArrayList<>();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add("\"" + word + "\"*");
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    List<RecordRow> run(Connection c) throws SQLException {
        List<RecordRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                st.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(Rows.row(type, rs));
                }
            }
        }
        return rows;
    }

    String sql() {
        return sql;
    }
}

package org.fundtrail.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.fundtrail.chaincode.domain.Currencies;

/**
 * The aggregates of {@code /summary}, which the read model's API does not offer: SQL of its own
 * against the read model's database, on a read-only connection ({@code PRAGMA query_only}), every
 * value a bound parameter, each query with a time limit.
 *
 * <p>Per group and currency: {@code appropriated} (for a fiscal year or COFOG division: what the
 * appropriations received; for a department: what it received from the ministry),
 * {@code transferred} (moved on one level down: by the appropriations, or by the department to its
 * agencies), {@code spent} and {@code available} (over every allocation of the group, so
 * {@code appropriated - spent = available} when nothing was reversed) and {@code returned}
 * (sent back up by the group's allocations; for a department, what it sent back to the ministry),
 * {@code returnedIn} (sent back to the group's allocations from below: for a department, what its
 * agencies returned to it) and {@code reversed} (reversed transfers and expenditures drawing on the
 * group's allocations; {@code transferred} and {@code spent} are already net of them).
 */
final class SummaryRepository {
    private static final String TOTALS = "SUM(%1$s) AS appropriated, SUM(%2$s) AS transferred, "
            + "SUM(a.spent_minor) AS spent, SUM(%3$s) AS returned, SUM(%4$s) AS returned_in, "
            + "SUM(COALESCE(rv.total, 0)) AS reversed, SUM(a.available_minor) AS available, COUNT(*) AS allocations";
    /** Allocations with the reversals drawing on each (reversed transfers out and reversed expenditures). */
    private static final String ALLOCATIONS = " FROM allocations a LEFT JOIN (SELECT allocation_id, "
            + "SUM(amount_minor) AS total FROM reversals GROUP BY allocation_id) rv ON rv.allocation_id = a.id ";
    private static final String ROOT = "CASE WHEN a.parent_allocation_id IS NULL THEN a.%s ELSE 0 END";
    private static final String DEPT = "CASE WHEN o.tier = 'DEPARTMENT' THEN a.%s ELSE 0 END";
    private static final String WHOLE_TREE = String.format(TOTALS, String.format(ROOT, "received_minor"),
            String.format(ROOT, "transferred_minor"), "a.returned_out_minor", "a.returned_in_minor");

    private static final String BY_YEAR = "SELECT a.fiscal_year AS fy, NULL AS k, NULL AS n, a.currency AS cur, "
            + WHOLE_TREE + ALLOCATIONS + "WHERE (? IS NULL OR a.fiscal_year = ?) GROUP BY a.fiscal_year, a.currency "
            + "ORDER BY a.fiscal_year, a.currency";
    private static final String BY_COFOG = "SELECT a.fiscal_year AS fy, substr(a.cofog, 1, 2) AS k, NULL AS n, "
            + "a.currency AS cur, " + WHOLE_TREE + ALLOCATIONS + "WHERE (? IS NULL OR a.fiscal_year = ?) "
            + "GROUP BY a.fiscal_year, substr(a.cofog, 1, 2), a.currency ORDER BY 1, 2, 4";
    /*
     * A department's row covers its own allocations and its agencies': what it received from the
     * ministry, what it transferred on, what it returned to the ministry and what its agencies
     * returned to it (returned_in of its own allocations).
     */
    private static final String BY_DEPARTMENT = "SELECT a.fiscal_year AS fy, d.id AS k, d.name AS n, "
            + "a.currency AS cur, "
            + String.format(TOTALS, String.format(DEPT, "received_minor"), String.format(DEPT, "transferred_minor"),
            String.format(DEPT, "returned_out_minor"), String.format(DEPT, "returned_in_minor"))
            + ALLOCATIONS + "JOIN organizations o ON o.id = a.holder_org_id "
            + "JOIN organizations d ON d.id = (CASE WHEN o.tier = 'DEPARTMENT' THEN o.id ELSE o.parent_id END) "
            + "WHERE o.tier IN ('DEPARTMENT', 'AGENCY') AND (? IS NULL OR a.fiscal_year = ?) "
            + "GROUP BY a.fiscal_year, d.id, a.currency ORDER BY 1, 2, 4";
    private static final String OUTCOMES = "SELECT fiscal_year, COUNT(*), "
            + "SUM(CASE WHEN target GLOB '[0-9]*' AND actual GLOB '[0-9]*' THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN target GLOB '[0-9]*' AND actual GLOB '[0-9]*' "
            + "AND CAST(actual AS REAL) >= CAST(target AS REAL) THEN 1 ELSE 0 END) "
            + "FROM outcomes WHERE (? IS NULL OR fiscal_year = ?) GROUP BY fiscal_year ORDER BY fiscal_year";

    private final String url;
    private final int timeoutSeconds;

    SummaryRepository(String jdbcUrl, int timeoutSeconds) {
        this.url = jdbcUrl;
        this.timeoutSeconds = timeoutSeconds;
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (url.startsWith("jdbc:sqlite:")) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA query_only = 1");
                st.execute("PRAGMA busy_timeout = 5000");
            }
        }
        return c;
    }

    /**
     * @param fiscalYear only this year, or null for all
     * @return the summary
     * @throws SQLException when the database fails (the caller answers 503 without the SQL text)
     */
    ObjectNode summary(Integer fiscalYear) throws SQLException {
        ObjectNode body = Json.object();
        if (fiscalYear != null) {
            body.put("fiscalYear", fiscalYear);
        }
        try (Connection c = open()) {
            body.set("byFiscalYear", totals(c, BY_YEAR, fiscalYear, null, null));
            body.set("byDepartment", totals(c, BY_DEPARTMENT, fiscalYear, "department", "name"));
            body.set("byCofog", totals(c, BY_COFOG, fiscalYear, "cofog", null));
            ArrayNode outcomes = body.putArray("outcomes");
            try (PreparedStatement st = c.prepareStatement(OUTCOMES)) {
                bind(st, fiscalYear);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ObjectNode o = outcomes.addObject();
                        o.put("fiscalYear", rs.getInt(1));
                        o.put("reported", rs.getLong(2));
                        o.put("numericTarget", rs.getLong(3));
                        o.put("actualAtOrAboveTarget", rs.getLong(4));
                    }
                }
            }
        }
        return body;
    }

    private void bind(PreparedStatement st, Integer fiscalYear) throws SQLException {
        st.setQueryTimeout(timeoutSeconds);
        st.setObject(1, fiscalYear);
        st.setObject(2, fiscalYear);
    }

    private ArrayNode totals(Connection c, String sql, Integer fiscalYear, String key, String name)
            throws SQLException {
        ArrayNode rows = Json.NODES.arrayNode();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bind(st, fiscalYear);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ObjectNode row = rows.addObject();
                    row.put("fiscalYear", rs.getInt("fy"));
                    if (key != null) {
                        row.put(key, rs.getString("k"));
                    }
                    if (name != null) {
                        row.put(name, rs.getString("n"));
                    }
                    String currency = rs.getString("cur");
                    row.put("currency", currency);
                    for (String column : new String[] {"appropriated", "transferred", "spent", "returned",
                            "returned_in", "reversed", "available"}) {
                        row.put(column.equals("returned_in") ? "returnedIn" : column,
                                decimal(rs.getLong(column), currency));
                    }
                    row.put("allocations", rs.getLong("allocations"));
                }
            }
        }
        return rows;
    }

    static String decimal(long minor, String currency) {
        int digits = Currencies.minorDigits("currency", currency);
        return BigDecimal.valueOf(minor, digits).toPlainString();
    }
}

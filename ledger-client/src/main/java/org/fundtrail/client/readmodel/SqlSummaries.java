package org.fundtrail.client.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary queries: totals per fiscal year, department or COFOG division and currency, and the
 * outcome tallies. Every value is a bound parameter; every statement has a time limit.
 */
final class SqlSummaries {
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

    /** The bands of {@link FlowRow}: one SELECT per kind over the year's allocations, summed per pair. */
    private static final String YEAR = " WHERE (? IS NULL OR a.fiscal_year = ?)";
    private static final String HELD_RETURNED = "MIN(a.available_minor, a.returned_in_minor)";
    private static final String FLOWS = "SELECT fy, cur, src, kind, dst, SUM(v) FROM ("
            + "SELECT a.fiscal_year AS fy, a.currency AS cur, p.holder_org_id AS src, 'TRANSFER' AS kind, "
            + "a.holder_org_id AS dst, a.received_minor - a.reversed_minor - a.returned_out_minor AS v "
            + "FROM allocations a JOIN allocations p ON p.id = a.parent_allocation_id" + YEAR
            + " UNION ALL SELECT a.fiscal_year, a.currency, a.holder_org_id, 'SPENT', NULL, a.spent_minor "
            + "FROM allocations a" + YEAR
            + " UNION ALL SELECT a.fiscal_year, a.currency, a.holder_org_id, 'RETURNED', NULL, " + HELD_RETURNED
            + " FROM allocations a" + YEAR
            + " UNION ALL SELECT a.fiscal_year, a.currency, a.holder_org_id, 'UNSPENT', NULL, a.available_minor - "
            + HELD_RETURNED + " FROM allocations a" + YEAR
            + ") WHERE v > 0 GROUP BY fy, cur, src, kind, dst ORDER BY fy, cur, src, kind, dst";

    private SqlSummaries() {
    }

    static List<SummaryRow> totals(Connection c, SummaryGrouping by, Integer fiscalYear, int timeoutSeconds)
            throws SQLException {
        String sql = switch (by) {
            case FISCAL_YEAR -> BY_YEAR;
            case DEPARTMENT -> BY_DEPARTMENT;
            case COFOG -> BY_COFOG;
        };
        List<SummaryRow> rows = new ArrayList<>();
        try (PreparedStatement st = prepare(c, sql, fiscalYear, timeoutSeconds); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new SummaryRow(rs.getInt("fy"), rs.getString("k"), rs.getString("n"), rs.getString("cur"),
                        rs.getLong("appropriated"), rs.getLong("transferred"), rs.getLong("spent"),
                        rs.getLong("returned"), rs.getLong("returned_in"), rs.getLong("reversed"),
                        rs.getLong("available"), rs.getLong("allocations")));
            }
        }
        return List.copyOf(rows);
    }

    static List<OutcomeTally> outcomes(Connection c, Integer fiscalYear, int timeoutSeconds) throws SQLException {
        List<OutcomeTally> tallies = new ArrayList<>();
        try (PreparedStatement st = prepare(c, OUTCOMES, fiscalYear, timeoutSeconds); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                tallies.add(new OutcomeTally(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        return List.copyOf(tallies);
    }

    static List<FlowRow> flows(Connection c, Integer fiscalYear, int timeoutSeconds) throws SQLException {
        List<FlowRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(FLOWS)) {
            st.setQueryTimeout(timeoutSeconds);
            for (int i = 1; i <= 8; i++) {
                st.setObject(i, fiscalYear);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new FlowRow(rs.getInt(1), rs.getString(2), rs.getString(3),
                            FlowRow.Kind.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6)));
                }
            }
        }
        return List.copyOf(rows);
    }

    private static PreparedStatement prepare(Connection c, String sql, Integer fiscalYear, int timeoutSeconds)
            throws SQLException {
        PreparedStatement st = c.prepareStatement(sql);
        try {
            st.setQueryTimeout(timeoutSeconds);
            st.setObject(1, fiscalYear);
            st.setObject(2, fiscalYear);
            return st;
        } catch (SQLException e) {
            st.close();
            throw e;
        }
    }
}

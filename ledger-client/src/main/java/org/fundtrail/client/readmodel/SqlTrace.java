package org.fundtrail.client.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.chaincode.ledger.TraceUp;

/**
 * The trace queries: down with one recursive CTE over {@code allocations(parent_allocation_id)},
 * up with one recursive CTE per starting allocation. Only the traced rows are read.
 */
final class SqlTrace {
    // Each query returns the whole tree as one text: the rows' trace_text in id order, separated by
    // char(30); TraceRow says why and decodes it.
    private static final String DOWN = "WITH RECURSIVE tree(id, depth) AS ("
            + " SELECT id, 0 FROM allocations WHERE id = ?"
            + " UNION ALL"
            + " SELECT a.id, tree.depth + 1 FROM tree JOIN allocations a ON a.parent_allocation_id = tree.id"
            + " WHERE tree.depth < ?)"
            // CROSS JOIN keeps SQLite from scanning all allocations against an automatic index on tree
            + " SELECT group_concat(t, char(30)) FROM (SELECT a.trace_text AS t FROM tree"
            + " CROSS JOIN allocations a ON a.id = tree.id ORDER BY a.id)";
    /** An appropriation's whole tree is one range of the root index, already in id order: no recursion. */
    private static final String DOWN_FROM_ROOT = "SELECT group_concat(t, char(30)) FROM (SELECT a.trace_text AS t"
            + " FROM allocations a WHERE a.root_allocation_id = ? AND a.depth <= ? ORDER BY a.id)";
    private static final String OUTCOMES = "SELECT o.id, o.indicator, o.unit, o.target, o.actual, o.period"
            + " FROM outcome_allocations oa JOIN outcomes o ON o.id = oa.outcome_id"
            + " WHERE oa.allocation_id = ? ORDER BY o.id";
    private static final String UP = "WITH RECURSIVE up(id, n) AS ("
            + " SELECT ?, 0"
            + " UNION ALL"
            + " SELECT a.parent_allocation_id, up.n + 1 FROM up JOIN allocations a ON a.id = up.id"
            + " WHERE a.parent_allocation_id IS NOT NULL)"
            + " SELECT a.id, a.holder_org_id, a.amount, a.currency, a.fiscal_year, a.transfer_id"
            + " FROM up JOIN allocations a ON a.id = up.id ORDER BY up.n";

    private SqlTrace() {
    }

    /** A node as read, before its children are attached. */
    private static final class Node {
        final TraceRow row;
        /** Levels below the traced allocation. */
        final int depth;
        final List<Node> children = new ArrayList<>(0);
        List<TraceNode.OutcomeSummary> outcomes = List.of();

        Node(TraceRow row, int rootDepth) {
            this.row = row;
            this.depth = row.depth() - rootDepth;
        }
    }

    static Optional<TraceDown> down(Connection c, String allocationId, int maxDepth) throws SQLException {
        Map<String, Node> byId = new HashMap<>();
        Node root = null;
        List<Node> withOutcomes = new ArrayList<>();
        boolean appropriation;
        int year;
        String currency;
        int rootDepth;
        try (PreparedStatement st = c.prepareStatement("SELECT parent_allocation_id IS NULL, fiscal_year, currency, "
                + "depth FROM allocations WHERE id = ?")) {
            st.setString(1, allocationId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                appropriation = rs.getBoolean(1);
                year = rs.getInt(2);
                currency = rs.getString(3);
                rootDepth = rs.getInt(4);
            }
        }
        List<Node> nodes = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(appropriation ? DOWN_FROM_ROOT : DOWN)) {
            st.setString(1, allocationId);
            st.setInt(2, maxDepth);
            String packed;
            try (ResultSet rs = st.executeQuery()) {
                packed = rs.next() ? rs.getString(1) : null;
            }
            for (TraceRow row : TraceRow.decodeAll(packed)) {
                Node node = new Node(row, rootDepth);
                nodes.add(node);
                byId.put(row.id(), node);
                if (node.depth == 0) {
                    root = node;
                }
                if (row.outcomeCount() > 0) {
                    withOutcomes.add(node);
                }
            }
        }
        if (root == null) {
            return Optional.empty();
        }
        // rows come in id order, so every children list is built in id order
        for (Node node : nodes) {
            if (node != root) {
                byId.get(node.row.parentAllocationId()).children.add(node);
            }
        }
        if (!withOutcomes.isEmpty()) {
            try (PreparedStatement st = c.prepareStatement(OUTCOMES)) {
                for (Node node : withOutcomes) {
                    st.setString(1, node.row.id());
                    List<TraceNode.OutcomeSummary> outcomes = new ArrayList<>();
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            outcomes.add(new TraceNode.OutcomeSummary(rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                        }
                    }
                    node.outcomes = outcomes;
                }
            }
        }
        List<String> pending = new ArrayList<>();
        TraceNode tree = build(root, maxDepth, pending, year, currency);
        return Optional.of(new TraceDown(tree, byId.size(), !pending.isEmpty(), pending));
    }

    /** Builds the immutable tree (children already in id order); pending lists cut-off nodes in walk order. */
    private static TraceNode build(Node node, int maxDepth, List<String> pending, int year, String currency) {
        TraceRow row = node.row;
        boolean complete = node.depth < maxDepth || row.childCount() == 0;
        if (!complete) {
            pending.add(row.id());
        }
        List<TraceNode> children = new ArrayList<>(node.children.size());
        for (Node child : node.children) {
            children.add(build(child, maxDepth, pending, year, currency));
        }
        return new TraceNode(row.id(), row.holderOrgId(), row.parentAllocationId(), year, currency,
                Money.decimal(row.receivedMinor(), currency), Money.decimal(row.transferredMinor(), currency),
                Money.decimal(row.spentMinor(), currency), Money.decimal(row.returnedInMinor(), currency),
                Money.decimal(row.returnedOutMinor(), currency), Money.decimal(row.reversedMinor(), currency),
                Money.decimal(row.availableMinor(), currency), row.expenditureCount(), node.outcomes, children,
                complete);
    }

    static Optional<TraceUp> up(Connection c, String recordId) throws SQLException {
        RecordType type = Rows.typeOf(c, recordId);
        if (type == null) {
            return Optional.empty();
        }
        List<String> starts = switch (type) {
            case ALLOCATION -> List.of(recordId);
            case TRANSFER -> column(c, "SELECT to_allocation_id FROM transfers WHERE id = ?", recordId);
            case EXPENDITURE -> column(c, "SELECT allocation_id FROM expenditures WHERE id = ?", recordId);
            case OUTCOME -> column(c, "SELECT allocation_id FROM outcome_allocations WHERE outcome_id = ? "
                    + "ORDER BY position", recordId);
            case RETURN -> column(c, "SELECT allocation_id FROM returns WHERE id = ?", recordId);
            case REVERSAL -> column(c, "SELECT allocation_id FROM reversals WHERE id = ?", recordId);
            default -> throw new IllegalArgumentException("recordId: '" + recordId + "' is an organization, which "
                    + "holds no money to trace");
        };
        List<List<TraceUp.Step>> paths = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(UP)) {
            for (String start : starts) {
                st.setString(1, start);
                List<TraceUp.Step> path = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        path.add(new TraceUp.Step(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6)));
                    }
                }
                paths.add(path);
            }
        }
        return Optional.of(new TraceUp(recordId, type, paths));
    }

    private static List<String> column(Connection c, String sql, String arg) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, arg);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}

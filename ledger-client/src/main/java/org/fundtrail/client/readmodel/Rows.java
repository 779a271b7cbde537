package org.fundtrail.client.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.chaincode.domain.Transfer;

/** Turns rows back into the chaincode's record values. */
final class Rows {
    private Rows() {
    }

    /** @return the table holding records of a type */
    static String table(RecordType type) {
        return switch (type) {
            case ORGANIZATION -> "organizations";
            case ALLOCATION -> "allocations";
            case TRANSFER -> "transfers";
            case EXPENDITURE -> "expenditures";
            case OUTCOME -> "outcomes";
            case RETURN -> "returns";
            case REVERSAL -> "reversals";
            case BALANCE -> throw new IllegalArgumentException("type: balances are part of their allocation");
        };
    }

    /** @return the SELECT of every column a type's record needs, over alias {@code t} */
    static String select(RecordType type) {
        if (type == RecordType.OUTCOME) {
            return "SELECT t.*, (SELECT group_concat(allocation_id, ' ') FROM (SELECT allocation_id FROM "
                    + "outcome_allocations oa WHERE oa.outcome_id = t.id ORDER BY position)) AS allocation_ids "
                    + "FROM outcomes t";
        }
        return "SELECT t.* FROM " + table(type) + " t";
    }

    static Optional<RecordRow> find(Connection c, String id) throws SQLException {
        RecordType type = typeOf(c, id);
        if (type == null) {
            return Optional.empty();
        }
        try (PreparedStatement st = c.prepareStatement(select(type) + " WHERE t.id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row(type, rs)) : Optional.empty();
            }
        }
    }

    static RecordType typeOf(Connection c, String id) throws SQLException {
        String sql = "SELECT 'ORGANIZATION' FROM organizations WHERE id = ?1 UNION ALL "
                + "SELECT 'ALLOCATION' FROM allocations WHERE id = ?1 UNION ALL "
                + "SELECT 'TRANSFER' FROM transfers WHERE id = ?1 UNION ALL "
                + "SELECT 'EXPENDITURE' FROM expenditures WHERE id = ?1 UNION ALL "
                + "SELECT 'OUTCOME' FROM outcomes WHERE id = ?1 UNION ALL "
                + "SELECT 'RETURN' FROM returns WHERE id = ?1 UNION ALL "
                + "SELECT 'REVERSAL' FROM reversals WHERE id = ?1";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? RecordType.valueOf(rs.getString(1)) : null;
            }
        }
    }

    static RecordRow row(RecordType type, ResultSet rs) throws SQLException {
        LedgerRef ref = new LedgerRef(rs.getString("tx_id"), rs.getLong("block_number"));
        String txId = rs.getString("tx_id");
        String at = rs.getString("recorded_at");
        LedgerRecord record = switch (type) {
            case ORGANIZATION -> new Organization(rs.getString("id"), rs.getString("name"),
                    Tier.valueOf(rs.getString("tier")), rs.getString("parent_id"), rs.getString("msp_id"),
                    rs.getString("org_identifier"), txId, at);
            case ALLOCATION -> new Allocation(rs.getString("id"), rs.getString("holder_org_id"),
                    rs.getString("parent_allocation_id"), rs.getString("transfer_id"), rs.getInt("fiscal_year"),
                    rs.getString("currency"), rs.getString("amount"), new Classification(rs.getString("cofog"),
                    rs.getString("programme"), rs.getString("economic")), rs.getString("purpose"),
                    rs.getString("legal_reference"), txId, at);
            case TRANSFER -> new Transfer(rs.getString("id"), rs.getString("from_allocation_id"),
                    rs.getString("to_org_id"), rs.getString("to_allocation_id"), rs.getString("amount"),
                    rs.getString("currency"), rs.getString("purpose"), rs.getString("reference"), txId, at);
            case EXPENDITURE -> new Expenditure(rs.getString("id"), rs.getString("allocation_id"),
                    rs.getString("amount"), rs.getString("currency"), new Payee(rs.getString("payee_name"),
                    rs.getString("payee_identifier")), rs.getString("category"), rs.getString("date"),
                    new Evidence(rs.getString("evidence_sha256"), rs.getString("evidence_uri")), txId, at);
            case OUTCOME -> new Outcome(rs.getString("id"), List.of(rs.getString("allocation_ids").split(" ")),
                    rs.getString("indicator"), rs.getString("unit"), rs.getString("baseline"),
                    rs.getString("target"), rs.getString("actual"), rs.getString("period"),
                    new Evidence(rs.getString("evidence_sha256"), rs.getString("evidence_uri")), txId, at);
            case RETURN -> new FundsReturn(rs.getString("id"), rs.getString("allocation_id"),
                    rs.getString("to_allocation_id"), rs.getString("amount"), rs.getString("currency"),
                    ReasonCode.valueOf(rs.getString("reason_code")), rs.getString("reason"), txId, at);
            case REVERSAL -> new Reversal(rs.getString("id"), rs.getString("original_id"),
                    RecordType.valueOf(rs.getString("original_type")), rs.getString("allocation_id"),
                    rs.getString("amount"), rs.getString("currency"), ReasonCode.valueOf(rs.getString("reason_code")),
                    rs.getString("reason"), txId, at);
            case BALANCE -> throw new IllegalArgumentException("balances are part of their allocation");
        };
        if (type == RecordType.TRANSFER || type == RecordType.EXPENDITURE) {
            return new RecordRow(record, ref, null, null, rs.getString("reversed_by"));
        }
        if (type != RecordType.ALLOCATION) {
            return new RecordRow(record, ref, null, null);
        }
        String cur = rs.getString("currency");
        Balance balance = new Balance(rs.getString("id"), cur, dec(rs.getLong("received_minor"), cur),
                dec(rs.getLong("transferred_minor"), cur), dec(rs.getLong("spent_minor"), cur),
                dec(rs.getLong("returned_in_minor"), cur), dec(rs.getLong("returned_out_minor"), cur),
                dec(rs.getLong("reversed_minor"), cur), dec(rs.getLong("available_minor"), cur),
                rs.getString("balance_tx_id"), rs.getString("balance_recorded_at"));
        return new RecordRow(record, ref, balance, new LedgerRef(rs.getString("balance_tx_id"),
                rs.getLong("balance_block_number")));
    }

    static String dec(long minor, String currency) {
        return Money.decimal(minor, currency);
    }

    static List<BalanceVersion> balanceHistory(Connection c, String allocationId) throws SQLException {
        String sql = "SELECT h.*, a.currency FROM balance_history h JOIN allocations a ON a.id = h.allocation_id "
                + "WHERE h.allocation_id = ? ORDER BY h.block_number, h.tx_index";
        List<BalanceVersion> versions = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, allocationId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String cur = rs.getString("currency");
                    Balance b = new Balance(allocationId, cur, dec(rs.getLong("received_minor"), cur),
                            dec(rs.getLong("transferred_minor"), cur), dec(rs.getLong("spent_minor"), cur),
                            dec(rs.getLong("returned_in_minor"), cur), dec(rs.getLong("returned_out_minor"), cur),
                            dec(rs.getLong("reversed_minor"), cur), dec(rs.getLong("available_minor"), cur),
                            rs.getString("tx_id"), rs.getString("recorded_at"));
                    versions.add(new BalanceVersion(b, new LedgerRef(rs.getString("tx_id"),
                            rs.getLong("block_number"))));
                }
            }
        }
        return versions;
    }

    static List<LedgerTransaction> transactions(Connection c, String where, Object arg) throws SQLException {
        List<LedgerTransaction> txs = new ArrayList<>();
        try (PreparedStatement st = ReadModelImpl.prepare(c, "SELECT * FROM ledger_transactions WHERE " + where
                + " ORDER BY block_number, tx_index", arg); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                txs.add(new LedgerTransaction(rs.getLong("block_number"), rs.getInt("tx_index"),
                        rs.getString("tx_id"), rs.getString("header_type"), rs.getString("event_name"),
                        rs.getString("chaincode"), rs.getString("timestamp"), rs.getString("creator_msp"),
                        rs.getString("creator_subject"), rs.getString("validation_code"), rs.getInt("record_count")));
            }
        }
        return txs;
    }
}

package org.fundtrail.client.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.client.readmodel.BlockDecoder.DecodedBlock;
import org.fundtrail.client.readmodel.BlockDecoder.DecodedTx;

/**
 * Writes decoded blocks into the read model's tables on one connection, inside a transaction the
 * caller owns, and moves the checkpoint. Prepared statements are made once per connection.
 */
final class ProjectionWriter implements AutoCloseable {
    /** Called after each row written; tests throw from it to crash mid-block. */
    interface Hook {
        void afterWrite() throws SQLException;
    }

    private final Connection c;
    private final Hook hook;
    private final PreparedStatement insTx;
    private final PreparedStatement insOrg;
    private final PreparedStatement parentOf;
    private final PreparedStatement insAlloc;
    private final PreparedStatement incChild;
    private final PreparedStatement updBalance;
    private final PreparedStatement insBalance;
    private final PreparedStatement allocFacts;
    private final PreparedStatement insTransfer;
    private final PreparedStatement insExp;
    private final PreparedStatement incExp;
    private final PreparedStatement insOutcome;
    private final PreparedStatement insOutcomeAlloc;
    private final PreparedStatement incOutcome;
    private final PreparedStatement insReturn;
    private final PreparedStatement insReversal;
    private final PreparedStatement markTransferReversed;
    private final PreparedStatement markExpReversed;
    private final PreparedStatement insText;
    private final PreparedStatement checkpoint;
    private final PreparedStatement insBlock;

    ProjectionWriter(Connection c, Hook hook) throws SQLException {
        this.c = c;
        this.hook = hook;
        insTx = c.prepareStatement("INSERT INTO ledger_transactions (block_number, tx_index, tx_id, header_type, "
                + "event_name, chaincode, timestamp, creator_msp, creator_subject, validation_code, record_count) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        insOrg = c.prepareStatement("INSERT INTO organizations (id, name, tier, parent_id, msp_id, org_identifier, "
                + "tx_id, block_number, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)");
        parentOf = c.prepareStatement("SELECT root_allocation_id, depth FROM allocations WHERE id = ?");
        insAlloc = c.prepareStatement("INSERT INTO allocations (id, holder_org_id, parent_allocation_id, transfer_id, "
                + "root_allocation_id, depth, fiscal_year, currency, amount, amount_minor, cofog, programme, "
                + "economic, purpose, legal_reference, tx_id, block_number, recorded_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        incChild = c.prepareStatement("UPDATE allocations SET child_count = child_count + 1 WHERE id = ?");
        updBalance = c.prepareStatement("UPDATE allocations SET received_minor = ?, transferred_minor = ?, "
                + "spent_minor = ?, returned_in_minor = ?, returned_out_minor = ?, reversed_minor = ?, "
                + "available_minor = ?, balance_tx_id = ?, balance_block_number = ?, balance_recorded_at = ? "
                + "WHERE id = ? AND currency = ?");
        insBalance = c.prepareStatement("INSERT INTO balance_history (allocation_id, block_number, tx_index, tx_id, "
                + "recorded_at, received_minor, transferred_minor, spent_minor, returned_in_minor, "
                + "returned_out_minor, reversed_minor, available_minor) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
        allocFacts = c.prepareStatement("SELECT fiscal_year, holder_org_id, cofog FROM allocations WHERE id = ?");
        insTransfer = c.prepareStatement("INSERT INTO transfers (id, from_allocation_id, to_org_id, to_allocation_id, "
                + "amount, amount_minor, currency, purpose, reference, fiscal_year, org_id, cofog, tx_id, "
                + "block_number, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        insExp = c.prepareStatement("INSERT INTO expenditures (id, allocation_id, amount, amount_minor, currency, "
                + "payee_name, payee_identifier, category, date, evidence_sha256, evidence_uri, fiscal_year, org_id, "
                + "cofog, tx_id, block_number, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        incExp = c.prepareStatement("UPDATE allocations SET expenditure_count = expenditure_count + 1 WHERE id = ?");
        insOutcome = c.prepareStatement("INSERT INTO outcomes (id, indicator, unit, baseline, target, actual, period, "
                + "evidence_sha256, evidence_uri, fiscal_year, org_id, cofog, tx_id, block_number, recorded_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        insOutcomeAlloc = c.prepareStatement("INSERT INTO outcome_allocations (allocation_id, outcome_id, position) "
                + "VALUES (?,?,?)");
        incOutcome = c.prepareStatement("UPDATE allocations SET outcome_count = outcome_count + 1 WHERE id = ?");
        insReturn = c.prepareStatement("INSERT INTO returns (id, allocation_id, to_allocation_id, amount, "
                + "amount_minor, currency, reason_code, reason, fiscal_year, org_id, cofog, tx_id, block_number, "
                + "recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        insReversal = c.prepareStatement("INSERT INTO reversals (id, original_id, original_type, allocation_id, "
                + "amount, amount_minor, currency, reason_code, reason, fiscal_year, org_id, cofog, tx_id, "
                + "block_number, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        markTransferReversed = c.prepareStatement("UPDATE transfers SET reversed_by = ? WHERE id = ?");
        markExpReversed = c.prepareStatement("UPDATE expenditures SET reversed_by = ? WHERE id = ?");
        insText = c.prepareStatement("INSERT INTO record_text (record_id, record_type, text) VALUES (?,?,?)");
        insBlock = c.prepareStatement("INSERT INTO blocks (block_number, data, header_hash) VALUES (?, ?, ?)");
        checkpoint = c.prepareStatement("INSERT INTO projector_checkpoint (id, block_number, tx_count, record_count, "
                + "header_hash) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET block_number = "
                + "excluded.block_number, header_hash = excluded.header_hash, "
                + "tx_count = tx_count + excluded.tx_count, record_count = record_count + excluded.record_count");
    }

    /** Writes one block's rows and moves the checkpoint to it; the caller commits. */
    void apply(DecodedBlock block) throws SQLException, ProjectionException {
        int records = 0;
        for (DecodedTx tx : block.transactions()) {
            insTx.setLong(1, block.number());
            insTx.setInt(2, tx.index());
            insTx.setString(3, tx.txId());
            insTx.setString(4, tx.headerType());
            insTx.setString(5, tx.eventName());
            insTx.setString(6, tx.chaincode());
            insTx.setString(7, tx.timestamp());
            insTx.setString(8, tx.creatorMsp());
            insTx.setString(9, tx.creatorSubject());
            insTx.setString(10, tx.validationCode());
            insTx.setInt(11, tx.records().size());
            write(insTx);
            for (LedgerRecord record : tx.records()) {
                try {
                    record(block.number(), tx.index(), record);
                } catch (SQLException | RuntimeException e) {
                    if (e instanceof SQLException && !isConstraint((SQLException) e)) {
                        throw (SQLException) e;
                    }
                    throw new ProjectionException(block.number(), tx.txId(), "cannot project " + record.type() + " '"
                            + record.id() + "': " + e.getMessage(), e);
                }
            }
            records += tx.records().size();
        }
        insBlock.setLong(1, block.number());
        insBlock.setBytes(2, block.raw());
        insBlock.setBytes(3, block.headerHash());
        write(insBlock);
        checkpoint.setLong(1, block.number());
        checkpoint.setInt(2, block.transactions().size());
        checkpoint.setInt(3, records);
        checkpoint.setBytes(4, block.headerHash());
        write(checkpoint);
    }

    private static boolean isConstraint(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("CONSTRAINT") || m.contains("constraint");
    }

    private void record(long block, int txIndex, LedgerRecord record) throws SQLException, ProjectionException {
        switch (record.type()) {
            case ORGANIZATION -> organization((Organization) record, block);
            case ALLOCATION -> allocation((Allocation) record, block);
            case BALANCE -> balance((Balance) record, block, txIndex);
            case TRANSFER -> transfer((Transfer) record, block);
            case EXPENDITURE -> expenditure((Expenditure) record, block);
            case OUTCOME -> outcome((Outcome) record, block);
            case RETURN -> fundsReturn((FundsReturn) record, block);
            case REVERSAL -> reversal((Reversal) record, block);
            default -> throw new IllegalStateException("unknown record type " + record.type());
        }
    }

    private void organization(Organization o, long block) throws SQLException {
        insOrg.setString(1, o.id());
        insOrg.setString(2, o.name());
        insOrg.setString(3, o.tier().name());
        insOrg.setString(4, o.parentId());
        insOrg.setString(5, o.mspId());
        insOrg.setString(6, o.orgIdentifier());
        insOrg.setString(7, o.txId());
        insOrg.setLong(8, block);
        insOrg.setString(9, o.recordedAt());
        write(insOrg);
        text(o.id(), RecordType.ORGANIZATION, o.name());
    }

    private void allocation(Allocation a, long block) throws SQLException, ProjectionException {
        String root = a.id();
        int depth = 0;
        if (a.parentAllocationId() != null) {
            parentOf.setString(1, a.parentAllocationId());
            try (ResultSet rs = parentOf.executeQuery()) {
                if (!rs.next()) {
                    throw new ProjectionException(block, a.txId(), "allocation '" + a.id() + "' names the unknown "
                            + "parent '" + a.parentAllocationId() + "'", null);
                }
                root = rs.getString(1);
                depth = rs.getInt(2) + 1;
            }
            incChild.setString(1, a.parentAllocationId());
            write(incChild);
        }
        insAlloc.setString(1, a.id());
        insAlloc.setString(2, a.holderOrgId());
        insAlloc.setString(3, a.parentAllocationId());
        insAlloc.setString(4, a.transferId());
        insAlloc.setString(5, root);
        insAlloc.setInt(6, depth);
        insAlloc.setInt(7, a.fiscalYear());
        insAlloc.setString(8, a.currency());
        insAlloc.setString(9, a.amount());
        insAlloc.setLong(10, minor(a.amount(), a.currency()));
        insAlloc.setString(11, a.classification().cofog());
        insAlloc.setString(12, a.classification().programme());
        insAlloc.setString(13, a.classification().economic());
        insAlloc.setString(14, a.purpose());
        insAlloc.setString(15, a.legalReference());
        insAlloc.setString(16, a.txId());
        insAlloc.setLong(17, block);
        insAlloc.setString(18, a.recordedAt());
        write(insAlloc);
        text(a.id(), RecordType.ALLOCATION, a.purpose());
    }

    private void balance(Balance b, long block, int txIndex) throws SQLException, ProjectionException {
        String cur = b.currency();
        long[] v = {b.receivedMinor(), b.transferredMinor(), b.spentMinor(), b.returnedInMinor(),
            b.returnedOutMinor(), b.reversedMinor(), b.availableMinor()};
        for (int i = 0; i < v.length; i++) {
            updBalance.setLong(i + 1, v[i]);
        }
        updBalance.setString(8, b.txId());
        updBalance.setLong(9, block);
        updBalance.setString(10, b.recordedAt());
        updBalance.setString(11, b.allocationId());
        updBalance.setString(12, cur);
        if (updBalance.executeUpdate() != 1) {
            throw new ProjectionException(block, b.txId(), "balance of unknown allocation '" + b.allocationId()
                    + "' (or of another currency)", null);
        }
        hook.afterWrite();
        insBalance.setString(1, b.allocationId());
        insBalance.setLong(2, block);
        insBalance.setInt(3, txIndex);
        insBalance.setString(4, b.txId());
        insBalance.setString(5, b.recordedAt());
        for (int i = 0; i < v.length; i++) {
            insBalance.setLong(i + 6, v[i]);
        }
        write(insBalance);
    }

    /** Fiscal year, holder and COFOG of an allocation, copied onto the records drawing on it. */
    private Object[] facts(String allocationId, long block, String txId) throws SQLException, ProjectionException {
        allocFacts.setString(1, allocationId);
        try (ResultSet rs = allocFacts.executeQuery()) {
            if (!rs.next()) {
                throw new ProjectionException(block, txId, "unknown allocation '" + allocationId + "'", null);
            }
            return new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3)};
        }
    }

    private static void facts(PreparedStatement st, int at, Object[] facts) throws SQLException {
        st.setInt(at, (Integer) facts[0]);
        st.setString(at + 1, (String) facts[1]);
        st.setString(at + 2, (String) facts[2]);
    }

    private void transfer(Transfer t, long block) throws SQLException, ProjectionException {
        Object[] facts = facts(t.fromAllocationId(), block, t.txId());
        insTransfer.setString(1, t.id());
        insTransfer.setString(2, t.fromAllocationId());
        insTransfer.setString(3, t.toOrgId());
        insTransfer.setString(4, t.toAllocationId());
        insTransfer.setString(5, t.amount());
        insTransfer.setLong(6, minor(t.amount(), t.currency()));
        insTransfer.setString(7, t.currency());
        insTransfer.setString(8, t.purpose());
        insTransfer.setString(9, t.reference());
        facts(insTransfer, 10, facts);
        insTransfer.setString(13, t.txId());
        insTransfer.setLong(14, block);
        insTransfer.setString(15, t.recordedAt());
        write(insTransfer);
        text(t.id(), RecordType.TRANSFER, t.purpose());
    }

    private void expenditure(Expenditure e, long block) throws SQLException, ProjectionException {
        Object[] facts = facts(e.allocationId(), block, e.txId());
        insExp.setString(1, e.id());
        insExp.setString(2, e.allocationId());
        insExp.setString(3, e.amount());
        insExp.setLong(4, minor(e.amount(), e.currency()));
        insExp.setString(5, e.currency());
        insExp.setString(6, e.payee().name());
        insExp.setString(7, e.payee().identifier());
        insExp.setString(8, e.category());
        insExp.setString(9, e.date());
        insExp.setString(10, e.evidence().sha256());
        insExp.setString(11, e.evidence().uri());
        facts(insExp, 12, facts);
        insExp.setString(15, e.txId());
        insExp.setLong(16, block);
        insExp.setString(17, e.recordedAt());
        write(insExp);
        incExp.setString(1, e.allocationId());
        write(incExp);
        text(e.id(), RecordType.EXPENDITURE, e.payee().name() + " " + e.category());
    }

    private void outcome(Outcome o, long block) throws SQLException, ProjectionException {
        List<String> allocations = o.allocationIds();
        Object[] facts = facts(allocations.get(0), block, o.txId());
        insOutcome.setString(1, o.id());
        insOutcome.setString(2, o.indicator());
        insOutcome.setString(3, o.unit());
        insOutcome.setString(4, o.baseline());
        insOutcome.setString(5, o.target());
        insOutcome.setString(6, o.actual());
        insOutcome.setString(7, o.period());
        insOutcome.setString(8, o.evidence().sha256());
        insOutcome.setString(9, o.evidence().uri());
        facts(insOutcome, 10, facts);
        insOutcome.setString(13, o.txId());
        insOutcome.setLong(14, block);
        insOutcome.setString(15, o.recordedAt());
        write(insOutcome);
        for (int i = 0; i < allocations.size(); i++) {
            insOutcomeAlloc.setString(1, allocations.get(i));
            insOutcomeAlloc.setString(2, o.id());
            insOutcomeAlloc.setInt(3, i);
            write(insOutcomeAlloc);
            incOutcome.setString(1, allocations.get(i));
            write(incOutcome);
        }
        text(o.id(), RecordType.OUTCOME, o.indicator() + " " + o.unit());
    }

    private void fundsReturn(FundsReturn r, long block) throws SQLException, ProjectionException {
        Object[] facts = facts(r.allocationId(), block, r.txId());
        insReturn.setString(1, r.id());
        insReturn.setString(2, r.allocationId());
        insReturn.setString(3, r.toAllocationId());
        insReturn.setString(4, r.amount());
        insReturn.setLong(5, minor(r.amount(), r.currency()));
        insReturn.setString(6, r.currency());
        insReturn.setString(7, r.reasonCode().name());
        insReturn.setString(8, r.reason());
        facts(insReturn, 9, facts);
        insReturn.setString(12, r.txId());
        insReturn.setLong(13, block);
        insReturn.setString(14, r.recordedAt());
        write(insReturn);
        text(r.id(), RecordType.RETURN, r.reason());
    }

    private void reversal(Reversal r, long block) throws SQLException, ProjectionException {
        Object[] facts = facts(r.allocationId(), block, r.txId());
        insReversal.setString(1, r.id());
        insReversal.setString(2, r.originalId());
        insReversal.setString(3, r.originalType().name());
        insReversal.setString(4, r.allocationId());
        insReversal.setString(5, r.amount());
        insReversal.setLong(6, minor(r.amount(), r.currency()));
        insReversal.setString(7, r.currency());
        insReversal.setString(8, r.reasonCode().name());
        insReversal.setString(9, r.reason());
        facts(insReversal, 10, facts);
        insReversal.setString(13, r.txId());
        insReversal.setLong(14, block);
        insReversal.setString(15, r.recordedAt());
        write(insReversal);
        PreparedStatement mark = r.originalType() == RecordType.TRANSFER ? markTransferReversed : markExpReversed;
        mark.setString(1, r.id());
        mark.setString(2, r.originalId());
        if (mark.executeUpdate() != 1) {
            throw new ProjectionException(block, r.txId(), "reversal '" + r.id() + "' names the unknown "
                    + r.originalType() + " '" + r.originalId() + "'", null);
        }
        hook.afterWrite();
        text(r.id(), RecordType.REVERSAL, r.reason());
    }

    private void text(String id, RecordType type, String text) throws SQLException {
        insText.setString(1, id);
        insText.setString(2, type.name());
        if (text == null) {
            insText.setNull(3, Types.VARCHAR);
        } else {
            insText.setString(3, text);
        }
        write(insText);
    }

    private void write(PreparedStatement st) throws SQLException {
        st.executeUpdate();
        hook.afterWrite();
    }

    private static long minor(String amount, String currency) {
        return Money.ofStored(amount, currency).minorUnits();
    }

    @Override
    public void close() {
        for (PreparedStatement st : new PreparedStatement[] {insTx, insOrg, parentOf, insAlloc, incChild, updBalance,
            insBalance, allocFacts, insTransfer, insExp, incExp, insOutcome, insOutcomeAlloc, incOutcome, insReturn,
            insReversal, markTransferReversed, markExpReversed, insText, checkpoint, insBlock}) {
            try {
                st.close();
            } catch (SQLException ignored) {
                // closing a statement of a connection being discarded
            }
        }
    }
}

package org.fundtrail.client.readmodel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;

/**
 * Compares the read model with ledger state, record by record: every record the read model holds
 * in a scope (a fiscal year, or the subtree of an allocation) is written as canonical JSON and
 * compared with the bytes the ledger holds; allocations are compared with their balances too.
 * Records the ledger holds but the read model does not are found only when they are missing from a
 * scope the read model knows (e.g. an unknown allocation id); run it after the projector has caught up.
 *
 * <pre>{@code
 * Reconciler.Report report = new Reconciler(readModel, ledger).fiscalYear(2026);
 * report.differences().forEach(System.out::println);
 * }</pre>
 */
public final class Reconciler {
    private static final List<RecordType> MONEY_RECORDS = List.of(RecordType.TRANSFER, RecordType.EXPENDITURE,
            RecordType.OUTCOME, RecordType.RETURN, RecordType.REVERSAL);

    private final ReadModel readModel;
    private final LedgerReader ledger;

    /**
     * @param readModel the read model
     * @param ledger the ledger state
     */
    public Reconciler(ReadModel readModel, LedgerReader ledger) {
        this.readModel = Objects.requireNonNull(readModel, "readModel");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** How a record differs. */
    public enum Kind {
        /** The read model holds a record the ledger does not. */
        MISSING_IN_LEDGER,
        /** The ledger holds a record the read model does not. */
        MISSING_IN_READ_MODEL,
        /** Both hold it, with different contents. */
        DIFFERENT
    }

    /**
     * One difference.
     *
     * @param type the record type
     * @param id the record id
     * @param kind how it differs
     * @param ledgerJson what the ledger holds, or null
     * @param readModelJson what the read model holds, or null
     */
    public record Difference(RecordType type, String id, Kind kind, String ledgerJson, String readModelJson) {
    }

    /**
     * The outcome of a reconciliation.
     *
     * @param checked how many records (balances included) were compared
     * @param differences every difference found, in the order checked
     */
    public record Report(int checked, List<Difference> differences) {
        /** Copies the list. */
        public Report {
            differences = List.copyOf(differences);
        }

        /** @return whether nothing differs */
        public boolean agrees() {
            return differences.isEmpty();
        }
    }

    /**
     * Reconciles every organisation and every record of a fiscal year.
     *
     * @param year the fiscal year
     * @return the report
     * @throws ReadModelException when the read model cannot be read
     * @throws IOException when the ledger cannot be read
     */
    public Report fiscalYear(int year) throws ReadModelException, IOException {
        List<Difference> differences = new ArrayList<>();
        int checked = compareAll(RecordType.ORGANIZATION, Filter.all(), differences);
        checked += compareAll(RecordType.ALLOCATION, Filter.all().fiscalYear(year), differences);
        for (RecordType type : MONEY_RECORDS) {
            checked += compareAll(type, Filter.all().fiscalYear(year), differences);
        }
        return new Report(checked, differences);
    }

    /**
     * Reconciles an allocation, every allocation below it and every record drawing on them.
     *
     * @param allocationId the root of the subtree
     * @return the report
     * @throws ReadModelException when the read model cannot be read
     * @throws IOException when the ledger cannot be read
     */
    public Report subtree(String allocationId) throws ReadModelException, IOException {
        List<Difference> differences = new ArrayList<>();
        Optional<TraceDown> tree = readModel.traceDown(allocationId, Integer.MAX_VALUE);
        if (tree.isEmpty()) {
            Optional<String> onLedger = ledger.recordJson(RecordType.ALLOCATION, allocationId);
            onLedger.ifPresent(json -> differences.add(new Difference(RecordType.ALLOCATION, allocationId,
                    Kind.MISSING_IN_READ_MODEL, json, null)));
            return new Report(1, differences);
        }
        List<String> ids = new ArrayList<>();
        collect(tree.get().root(), ids);
        int checked = 0;
        for (String id : ids) {
            checked += compare(readModel.record(id).orElseThrow(), differences);
            for (RecordType type : MONEY_RECORDS) {
                checked += compareAll(type, Filter.all().allocation(id), differences);
            }
        }
        return new Report(checked, differences);
    }

    private static void collect(TraceNode node, List<String> ids) {
        ids.add(node.allocationId());
        for (TraceNode child : node.children()) {
            collect(child, ids);
        }
    }

    private int compareAll(RecordType type, Filter filter, List<Difference> differences)
            throws ReadModelException, IOException {
        int checked = 0;
        String cursor = null;
        do {
            Page<RecordRow> page = readModel.list(type, filter, cursor, ReadModel.MAX_PAGE);
            for (RecordRow row : page.items()) {
                checked += compare(row, differences);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return checked;
    }

    private int compare(RecordRow row, List<Difference> differences) throws IOException {
        compare(row.type(), row.id(), row.record(), differences);
        if (row.balance() != null) {
            compare(RecordType.BALANCE, row.id(), row.balance(), differences);
            return 2;
        }
        return 1;
    }

    private void compare(RecordType type, String id, LedgerRecord record, List<Difference> differences)
            throws IOException {
        String mine = CanonicalJson.write(record);
        Optional<String> theirs = ledger.recordJson(type, id);
        if (theirs.isEmpty()) {
            differences.add(new Difference(type, id, Kind.MISSING_IN_LEDGER, null, mine));
        } else if (!theirs.get().equals(mine)) {
            differences.add(new Difference(type, id, Kind.DIFFERENT, theirs.get(), mine));
        }
    }
}

package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.client.readmodel.RecordRow;

/** Read-model records as an 80-column table, with the columns a person scans for each type. */
final class RecordTable {
    private record Column(String header, int width, boolean right, Function<RecordRow, String> value) {
    }

    private RecordTable() {
    }

    static void print(PrintWriter out, RecordType type, List<RecordRow> rows) {
        List<Column> columns = columns(type);
        StringBuilder header = new StringBuilder();
        for (Column c : columns) {
            header.append(cell(c, c.header())).append(' ');
        }
        out.println(header.toString().stripTrailing());
        for (RecordRow row : rows) {
            StringBuilder line = new StringBuilder();
            for (Column c : columns) {
                line.append(cell(c, c.value().apply(row))).append(' ');
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cell(Column c, String value) {
        String text = fit(value == null ? "" : value, c.width());
        return String.format("%" + (c.right() ? "" : "-") + c.width() + "s", text);
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String money(String amount, String currency) {
        return TraceView.group(amount) + " " + currency;
    }

    private static List<Column> columns(RecordType type) {
        return switch (type) {
            case ORGANIZATION -> List.of(
                new Column("ID", 16, false, r -> r.id()),
                new Column("TIER", 10, false, r -> ((Organization) r.record()).tier().name()),
                new Column("PARENT", 12, false, r -> ((Organization) r.record()).parentId()),
                new Column("MSP", 13, false, r -> ((Organization) r.record()).mspId()),
                new Column("NAME", 23, false, r -> ((Organization) r.record()).name()));
            case ALLOCATION -> List.of(
                new Column("ID", 20, false, r -> r.id()),
                new Column("HOLDER", 12, false, r -> ((Allocation) r.record()).holderOrgId()),
                new Column("FY", 4, false, r -> Integer.toString(((Allocation) r.record()).fiscalYear())),
                new Column("AMOUNT", 19, true, r -> money(((Allocation) r.record()).amount(),
                        ((Allocation) r.record()).currency())),
                new Column("AVAILABLE", 19, true, r -> money(r.balance().available(), r.balance().currency())));
            case TRANSFER -> List.of(
                new Column("ID", 20, false, r -> r.id()),
                new Column("FROM", 16, false, r -> ((Transfer) r.record()).fromAllocationId()),
                new Column("TO", 12, false, r -> ((Transfer) r.record()).toOrgId()),
                new Column("AMOUNT", 19, true, r -> money(((Transfer) r.record()).amount(),
                        ((Transfer) r.record()).currency())),
                new Column("REVERSED", 8, false, RecordRow::reversedBy));
            case EXPENDITURE -> List.of(
                new Column("ID", 18, false, r -> r.id()),
                new Column("DATE", 10, false, r -> ((Expenditure) r.record()).date()),
                new Column("PAYEE", 20, false, r -> ((Expenditure) r.record()).payee().name()),
                new Column("AMOUNT", 19, true, r -> money(((Expenditure) r.record()).amount(),
                        ((Expenditure) r.record()).currency())),
                new Column("REVERSED", 8, false, RecordRow::reversedBy));
            case OUTCOME -> List.of(
                new Column("ID", 18, false, r -> r.id()),
                new Column("INDICATOR", 26, false, r -> ((Outcome) r.record()).indicator()),
                new Column("PERIOD", 7, false, r -> ((Outcome) r.record()).period()),
                new Column("TARGET", 11, true, r -> ((Outcome) r.record()).target()),
                new Column("ACTUAL", 11, true, r -> ((Outcome) r.record()).actual()));
            case RETURN -> List.of(
                new Column("ID", 18, false, r -> r.id()),
                new Column("FROM", 18, false, r -> ((FundsReturn) r.record()).allocationId()),
                new Column("REASON", 16, false, r -> ((FundsReturn) r.record()).reasonCode().name()),
                new Column("AMOUNT", 24, true, r -> money(((FundsReturn) r.record()).amount(),
                        ((FundsReturn) r.record()).currency())));
            case REVERSAL -> List.of(
                new Column("ID", 18, false, r -> r.id()),
                new Column("ORIGINAL", 18, false, r -> ((Reversal) r.record()).originalId()),
                new Column("REASON", 16, false, r -> ((Reversal) r.record()).reasonCode().name()),
                new Column("AMOUNT", 24, true, r -> money(((Reversal) r.record()).amount(),
                        ((Reversal) r.record()).currency())));
            case BALANCE -> throw new UserError(ExitCode.USAGE, "balances come with their allocation");
        };
    }
}

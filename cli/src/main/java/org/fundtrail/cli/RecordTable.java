package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Read-model records as a table with the columns a person scans for each type, laid out for a
 * width ({@link Terminal#width}). Ids, dates, codes and amounts are never cut: their columns are
 * as wide as their longest value. Only free text (names, payees, indicators) is shortened, with
 * "…", when the line would be wider than the terminal; piped output cuts nothing.
 */
final class RecordTable {
    /** The narrowest a text column is shortened to. */
    static final int MIN_TEXT = 8;

    /**
     * One column.
     *
     * @param header its heading
     * @param text whether its values are free text that may be shortened (else they are kept whole)
     * @param right whether it is right-aligned (amounts)
     * @param value its value in a row
     */
    private record Column(String header, boolean text, boolean right, Function<RecordRow, String> value) {
        static Column key(String header, Function<RecordRow, String> value) {
            return new Column(header, false, false, value);
        }

        static Column text(String header, Function<RecordRow, String> value) {
            return new Column(header, true, false, value);
        }

        static Column amount(String header, Function<RecordRow, String> value) {
            return new Column(header, false, true, value);
        }
    }

    private RecordTable() {
    }

    /**
     * @param out where to print
     * @param type the rows' record type
     * @param rows the records
     * @param width the columns to lay out for, or {@link TraceView#UNLIMITED}
     */
    static void print(PrintWriter out, RecordType type, List<RecordRow> rows, int width) {
        List<Column> columns = columns(type);
        List<String[]> cells = new ArrayList<>();
        for (RecordRow row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < line.length; i++) {
                String v = columns.get(i).value().apply(row);
                line[i] = v == null ? "" : v.replaceAll("\\p{Cntrl}", " ");
            }
            cells.add(line);
        }
        int[] widths = widths(columns, cells, width);
        String[] header = columns.stream().map(Column::header).toArray(String[]::new);
        out.println(line(columns, widths, header));
        for (String[] line : cells) {
            out.println(line(columns, widths, line));
        }
    }

    /** Each column as wide as its longest value; then text columns give way, widest first, to fit the width. */
    private static int[] widths(List<Column> columns, List<String[]> cells, int width) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).header().length();
            for (String[] line : cells) {
                widths[i] = Math.max(widths[i], line[i].codePointCount(0, line[i].length()));
            }
        }
        int total = Arrays.stream(widths).sum() + widths.length - 1;
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                int floor = Math.max(MIN_TEXT, columns.get(i).header().length());
                if (columns.get(i).text() && widths[i] > floor && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break; // only whole values left: the line is wider than the terminal, ids stay whole
            }
            widths[widest]--;
            total--;
        }
        return widths;
    }

    private static String line(List<Column> columns, int[] widths, String[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = fit(values[i], widths[i]);
            String pad = " ".repeat(widths[i] - v.codePointCount(0, v.length()));
            b.append(columns.get(i).right() ? pad + v : v + pad).append(' ');
        }
        return b.toString().stripTrailing();
    }

    private static String fit(String text, int width) {
        int length = text.codePointCount(0, text.length());
        return length <= width ? text : text.substring(0, text.offsetByCodePoints(0, width - 1)) + "…";
    }

    private static String money(String amount, String currency) {
        return TraceView.group(amount) + " " + currency;
    }

    private static List<Column> columns(RecordType type) {
        return switch (type) {
            case ORGANIZATION -> List.of(
                Column.key("ID", r -> r.id()),
                Column.key("TIER", r -> ((Organization) r.record()).tier().name()),
                Column.key("PARENT", r -> ((Organization) r.record()).parentId()),
                Column.key("MSP", r -> ((Organization) r.record()).mspId()),
                Column.text("NAME", r -> ((Organization) r.record()).name()));
            case ALLOCATION -> List.of(
                Column.key("ID", r -> r.id()),
                Column.key("HOLDER", r -> ((Allocation) r.record()).holderOrgId()),
                Column.key("FY", r -> Integer.toString(((Allocation) r.record()).fiscalYear())),
                Column.amount("AMOUNT", r -> money(((Allocation) r.record()).amount(),
                        ((Allocation) r.record()).currency())),
                Column.amount("AVAILABLE", r -> money(r.balance().available(), r.balance().currency())));
            case TRANSFER -> List.of(
                Column.key("ID", r -> r.id()),
                Column.key("FROM", r -> ((Transfer) r.record()).fromAllocationId()),
                Column.key("TO", r -> ((Transfer) r.record()).toOrgId()),
                Column.amount("AMOUNT", r -> money(((Transfer) r.record()).amount(),
                        ((Transfer) r.record()).currency())),
                Column.key("REVERSED", RecordRow::reversedBy));
            case EXPENDITURE -> List.of(
                Column.key("ID", r -> r.id()),
                Column.key("DATE", r -> ((Expenditure) r.record()).date()),
                Column.text("PAYEE", r -> ((Expenditure) r.record()).payee().name()),
                Column.amount("AMOUNT", r -> money(((Expenditure) r.record()).amount(),
                        ((Expenditure) r.record()).currency())),
                Column.key("REVERSED", RecordRow::reversedBy));
            case OUTCOME -> List.of(
                Column.key("ID", r -> r.id()),
                Column.text("INDICATOR", r -> ((Outcome) r.record()).indicator()),
                Column.key("PERIOD", r -> ((Outcome) r.record()).period()),
                Column.amount("TARGET", r -> ((Outcome) r.record()).target()),
                Column.amount("ACTUAL", r -> ((Outcome) r.record()).actual()));
            case RETURN -> List.of(
                Column.key("ID", r -> r.id()),
                Column.key("FROM", r -> ((FundsReturn) r.record()).allocationId()),
                Column.key("REASON", r -> ((FundsReturn) r.record()).reasonCode().name()),
                Column.amount("AMOUNT", r -> money(((FundsReturn) r.record()).amount(),
                        ((FundsReturn) r.record()).currency())));
            case REVERSAL -> List.of(
                Column.key("ID", r -> r.id()),
                Column.key("ORIGINAL", r -> ((Reversal) r.record()).originalId()),
                Column.key("REASON", r -> ((Reversal) r.record()).reasonCode().name()),
                Column.amount("AMOUNT", r -> money(((Reversal) r.record()).amount(),
                        ((Reversal) r.record()).currency())));
            case BALANCE -> throw new UserError(ExitCode.USAGE, "balances come with their allocation");
        };
    }
}

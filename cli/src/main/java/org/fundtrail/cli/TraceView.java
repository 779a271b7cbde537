package org.fundtrail.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.chaincode.ledger.TraceUp;

/**
 * Renders traces for people: a tree of allocations with six amount columns that add up on every
 * row, and under each allocation its outcomes (target and actual) and the flags that deserve a look
 * (unspent at year end, spending without outcome, a reversed transfer, children not loaded).
 *
 * <p>Every row obeys {@code AVAILABLE = RECEIVED + RETURNED-IN - TRANSFERRED - SPENT - RETURNED-UP},
 * where {@code RECEIVED} is what the allocation kept (its amount less what a reversed transfer took
 * back). Ids are never cut: when one line per allocation is wider than {@code width}, the amounts
 * go on lines of their own under the allocation; text is wrapped between words.
 *
 * <pre>{@code
 * new TraceView(2026, 80).printDown(out, trace);
 * }</pre>
 */
final class TraceView {
    /** The width when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 80;
    /** No width limit: one line per allocation (for piped output). */
    static final int UNLIMITED = Integer.MAX_VALUE;
    /** The amount columns, in order. */
    static final List<String> COLUMNS = List.of("RECEIVED", "RETURNED-IN", "TRANSFERRED", "SPENT", "RETURNED-UP",
            "AVAILABLE");
    static final String IDENTITY = "AVAILABLE = RECEIVED + RETURNED-IN - TRANSFERRED - SPENT - RETURNED-UP "
            + "(RECEIVED is net of a reversed transfer)";
    private static final String GAP = "  ";

    private final int currentYear;
    private final int width;

    /**
     * @param currentYear the year against which "unspent at year end" is judged
     * @param width the columns to lay out for, or {@link #UNLIMITED}
     */
    TraceView(int currentYear, int width) {
        this.currentYear = currentYear;
        this.width = width;
    }

    void printDown(PrintWriter out, TraceDown trace) {
        TraceNode root = trace.root();
        List<Row> rows = new ArrayList<>();
        collect(root, "", "", rows);
        int labelWidth = "ALLOCATION".length();
        int holderWidth = "HOLDER".length();
        int amountWidth = 0;
        for (String column : COLUMNS) {
            amountWidth = Math.max(amountWidth, column.length());
        }
        for (Row row : rows) {
            labelWidth = Math.max(labelWidth, row.label.length());
            holderWidth = Math.max(holderWidth, row.node.holderOrgId().length());
            for (String amount : row.amounts) {
                amountWidth = Math.max(amountWidth, amount.length());
            }
        }
        Layout layout = new Layout(labelWidth, holderWidth, amountWidth, rows);
        println(out, "", "", OutputOptions.style("bold", "Trace down from " + root.allocationId() + " ("
                + root.holderOrgId() + ", fiscal year " + root.fiscalYear() + ", amounts in " + root.currency()
                + ")"));
        println(out, "", "", IDENTITY);
        layout.printHeader(out);
        for (Row row : rows) {
            layout.print(out, row);
        }
        println(out, "", "", trace.nodes() + " allocation(s); received by " + root.allocationId() + ": "
                + group(root.received()) + " " + root.currency());
        BigDecimal spent = BigDecimal.ZERO;
        for (Row row : rows) {
            spent = spent.add(new BigDecimal(row.node.spent()));
        }
        println(out, "", "", "spent across the tree: " + group(spent.toPlainString()) + " " + root.currency());
        if (trace.truncated()) {
            println(out, "", "  ", "stopped at the node limit; not expanded: " + String.join(", ", trace.pending()));
        }
    }

    void printUp(PrintWriter out, TraceUp trace) {
        println(out, "", "", OutputOptions.style("bold", "Trace up from " + trace.recordType().name()
                .toLowerCase(Locale.ROOT) + " " + trace.recordId()));
        int idWidth = 0;
        int holderWidth = 0;
        int amountWidth = 0;
        for (List<TraceUp.Step> path : trace.paths()) {
            for (TraceUp.Step step : path) {
                idWidth = Math.max(idWidth, step.allocationId().length());
                holderWidth = Math.max(holderWidth, step.holderOrgId().length());
                amountWidth = Math.max(amountWidth, group(step.amount()).length());
            }
        }
        int n = 1;
        for (List<TraceUp.Step> path : trace.paths()) {
            if (trace.paths().size() > 1) {
                out.println("path " + n++ + ":");
            }
            for (TraceUp.Step step : path) {
                String via = step.transferId() == null ? "appropriation " + step.fiscalYear()
                        : "via transfer " + step.transferId();
                String line = String.format("%-" + idWidth + "s  %-" + holderWidth + "s  %" + amountWidth + "s %s  %s",
                        step.allocationId(), step.holderOrgId(), group(step.amount()), step.currency(), via);
                println(out, "  ", "      ", line);
            }
        }
        out.flush();
    }

    /** One allocation: its tree label, its amounts in column order, and the lines under it. */
    private record Row(TraceNode node, String label, String detailPrefix, List<String> amounts, List<String> notes) {
    }

    private void collect(TraceNode node, String prefix, String childPrefix, List<Row> rows) {
        BigDecimal kept = new BigDecimal(node.received()).subtract(new BigDecimal(node.reversed()));
        List<String> amounts = List.of(group(kept.toPlainString()), group(node.returnedIn()),
                group(node.transferred()), group(node.spent()), group(node.returned()), group(node.available()));
        String detailPrefix = childPrefix + (node.children().isEmpty() ? "   " : "│  ");
        rows.add(new Row(node, prefix + node.allocationId(), detailPrefix, amounts, notes(node)));
        for (int i = 0; i < node.children().size(); i++) {
            boolean last = i == node.children().size() - 1;
            collect(node.children().get(i), childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "),
                    rows);
        }
    }

    private List<String> notes(TraceNode node) {
        List<String> notes = new ArrayList<>();
        for (TraceNode.OutcomeSummary o : node.outcomes()) {
            notes.add("outcome " + o.id() + ": " + o.indicator() + " (" + o.period() + "): target "
                    + quantity(o.target(), o.unit()) + ", actual " + quantity(o.actual(), o.unit()));
        }
        if (signum(node.reversed()) > 0) {
            notes.add("! transfer reversed: " + group(node.reversed()) + " " + node.currency() + " taken back");
        }
        if (signum(node.available()) > 0 && node.fiscalYear() < currentYear) {
            notes.add("! unspent " + group(node.available()) + " " + node.currency() + " after fiscal year "
                    + node.fiscalYear());
        }
        if (signum(node.spent()) > 0 && node.outcomes().isEmpty()) {
            notes.add("! spending but no outcome reported");
        }
        if (!node.complete()) {
            notes.add("! children not loaded (node limit): trace " + node.allocationId());
        }
        return notes;
    }

    private static String quantity(String value, String unit) {
        if (value == null || value.isEmpty()) {
            return "not reported";
        }
        return unit == null || unit.isEmpty() ? value : value + " " + unit;
    }

    /** Column positions: one line per allocation when it fits, else the amounts on lines below it. */
    private final class Layout {
        private final int labelWidth;
        private final int holderWidth;
        private final int amountWidth;
        private final boolean oneLine;
        private final int indent;
        private final int perLine;

        Layout(int labelWidth, int holderWidth, int amountWidth, List<Row> rows) {
            this.labelWidth = labelWidth;
            this.holderWidth = holderWidth;
            this.amountWidth = amountWidth;
            int cell = GAP.length() + amountWidth;
            this.oneLine = (long) labelWidth + GAP.length() + holderWidth + (long) COLUMNS.size() * cell <= width;
            int deepest = 0;
            for (Row row : rows) {
                deepest = Math.max(deepest, row.detailPrefix.length());
            }
            this.indent = deepest;
            int fit = Math.max(1, (width - indent) / cell);
            int lines = (COLUMNS.size() + fit - 1) / fit;
            this.perLine = oneLine ? COLUMNS.size() : (COLUMNS.size() + lines - 1) / lines;
        }

        void printHeader(PrintWriter out) {
            if (oneLine) {
                out.println(pad("ALLOCATION", labelWidth) + GAP + pad("HOLDER", holderWidth) + cells(COLUMNS, 0,
                        COLUMNS.size()));
                return;
            }
            out.println("ALLOCATION" + GAP + "HOLDER");
            for (int from = 0; from < COLUMNS.size(); from += perLine) {
                out.println(" ".repeat(indent) + cells(COLUMNS, from, Math.min(COLUMNS.size(), from + perLine)));
            }
        }

        void print(PrintWriter out, Row row) {
            if (oneLine) {
                out.println(pad(row.label, labelWidth) + GAP + pad(row.node.holderOrgId(), holderWidth)
                        + cells(row.amounts, 0, COLUMNS.size()));
            } else {
                String holder = row.node.holderOrgId();
                if (row.label.length() + GAP.length() + holder.length() <= width) {
                    out.println(row.label + GAP + holder);
                } else {
                    out.println(row.label);
                    out.println(row.detailPrefix + holder);
                }
                for (int from = 0; from < COLUMNS.size(); from += perLine) {
                    out.println(pad(row.detailPrefix, indent)
                            + cells(row.amounts, from, Math.min(COLUMNS.size(), from + perLine)));
                }
            }
            for (String note : row.notes) {
                println(out, row.detailPrefix + " ", row.detailPrefix + "   ", note);
            }
        }

        private String cells(List<String> values, int from, int to) {
            StringBuilder line = new StringBuilder();
            for (int i = from; i < to; i++) {
                line.append(GAP).append(" ".repeat(amountWidth - values.get(i).length())).append(values.get(i));
            }
            return line.toString();
        }
    }

    /**
     * Prints text wrapped between words to the width: the first line starts with {@code first} (which
     * already begins the text when the text starts with it), later ones with {@code next}. A word
     * longer than a line (an id) is never cut.
     */
    private void println(PrintWriter out, String first, String next, String text) {
        String body = text.startsWith(first) ? text.substring(first.length()) : text;
        StringBuilder line = new StringBuilder(first);
        int lineStart = 0;
        boolean empty = true;
        for (String word : body.split(" ")) {
            if (!empty && line.length() - lineStart + 1 + word.length() > width) {
                out.println(line.toString().stripTrailing());
                line.setLength(0);
                line.append(next);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        out.println(line.toString().stripTrailing());
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static int signum(String decimal) {
        return new BigDecimal(decimal).signum();
    }

    /** @return a canonical decimal with thousands separators, e.g. {@code 1,250,000.00} */
    static String group(String decimal) {
        BigDecimal value = new BigDecimal(decimal);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        return format.format(value);
    }
}

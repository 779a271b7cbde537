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
 * Renders traces for people: a tree with aligned amounts that fits 80 columns, and flags under the
 * nodes that deserve a look (unspent at year end, spending without outcome, children not loaded).
 */
final class TraceView {
    static final int WIDTH = 80;
    private static final int HOLDER = 11;

    private final int currentYear;

    /** @param currentYear the year against which "unspent at year end" is judged */
    TraceView(int currentYear) {
        this.currentYear = currentYear;
    }

    void printDown(PrintWriter out, TraceDown trace) {
        List<Line> lines = new ArrayList<>();
        collect(trace.root(), "", "", true, lines);
        int amountWidth = "AVAILABLE".length();
        for (Line line : lines) {
            amountWidth = Math.max(amountWidth, Math.max(line.received.length(), Math.max(line.spent.length(),
                    line.available.length())));
        }
        int nodeWidth = Math.max(12, WIDTH - 1 - HOLDER - 3 * (amountWidth + 1));
        TraceNode root = trace.root();
        out.println(OutputOptions.style("bold", fit("Trace down from " + root.allocationId() + " (" + root.holderOrgId()
                + ", fiscal year " + root.fiscalYear() + ", amounts in " + root.currency() + ")", WIDTH)));
        out.println(row(nodeWidth, amountWidth, "ALLOCATION", "HOLDER", "RECEIVED", "SPENT", "AVAILABLE"));
        long spent = 0;
        for (Line line : lines) {
            out.println(row(nodeWidth, amountWidth, line.label, line.holder, line.received, line.spent,
                    line.available));
            for (String flag : line.flags) {
                out.println(fit(line.flagIndent + "  ! " + flag, WIDTH));
            }
            spent += line.node.spent().isEmpty() ? 0 : minor(line.node.spent());
        }
        out.println(fit(trace.nodes() + " allocation(s); received by " + root.allocationId() + ": "
                + group(root.received()) + " " + root.currency(), WIDTH));
        out.println(fit("spent across the tree: " + group(decimal(spent, root.spent())) + " " + root.currency(),
                WIDTH));
        if (trace.truncated()) {
            out.println(fit("stopped at the node limit; not expanded: " + String.join(", ", trace.pending()), WIDTH));
        }
    }

    void printUp(PrintWriter out, TraceUp trace) {
        out.println(OutputOptions.style("bold", fit("Trace up from " + trace.recordType().name()
                .toLowerCase(Locale.ROOT) + " " + trace.recordId(), WIDTH)));
        int n = 1;
        for (List<TraceUp.Step> path : trace.paths()) {
            if (trace.paths().size() > 1) {
                out.println("path " + n++ + ":");
            }
            for (TraceUp.Step step : path) {
                String via = step.transferId() == null ? "appropriation " + step.fiscalYear()
                        : "via transfer " + step.transferId();
                out.println(fit(String.format("  %-20s %-11s %18s %s  %s", fit(step.allocationId(), 20),
                        fit(step.holderOrgId(), 11), group(step.amount()), step.currency(), via), WIDTH));
            }
        }
    }

    private record Line(TraceNode node, String label, String holder, String received, String spent,
                        String available, String flagIndent, List<String> flags) {
    }

    private void collect(TraceNode node, String prefix, String childPrefix, boolean root, List<Line> lines) {
        List<String> flags = new ArrayList<>();
        if (minor(node.available()) > 0 && node.fiscalYear() < currentYear) {
            flags.add("unspent " + group(node.available()) + " " + node.currency() + " after fiscal year "
                    + node.fiscalYear());
        }
        if (minor(node.spent()) > 0 && node.outcomes().isEmpty()) {
            flags.add("spending but no outcome reported");
        }
        if (!node.complete()) {
            flags.add("children not loaded (node limit): trace " + node.allocationId());
        }
        lines.add(new Line(node, prefix + node.allocationId(), node.holderOrgId(), group(node.received()),
                group(node.spent()), group(node.available()), childPrefix, flags));
        for (int i = 0; i < node.children().size(); i++) {
            boolean last = i == node.children().size() - 1;
            collect(node.children().get(i), childPrefix + (last ? "└─ " : "├─ "), childPrefix + (last ? "   " : "│  "),
                    false, lines);
        }
    }

    private static String row(int nodeWidth, int amountWidth, String node, String holder, String a, String b,
                              String c) {
        return String.format("%-" + nodeWidth + "s %-" + HOLDER + "s %" + amountWidth + "s %" + amountWidth + "s %"
                + amountWidth + "s", fit(node, nodeWidth), fit(holder, HOLDER), a, b, c);
    }

    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    /** @return a canonical decimal with thousands separators, e.g. {@code 1,250,000.00} */
    static String group(String decimal) {
        BigDecimal value = new BigDecimal(decimal);
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(value.scale());
        format.setMaximumFractionDigits(value.scale());
        return format.format(value);
    }

    private static long minor(String decimal) {
        return new BigDecimal(decimal).unscaledValue().longValueExact();
    }

    private static String decimal(long minor, String like) {
        return BigDecimal.valueOf(minor, new BigDecimal(like).scale()).toPlainString();
    }
}

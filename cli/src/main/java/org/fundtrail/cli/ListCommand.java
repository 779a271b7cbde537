package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.client.readmodel.Page;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.RecordRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail list TYPE}: records from the read model, filtered and paged. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List records of one type from the read model, with filters.",
            "TYPE is one of organisations, allocations, transfers, expenditures, outcomes, returns, reversals "
                + "(the API's collection names; organizations is accepted too).",
            "Reversed transfers and expenditures are marked with the reversal that undid them."},
        footer = {"", "Examples:", "  fundtrail list allocations --fiscal-year 2026 --org HEALTH --include-descendants",
            "  fundtrail list expenditures --min-amount 100000 --from 2026-01-01 --json",
            "  fundtrail list transfers --text \"operating grant\" --limit 20"})
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WidthOption width;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @Mixin
    FilterOptions filters;

    @Parameters(index = "0", paramLabel = "TYPE", description = "The record type, e.g. allocations.")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "At most N records per page, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Continue where a previous page stopped.")
    String cursor;

    @Option(names = "--all", description = "Every matching record, page after page.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        RecordType recordType = recordType(type);
        if (limit < 1 || limit > ReadModel.MAX_PAGE) {
            throw new UserError(ExitCode.USAGE, "--limit must be 1 to " + ReadModel.MAX_PAGE + ", not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ReadModel readModel = ledger.readModel()) {
            List<RecordRow> rows = new ArrayList<>();
            String next = cursor;
            do {
                Page<RecordRow> page = list(readModel, recordType, next);
                rows.addAll(page.items());
                next = page.nextCursor();
            } while (all && next != null);
            if (output.json()) {
                Map<String, Object> json = new java.util.LinkedHashMap<>();
                json.put("items", rows);
                json.put("next", next);
                OutputOptions.printJson(out, json);
            } else {
                RecordTable.print(out, recordType, rows, width.columns());
                out.println(rows.size() + " " + recordType.name().toLowerCase(Locale.ROOT) + " record(s)"
                        + (next == null ? "" : "; more with --cursor " + next));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private Page<RecordRow> list(ReadModel readModel, RecordType recordType, String from) throws Exception {
        try {
            return readModel.list(recordType, filters.filter(), filters.order(), from, limit);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
    }

    /** Reads a type name as people write it: {@code allocations}, {@code allocation}, {@code ALLOCATION}. */
    static RecordType recordType(String text) {
        String name = text.toUpperCase(Locale.ROOT).replaceAll("S$", "");
        if (name.equals("ORGANISATION")) {
            name = "ORGANIZATION";
        }
        try {
            RecordType type = RecordType.valueOf(name);
            if (type != RecordType.BALANCE) {
                return type;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new UserError(ExitCode.USAGE, "'" + text + "' is not a record type: use organisations, allocations, "
                + "transfers, expenditures, outcomes, returns or reversals");
    }
}

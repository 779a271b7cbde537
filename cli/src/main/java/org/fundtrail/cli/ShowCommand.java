package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.client.AllocationView;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail show ID}: one record as the ledger holds it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show any record as the ledger holds it now.",
            "Organisations, allocations (with their balance), transfers, expenditures, outcomes, returns, "
                + "reversals."},
        footer = {"", "Example:", "  fundtrail show T-1", "  fundtrail show APP-2026-07 --json"})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "ID", description = "The record id.")
    String id;

    @Override
    public Integer call() throws LedgerException {
        PrintWriter out = spec.commandLine().getOut();
        try (FundtrailLedger client = ledger.open(false)) {
            LedgerRecord record = client.record(id);
            Object shown = record instanceof Allocation ? client.allocation(id) : record;
            if (output.json()) {
                OutputOptions.printJson(out, shown);
            } else if (shown instanceof AllocationView view) {
                printFields(out, "allocation " + id, CanonicalJson.mapper().valueToTree(view.allocation()));
                printFields(out, "balance", CanonicalJson.mapper().valueToTree(view.balance()));
            } else {
                printFields(out, record.type().name().toLowerCase(java.util.Locale.ROOT) + " " + id,
                        CanonicalJson.mapper().valueToTree(record));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Prints a record's fields one per line, nested objects flattened as {@code a.b}. */
    static void printFields(PrintWriter out, String title, JsonNode json) {
        out.println(OutputOptions.style("bold", title));
        print(out, "", json);
    }

    private static void print(PrintWriter out, String prefix, JsonNode json) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            if (field.getValue().isObject()) {
                print(out, name + ".", field.getValue());
            } else if (!name.equals("type")) {
                String value = field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString();
                out.printf("  %-18s %s%n", name, value);
            }
        }
    }
}

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
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.RecordRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail show ID}: one record as the ledger holds it. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show any record as the ledger holds it now.",
            "Organisations, allocations (with their balance), transfers, expenditures, outcomes, returns, "
                + "reversals. Read from the read model, with the transaction and block that wrote it; "
                + "--from-ledger asks the ledger itself."},
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

    @Option(names = "--from-ledger", description = "Evaluate on the ledger instead of reading the read model.")
    boolean fromLedger;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!fromLedger) {
            showFromReadModel(out);
            return ExitCode.OK;
        }
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

    private void showFromReadModel(PrintWriter out) throws Exception {
        RecordRow row;
        try (ReadModel readModel = ledger.readModel()) {
            row = readModel.record(id).orElseThrow(() -> new UserError(ExitCode.NOT_FOUND, "not found: id: no record "
                    + "with id '" + id + "' (in the read model; try --from-ledger)"));
        }
        if (output.json()) {
            OutputOptions.printJson(out, row);
        } else {
            printFields(out, row.type().name().toLowerCase(java.util.Locale.ROOT) + " " + id,
                    CanonicalJson.mapper().valueToTree(row.record()));
            if (row.balance() != null) {
                printFields(out, "balance", CanonicalJson.mapper().valueToTree(row.balance()));
            }
            out.printf("  %-18s tx %s in block %d%n", "ledger", row.ref().txId(), row.ref().blockNumber());
        }
        out.flush();
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

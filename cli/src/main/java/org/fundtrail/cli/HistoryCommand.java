package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.RecordHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail history ID}: every version of a record. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show every version of a record with its transaction, newest first.",
            "For an allocation, every change of its balance."},
        footer = {"", "Example:", "  fundtrail history APP-2026-07"})
final class HistoryCommand implements Callable<Integer> {
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
            RecordHistory history = client.history(id);
            if (output.json()) {
                OutputOptions.printJson(out, history);
            } else {
                out.println(OutputOptions.style("bold", history.type().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + id + ": " + history.versions().size() + " version(s)"));
                for (RecordHistory.Version v : history.versions()) {
                    String detail = v.key().equals("balance") && v.value() != null
                            ? "available " + v.value().path("available").asText() + " "
                                    + v.value().path("currency").asText()
                            : "created";
                    out.printf("  %-24s %-10s %-15s %s%n", v.timestamp(), v.key(),
                            SubmitCommand.abbreviate(v.txId()), detail);
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}

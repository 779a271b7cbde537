package org.fundtrail.cli;

import org.fundtrail.client.ReturnRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fundtrail return}: send unspent money back up. */
@Command(name = "return", mixinStandardHelpOptions = true,
        description = "Return unspent money from an allocation you hold to its parent.",
        footer = {"", "Example:",
            "  fundtrail return --as HEALTH-HOSP --allocation T-1-A --amount 5000.00 \\",
            "      --reason-code UNSPENT --reason \"Programme under budget\""})
final class ReturnCommand extends SubmitCommand {
    @Option(names = "--allocation", required = true, paramLabel = "ID", description = "The allocation returning money.")
    String allocation;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "e.g. 5000.00")
    String amount;

    @Option(names = "--currency", defaultValue = "EUR", paramLabel = "CODE", description = "ISO 4217 (default: EUR).")
    String currency;

    @Mixin
    ReasonOptions reason;

    @Override
    String idPrefix() {
        return "R";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new ReturnRequest(recordId, allocation, amount("--amount", amount, currency), currency, reason.code,
                reason.text);
    }
}

package org.fundtrail.cli;

import org.fundtrail.client.SubmitRequest;
import org.fundtrail.client.TransferRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fundtrail transfer}: move money one tier down into a new allocation. */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {"Transfer money one tier down (ministry → department → agency).",
            "From an allocation you hold; creates the receiving allocation."},
        footer = {"", "Example:",
            "  fundtrail transfer --as HEALTH --from APP-2026-07-H --to HEALTH-HOSP \\",
            "      --amount 250000.00 --purpose \"Operating grant Q1\""})
final class TransferCommand extends SubmitCommand {
    @Option(names = "--from", required = true, paramLabel = "ALLOCATION", description = "The source allocation.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ORG", description = "The receiving organisation.")
    String to;

    @Option(names = "--to-allocation", paramLabel = "ID",
            description = "The id of the allocation to create (default: the transfer id + \"-A\").")
    String toAllocation;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "e.g. 250000.00")
    String amount;

    @Option(names = "--currency", defaultValue = "EUR", paramLabel = "CODE", description = "ISO 4217 (default: EUR).")
    String currency;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "What the money is for.")
    String purpose;

    @Option(names = "--reference", paramLabel = "TEXT", description = "Payment order or decision reference.")
    String reference;

    @Override
    String idPrefix() {
        return "T";
    }

    @Override
    SubmitRequest request(String recordId) {
        String child = toAllocation != null ? toAllocation : recordId + "-A";
        return new TransferRequest(recordId, from, to, child, amount("--amount", amount, currency), currency, purpose,
                reference);
    }
}

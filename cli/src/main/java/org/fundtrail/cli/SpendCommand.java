package org.fundtrail.cli;

import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fundtrail spend}: record money spent from an allocation. */
@Command(name = "spend", mixinStandardHelpOptions = true,
        description = {"Record money spent from an allocation you hold.", "Departments and agencies only; the evidence (invoice) is recorded by its SHA-256."},
        footer = {"", "Example:",
            "  fundtrail spend --as HEALTH-HOSP --allocation T-1-A --amount 1234.56 \\",
            "      --payee \"MedSupply Ltd\" --category 2.2.1 --date 2026-03-14 \\",
            "      --evidence invoice.pdf --evidence-uri https://example.org/inv/1.pdf"})
final class SpendCommand extends SubmitCommand {
    @Option(names = "--allocation", required = true, paramLabel = "ID", description = "The allocation spent from.")
    String allocation;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "e.g. 1234.56")
    String amount;

    @Option(names = "--currency", defaultValue = "EUR", paramLabel = "CODE", description = "ISO 4217 (default: EUR).")
    String currency;

    @Option(names = "--payee", required = true, paramLabel = "NAME", description = "Who was paid.")
    String payee;

    @Option(names = "--payee-id", paramLabel = "ID", description = "The payee's registry identifier.")
    String payeeId;

    @Option(names = "--category", required = true, paramLabel = "CODE", description = "Spending category.")
    String category;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Payment date.")
    String date;

    @Mixin
    EvidenceOptions evidence;

    @Override
    String idPrefix() {
        return "E";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new ExpenditureRequest(recordId, allocation, amount("--amount", amount, currency), currency,
                new Payee(payee, payeeId), category, date, evidence.evidence());
    }
}

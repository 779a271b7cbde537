package org.fundtrail.cli;

import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fundtrail appropriate}: the finance ministry appropriates a budget line. */
@Command(name = "appropriate", mixinStandardHelpOptions = true,
        description = "Appropriate a budget line to the finance ministry (ministry officers).",
        footer = {"", "Example:",
            "  fundtrail appropriate --as MOF --id APP-2026-07 --fiscal-year 2026 \\",
            "      --amount 12000000.00 --cofog 07.3 --programme P-HOSP \\",
            "      --purpose \"Hospital services\" --legal-reference \"Budget Law 2026 art. 7\""})
final class AppropriateCommand extends SubmitCommand {
    @Option(names = "--fiscal-year", required = true, paramLabel = "YEAR", description = "The fiscal year.")
    int fiscalYear;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "e.g. 12000000.00")
    String amount;

    @Option(names = "--currency", defaultValue = "EUR", paramLabel = "CODE", description = "ISO 4217 (default: EUR).")
    String currency;

    @Option(names = "--cofog", required = true, paramLabel = "CODE", description = "COFOG function, e.g. 07.3")
    String cofog;

    @Option(names = "--programme", required = true, paramLabel = "CODE", description = "Programme code.")
    String programme;

    @Option(names = "--economic", paramLabel = "CODE", description = "Economic classification, e.g. 2.2")
    String economic;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "What the money is for.")
    String purpose;

    @Option(names = "--legal-reference", paramLabel = "TEXT", description = "The budget law or decision.")
    String legalReference;

    @Override
    String idPrefix() {
        return "APP";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new AppropriationRequest(recordId, fiscalYear, amount("--amount", amount, currency), currency,
                new Classification(cofog, programme, economic), purpose, legalReference);
    }
}

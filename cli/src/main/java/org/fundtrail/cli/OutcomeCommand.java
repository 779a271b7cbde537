package org.fundtrail.cli;

import java.nio.file.Path;
import java.util.List;
import org.fundtrail.client.OutcomeRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fundtrail outcome}: report a result against allocations. */
@Command(name = "outcome", mixinStandardHelpOptions = true,
        description = {"Report an outcome against allocations you hold.", "An indicator with its unit, baseline, target and actual value, and the report backing it."},
        footer = {"", "Example:",
            "  fundtrail outcome --as HEALTH-HOSP --allocation T-1-A \\",
            "      --indicator \"Hospital beds available\" --unit beds --baseline 1200 \\",
            "      --target 1350 --actual 1320 --period 2026 --evidence report.pdf \\",
            "      --evidence-uri https://example.org/reports/2026.pdf"})
final class OutcomeCommand extends SubmitCommand {
    @Option(names = "--allocation", required = true, paramLabel = "ID", description = "An allocation (repeatable).")
    List<String> allocations;

    @Option(names = "--indicator", required = true, paramLabel = "TEXT", description = "What is measured.")
    String indicator;

    @Option(names = "--unit", required = true, paramLabel = "TEXT", description = "The unit of measure.")
    String unit;

    @Option(names = "--baseline", required = true, paramLabel = "DECIMAL", description = "The value before.")
    String baseline;

    @Option(names = "--target", required = true, paramLabel = "DECIMAL", description = "The value aimed for.")
    String target;

    @Option(names = "--actual", required = true, paramLabel = "DECIMAL", description = "The value achieved.")
    String actual;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", description = "e.g. 2026, 2026-Q3, 2026-07")
    String period;

    @Option(names = "--evidence", paramLabel = "FILE", description = "The report: its SHA-256 is recorded.")
    Path evidenceFile;

    @Option(names = "--evidence-sha256", paramLabel = "HEX", description = "The report's SHA-256, if not --evidence.")
    String evidenceSha256;

    @Option(names = "--evidence-uri", required = true, paramLabel = "URI", description = "Where the report is published.")
    String evidenceUri;

    @Override
    String idPrefix() {
        return "O";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new OutcomeRequest(recordId, allocations, indicator, unit, baseline, target, actual, period,
                SpendCommand.evidence(evidenceFile, evidenceSha256, evidenceUri));
    }
}

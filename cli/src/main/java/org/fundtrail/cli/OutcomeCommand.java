package org.fundtrail.cli;

import java.util.List;
import org.fundtrail.client.OutcomeRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    EvidenceOptions evidence;

    @Override
    String idPrefix() {
        return "O";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new OutcomeRequest(recordId, allocations, indicator, unit, baseline, target, actual, period,
                evidence.evidence());
    }
}

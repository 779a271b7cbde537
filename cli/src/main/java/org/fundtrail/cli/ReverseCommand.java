package org.fundtrail.cli;

import org.fundtrail.client.ReversalRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fundtrail reverse}: correct a transfer or an expenditure with a new record. */
@Command(name = "reverse", mixinStandardHelpOptions = true,
        description = {"Reverse a transfer or an expenditure with a correcting record.",
            "A transfer can be reversed while its receiving allocation is untouched. The original stays on the "
                + "ledger; the reversal names it and why."},
        footer = {"", "Example:",
            "  fundtrail reverse E-20260314-1a2b3c4d --as HEALTH-HOSP \\",
            "      --reason-code DATA_ENTRY_ERROR --reason \"Invoice keyed twice\""})
final class ReverseCommand extends SubmitCommand {
    @Parameters(index = "0", paramLabel = "ORIGINAL_ID", description = "The transfer or expenditure to reverse.")
    String originalId;

    @Mixin
    ReasonOptions reason;

    @Override
    String idPrefix() {
        return "V";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new ReversalRequest(recordId, originalId, reason.code, reason.text);
    }
}

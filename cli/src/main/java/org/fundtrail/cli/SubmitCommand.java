package org.fundtrail.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.fundtrail.chaincode.domain.Ids;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.SubmitRequest;
import org.fundtrail.client.Submission;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A finance officer's command: builds one request, checks what can be checked locally, then submits
 * it signed with the chosen identity (or evaluates it with {@code --dry-run}).
 */
abstract class SubmitCommand implements Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @Option(names = "--id", paramLabel = "ID",
            description = {"The new record's id, e.g. an official reference (default: generated, and printed "
                + "first). Running the same command again with the same id reports 'already done' once it "
                + "committed."})
    String id;

    @Option(names = "--dry-run", description = "Check the transaction against the ledger's rules without submitting it.")
    boolean dryRun;

    /** @return the prefix of generated ids, e.g. {@code "T"} */
    abstract String idPrefix();

    /** @return the request for a record id */
    abstract SubmitRequest request(String recordId);

    @Override
    public Integer call() throws LedgerException {
        String recordId = id == null ? generatedId() : checkedId(id);
        SubmitRequest request = request(recordId);
        PrintWriter out = spec.commandLine().getOut();
        try (FundtrailLedger client = ledger.open(true)) {
            if (dryRun) {
                List<LedgerRecord> records = client.dryRun(request);
                if (output.json()) {
                    OutputOptions.printJson(out, java.util.Map.of("dryRun", true, "records", records));
                } else {
                    out.println("dry run: " + request.transactionName() + " " + recordId
                            + " would be accepted, writing " + summary(records));
                }
            } else {
                if (id == null) {
                    announce(recordId);
                }
                Submission s = client.submit(request);
                if (output.json()) {
                    OutputOptions.printJson(out, s);
                } else if (s.alreadyDone()) {
                    out.println("already done: " + request.transactionName() + " " + recordId + " was committed "
                            + "earlier" + (s.blockNumber() < 0 ? "" : " in block " + s.blockNumber()) + " (tx "
                            + s.transactionId() + "); nothing new was written");
                } else {
                    out.println(OutputOptions.style("green", "committed") + " " + request.transactionName() + " "
                            + recordId + " in block " + s.blockNumber() + " (tx " + abbreviate(s.transactionId())
                            + "), writing " + summary(s.records()));
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * Names a generated id on stderr before anything is submitted, so that a run whose outcome turns
     * out unknown can be repeated with the same id rather than a new one.
     */
    private void announce(String recordId) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fundtrail: generated id " + recordId + " (to repeat this command, add --id " + recordId + ")");
        err.flush();
    }

    private String generatedId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return idPrefix() + "-" + LocalDate.now().toString().replace("-", "") + "-" + HexFormat.of().formatHex(bytes);
    }

    private static String checkedId(String value) {
        try {
            return Ids.require("--id", value);
        } catch (Refusal e) {
            throw UserError.usage(e);
        }
    }

    /** Checks an amount locally so that a typo never reaches the ledger. */
    static String amount(String option, String amount, String currency) {
        try {
            return Money.parse(option, amount, currency).toDecimal();
        } catch (Refusal e) {
            throw UserError.usage(e);
        }
    }

    private static String summary(List<LedgerRecord> records) {
        StringBuilder text = new StringBuilder();
        for (LedgerRecord r : records) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(r.type().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(r.id());
        }
        return text.toString();
    }

    static String abbreviate(String txId) {
        return txId.length() > 12 ? txId.substring(0, 12) + "…" : txId;
    }
}

package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.client.CommitFailedException;
import org.fundtrail.client.CommitUnknownException;
import org.fundtrail.client.GatewayRejectedException;
import org.fundtrail.client.LedgerUnavailableException;
import org.fundtrail.client.RefusedException;

/**
 * What a failed command tells its user: the documented exit code, a stable code name, one line of
 * message, and what the ledger said. Printed as one line on stderr, or with {@code --json} as
 * {@code {"error":{…}}} on stdout.
 *
 * <pre>{@code
 * Failure f = Failure.of(exception);
 * f.printJson(out);   // {"error":{"code":"REFUSED","exitCode":3,"ledgerCode":"INSUFFICIENT_FUNDS",…}}
 * }</pre>
 *
 * @param exitCode one of {@link ExitCode}
 * @param code the stable name of what happened, e.g. {@code REFUSED}, {@code OUTCOME_UNKNOWN}
 * @param message one line: what happened and what to do
 * @param ledgerCode the chaincode's error code when it refused, else null
 * @param field the field the chaincode named, else null
 * @param transactionId the Fabric transaction concerned, else null
 * @param recordId the record the transaction creates, when its outcome is unknown, else null
 */
record Failure(int exitCode, String code, String message, ErrorCode ledgerCode, String field, String transactionId,
               String recordId) {

    /** @return a failure with no ledger details */
    static Failure of(int exitCode, String message) {
        return new Failure(exitCode, codeName(exitCode), message, null, null, null, null);
    }

    /** @return how an exception that ended a command is reported */
    static Failure of(Exception e) {
        if (e instanceof UserError user) {
            return of(user.exitCode(), user.getMessage());
        }
        if (e instanceof RefusedException refused) {
            boolean notFound = refused.code() == ErrorCode.NOT_FOUND;
            int exit = notFound ? ExitCode.NOT_FOUND : ExitCode.REFUSED;
            return new Failure(exit, codeName(exit), (notFound ? "not found: " : "refused by the ledger: ")
                    + refused.getMessage(), refused.code(), refused.field(), refused.transactionId(), null);
        }
        if (e instanceof CommitUnknownException unknown) {
            String id = unknown.recordId();
            return new Failure(ExitCode.OUTCOME_UNKNOWN, codeName(ExitCode.OUTCOME_UNKNOWN), "outcome unknown: "
                    + "transaction " + unknown.transactionId() + " for " + id + " was submitted but the ledger stopped "
                    + "answering before its commit was seen; check with 'fundtrail show " + id + " --from-ledger' "
                    + "(or 'fundtrail history " + id + "'), or run the same command again with --id " + id
                    + ": it reports 'already done' if it committed", null, null, unknown.transactionId(), id);
        }
        if (e instanceof CommitFailedException failed && failed.isConflict()) {
            return new Failure(ExitCode.UNREACHABLE, "CONFLICT", "the ledger kept conflicting with concurrent "
                    + "transactions (" + failed.validationCode() + " on every attempt); nothing was written; try again",
                    null, null, failed.transactionId(), null);
        }
        if (e instanceof CommitFailedException failed) {
            return new Failure(ExitCode.REFUSED, codeName(ExitCode.REFUSED), "refused at commit: "
                    + failed.getMessage(), null, null, failed.transactionId(), null);
        }
        if (e instanceof GatewayRejectedException rejected) {
            return new Failure(ExitCode.ERROR, "GATEWAY_REJECTED", rejected.getMessage() + "; check the connection's "
                    + "channel, chaincode and identity (--connection, --as, --network)", null, null, null, null);
        }
        if (e instanceof LedgerUnavailableException unavailable) {
            return new Failure(ExitCode.UNREACHABLE, codeName(ExitCode.UNREACHABLE), "ledger unreachable: "
                    + unavailable.getMessage(), null, null, null, null);
        }
        if (e instanceof org.fundtrail.client.readmodel.ReadModelException readModel) {
            return of(ExitCode.ERROR, readModel.getMessage());
        }
        return of(ExitCode.ERROR, "unexpected error: " + e);
    }

    /** @return the stable name of an exit code, as {@code "code"} in JSON errors */
    static String codeName(int exitCode) {
        return switch (exitCode) {
            case ExitCode.OK -> "OK";
            case ExitCode.USAGE -> "USAGE";
            case ExitCode.REFUSED -> "REFUSED";
            case ExitCode.NOT_FOUND -> "NOT_FOUND";
            case ExitCode.UNREACHABLE -> "UNREACHABLE";
            case ExitCode.MISMATCH -> "MISMATCH";
            case ExitCode.OUTCOME_UNKNOWN -> "OUTCOME_UNKNOWN";
            default -> "ERROR";
        };
    }

    /** Prints the message's first line on stderr, after {@code "fundtrail: "}. */
    void printText(PrintWriter err) {
        err.println(OutputOptions.style("red", "fundtrail: ") + message.lines().findFirst().orElse(""));
        err.flush();
    }

    /** Prints {@code {"error":{code, exitCode, message, ledgerCode?, field?, transactionId?, recordId?}}}. */
    void printJson(PrintWriter out) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("exitCode", exitCode);
        error.put("message", message);
        if (ledgerCode != null) {
            error.put("ledgerCode", ledgerCode.name());
        }
        if (field != null) {
            error.put("field", field);
        }
        if (transactionId != null) {
            error.put("transactionId", transactionId);
        }
        if (recordId != null) {
            error.put("recordId", recordId);
        }
        OutputOptions.printJson(out, Map.of("error", error));
    }
}

package org.fundtrail.cli;

/**
 * A failure to report to the user as one line (no stack trace), with the exit code it maps to.
 * The message says what is wrong and, where possible, what to do.
 */
public final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode one of {@link ExitCode}
     * @param message one line: what is wrong and what to do
     */
    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * A usage error from a rule checked locally before anything reaches the ledger.
     *
     * @param refusal the chaincode's refusal (its message without the trailing error code)
     * @return the error, exit code {@link ExitCode#USAGE}
     */
    static UserError usage(org.fundtrail.chaincode.domain.Refusal refusal) {
        return new UserError(ExitCode.USAGE, org.fundtrail.chaincode.domain.Refusal.parse(refusal.getMessage())
                .map(p -> p.field() + ": " + p.detail()).orElse(refusal.getMessage()));
    }

    /** @return the exit code */
    public int exitCode() {
        return exitCode;
    }
}

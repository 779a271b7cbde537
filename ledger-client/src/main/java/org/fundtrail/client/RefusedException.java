package org.fundtrail.client;

import org.fundtrail.chaincode.domain.ErrorCode;

/**
 * The chaincode refused the transaction (or query): a rule was broken, an id is unknown, the caller
 * may not do this. Nothing was written.
 *
 * <pre>{@code
 * catch (RefusedException e) { if (e.code() == ErrorCode.INSUFFICIENT_FUNDS) … e.field() … }
 * }</pre>
 */
public final class RefusedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    RefusedException(ErrorCode code, String field, String message, String transactionId, Throwable cause) {
        super(message, transactionId, cause);
        this.code = code;
        this.field = field;
    }

    /** @return the chaincode's stable error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the field the chaincode named */
    public String field() {
        return field;
    }
}

package org.fundtrail.client;

/**
 * The Fabric gateway refused the request before any chaincode ran: the channel or chaincode does
 * not exist there, the identity is not a member of the channel, or the request is malformed. It is
 * a problem of the connection (the connection file's channel, chaincode, identity), not a refusal
 * by the chaincode's rules ({@link RefusedException}); nothing was written.
 *
 * <pre>{@code
 * try {
 *     ledger.allocation("A-1");
 * } catch (GatewayRejectedException e) {
 *     System.err.println("check the connection file: " + e.status() + " " + e.getMessage());
 * }
 * }</pre>
 */
public final class GatewayRejectedException extends LedgerException {
    private static final long serialVersionUID = 1L;

    private final String status;

    GatewayRejectedException(String status, String message, String transactionId, Throwable cause) {
        super(message, transactionId, cause);
        this.status = status;
    }

    /** @return the gRPC status the gateway answered with, e.g. {@code NOT_FOUND}, {@code PERMISSION_DENIED} */
    public String status() {
        return status;
    }
}

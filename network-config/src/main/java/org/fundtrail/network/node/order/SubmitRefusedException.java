package org.fundtrail.network.node.order;

import org.hyperledger.fabric.protos.common.Status;

/**
 * A transaction the ordering service would not accept, with the broadcast status Fabric's orderer
 * returns ({@code FORBIDDEN} for a bad creator or signature, {@code BAD_REQUEST} for a malformed
 * envelope).
 *
 * <pre>{@code catch (SubmitRefusedException e) { e.status(); }}</pre>
 */
public final class SubmitRefusedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Status status;

    /**
     * @param status the broadcast status
     * @param info the orderer's info text
     */
    public SubmitRefusedException(Status status, String info) {
        super(info);
        this.status = status;
    }

    /** @return the broadcast status */
    public Status status() {
        return status;
    }
}

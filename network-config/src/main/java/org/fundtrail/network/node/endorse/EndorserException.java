package org.fundtrail.network.node.endorse;

/**
 * A proposal the node would not endorse or evaluate, with the kind of failure the Gateway maps to a
 * gRPC status (as Fabric's gateway does).
 *
 * <pre>{@code catch (EndorserException e) { if (e.kind() == Kind.CHAINCODE) { ... } }}</pre>
 */
public final class EndorserException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What failed. */
    public enum Kind {
        /** The request could not be unpacked (Fabric: INVALID_ARGUMENT). */
        MALFORMED,
        /** The peer refused the proposal: identity, signature, txId, duplicate, unknown channel or chaincode. */
        PEER,
        /** The chaincode returned an error response; the message is "chaincode response STATUS, MESSAGE". */
        CHAINCODE
    }

    private final Kind kind;

    /**
     * @param kind the kind of failure
     * @param message Fabric's message for it
     */
    public EndorserException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }
}

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
        /** The peer refused the proposal: identity, signature, txId, duplicate. */
        PEER,
        /**
         * The channel or the chaincode named by the proposal is not on this node. A Fabric gateway
         * finds no peer for it: evaluate answers UNAVAILABLE (unknown channel) or FAILED_PRECONDITION
         * (unknown chaincode), endorse FAILED_PRECONDITION ("no combination of peers").
         */
        NOT_DEPLOYED,
        /** The chaincode returned an error response; the message is "chaincode response STATUS, MESSAGE". */
        CHAINCODE
    }

    private final Kind kind;
    private final String chaincodeName;
    private final String channelId;

    /**
     * @param kind the kind of failure
     * @param message Fabric's message for it
     */
    public EndorserException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    private EndorserException(Kind kind, String message, String chaincodeName, String channelId) {
        super(message);
        this.kind = kind;
        this.chaincodeName = chaincodeName;
        this.channelId = channelId;
    }

    /**
     * A proposal for a chaincode or channel this node does not have ({@link Kind#NOT_DEPLOYED}).
     *
     * @param chaincodeName the chaincode the proposal names
     * @param channelId the channel the proposal names
     * @return the exception, with a Fabric gateway's message
     */
    public static EndorserException notDeployed(String chaincodeName, String channelId) {
        return new EndorserException(Kind.NOT_DEPLOYED, "No metadata was found for chaincode " + chaincodeName
                + " in channel " + channelId, chaincodeName, channelId);
    }

    /** @return the chaincode a {@link Kind#NOT_DEPLOYED} proposal names, else null */
    public String chaincodeName() {
        return chaincodeName;
    }

    /** @return the channel a {@link Kind#NOT_DEPLOYED} proposal names, else null */
    public String channelId() {
        return channelId;
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }
}

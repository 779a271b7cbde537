package org.fundtrail.network.node.msp;

/**
 * A serialized identity that no channel MSP accepts: malformed, from an unknown MSP or CA, expired,
 * or revoked.
 *
 * <pre>{@code try { msps.deserialize(bytes); } catch (IdentityException e) { e.mspId(); }}</pre>
 */
public final class IdentityException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String mspId;

    /**
     * @param mspId the MSP ID the identity claimed, or {@code null} when it could not be read
     * @param message what is wrong with it
     */
    public IdentityException(String mspId, String message) {
        super(message);
        this.mspId = mspId;
    }

    /** @return the claimed MSP ID, or {@code null} when the identity was malformed */
    public String mspId() {
        return mspId;
    }
}

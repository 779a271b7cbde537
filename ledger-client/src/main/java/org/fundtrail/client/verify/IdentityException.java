package org.fundtrail.client.verify;

/**
 * A signer's identity is not valid in the channel's MSPs: unknown MSP, not issued by one of its roots, revoked, outside its validity period, a CA, or without a NodeOU.
 *
 * <pre>{@code
 * catch (IdentityException e) { report("untrusted signer in block " + e.blockNumber() + ": " + e.found()); }
 * }</pre>
 */
public final class IdentityException extends VerificationException {
    private static final long serialVersionUID = 1L;

    IdentityException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

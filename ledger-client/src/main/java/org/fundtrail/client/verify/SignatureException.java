package org.fundtrail.client.verify;

/**
 * A signature does not verify: the orderer's over a block, a creator's over a transaction, or an endorser's over a proposal response. {@link #expected()} names the signer.
 *
 * <pre>{@code
 * catch (SignatureException e) { report(e.getMessage()); }
 * }</pre>
 */
public final class SignatureException extends VerificationException {
    private static final long serialVersionUID = 1L;

    SignatureException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

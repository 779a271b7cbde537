package org.fundtrail.client.verify;

/**
 * A transaction marked valid is not endorsed as its endorsement policy requires. {@link #expected()} is the policy, {@link #found()} the valid endorsers.
 *
 * <pre>{@code
 * catch (EndorsementPolicyException e) { report(e.txId() + " needs " + e.expected() + ", has " + e.found()); }
 * }</pre>
 */
public final class EndorsementPolicyException extends VerificationException {
    private static final long serialVersionUID = 1L;

    EndorsementPolicyException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

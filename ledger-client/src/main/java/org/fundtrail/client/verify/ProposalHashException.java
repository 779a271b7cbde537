package org.fundtrail.client.verify;

/**
 * A transaction's endorsements are over another proposal: the proposal hash in its proposal response differs from the hash of its own header and proposal payload.
 *
 * <pre>{@code
 * catch (ProposalHashException e) { report(e.txId() + " carries another transaction's endorsements"); }
 * }</pre>
 */
public final class ProposalHashException extends VerificationException {
    private static final long serialVersionUID = 1L;

    ProposalHashException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

package org.fundtrail.client.verify;

/**
 * A block does not follow the previous one: its number is not the next, or its {@code previous_hash} is not the SHA-256 of the previous block's header.
 *
 * <pre>{@code
 * catch (HashChainException e) { report("chain broken at block " + e.blockNumber() + ": " + e.expected() + " vs " + e.found()); }
 * }</pre>
 */
public final class HashChainException extends VerificationException {
    private static final long serialVersionUID = 1L;

    HashChainException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

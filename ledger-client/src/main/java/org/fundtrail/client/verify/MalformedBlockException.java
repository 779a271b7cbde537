package org.fundtrail.client.verify;

/**
 * A block or transaction cannot be read as Fabric's format requires: unparsable protobuf, missing metadata, a transaction filter without one code per envelope, a wrong transaction id, or a kind of transaction the verifier does not support.
 *
 * <pre>{@code
 * catch (MalformedBlockException e) { report(e.getMessage()); }
 * }</pre>
 */
public final class MalformedBlockException extends VerificationException {
    private static final long serialVersionUID = 1L;

    MalformedBlockException(long blockNumber, int txIndex, String txId, String what, String expected, String found) {
        super(blockNumber, txIndex, txId, what, expected, found);
    }
}

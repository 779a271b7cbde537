package org.fundtrail.client.verify;

/**
 * What a {@link BlockVerifier} has verified so far.
 *
 * <pre>{@code
 * VerificationReport r = verifier.report();
 * System.out.printf("%d blocks, %d transactions (%d valid), %d signatures%n",
 *         r.blocks(), r.transactions(), r.valid(), r.signaturesChecked());
 * }</pre>
 *
 * @param blocks blocks verified (the genesis block included when verification started from it)
 * @param transactions transactions in them
 * @param valid transactions marked valid, and found valid
 * @param invalid transactions marked invalid, and found invalid
 * @param signaturesChecked ECDSA signatures verified (orderer, creators, endorsers)
 * @param lastBlockNumber the number of the last block verified or trusted
 * @param lastHeaderHash hex SHA-256 of that block's header: the next block's expected {@code previous_hash}
 */
public record VerificationReport(long blocks, long transactions, long valid, long invalid, long signaturesChecked,
        long lastBlockNumber, String lastHeaderHash) {
}

/**
 * The ledger verifier: checks Fabric-format blocks from block 0 (or from a trusted block) without
 * trusting whoever served them — the header hash chain and data hash ({@link
 * org.fundtrail.client.verify.BlockHashes}), the orderer's signature against the orderer MSP, every
 * transaction's creator signature and endorsements against the orgs' MSPs and the endorsement
 * policy ({@link org.fundtrail.client.verify.EndorsementPolicy}, Fabric's signature-policy syntax),
 * the validation codes (MVCC and duplicate ids replayed from block 0), and that a record's bytes are
 * what its transaction wrote. Trust comes from block 0's channel configuration
 * ({@link org.fundtrail.client.verify.ChannelConfig}, {@link org.fundtrail.client.verify.Msp}). Every
 * failure is a {@link org.fundtrail.client.verify.VerificationException} naming the block, the
 * transaction, and what was expected versus found.
 *
 * <pre>{@code
 * try (BlockVerifier verifier = BlockVerifier.newInstance().genesis(block0)
 *         .endorsementPolicy(EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')")).build()) {
 *     for (Block b : laterBlocks) {
 *         verifier.verify(b);
 *     }
 * }
 * }</pre>
 */
package org.fundtrail.client.verify;

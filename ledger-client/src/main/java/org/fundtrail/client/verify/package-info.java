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
 *
 * <p><b>Independent of the node, on purpose.</b> This package shares no code with the embedded node's
 * Fabric-format code ({@code network-config}: {@code node.block}, {@code node.msp}, {@code node.order},
 * {@code node.endorse}, {@code definition}); {@code ledger-client} depends on {@code network-config}
 * only in test scope. An auditor's verifier that called the builder's code would share its bugs and
 * accept whatever the node gets wrong. So each Fabric rule is written twice, here from Fabric's
 * definition and there for building: the header's DER bytes, header hash and data hash
 * ({@code BlockHashes} / {@code BlockHashing}); low-S ECDSA verification ({@code Ecdsa} /
 * {@code Signatures}); envelope parsing, the txId as SHA-256(nonce || creator) and the proposal hash
 * ({@code TransactionParts} / {@code TransactionChecker}, {@code Endorser}); MSP certificate, CRL and
 * NodeOU checks ({@code Msp}, {@code Identities} / {@code ChannelMsps}); the signature-policy syntax
 * and its evaluation ({@code EndorsementPolicy} / {@code SignaturePolicy}); the config block, read
 * here and written there ({@code ChannelConfig} / {@code GenesisBlock}); the MVCC and
 * phantom-read replay ({@code WorldVersions} / {@code BlockWrites}); and Fabric's key order, by
 * UTF-8 bytes rather than {@link java.lang.String#compareTo}'s UTF-16 units, which that replay sorts
 * and bounds ranges by ({@code KeyOrder} / {@code node.store.KeyOrder}, each pinned by a
 * {@code KeyOrderTest} to the order of the encoded bytes). What keeps the two in agreement
 * is tests, not shared code: {@code BlockVerifierTest} verifies a ledger the embedded node wrote
 * through the Fabric Gateway client, and tampered copies of it; the CLI's {@code LedgerScenarios}
 * runs this verifier over every block of the embedded node ({@code EmbeddedScenariosIT}) and of a
 * real Fabric 2.5 network ({@code FabricScenariosIT}, when {@code FABRIC_BIN} or {@code FABRIC_SRC}
 * is set); and {@code BlockHashesTest} here and {@code BlockHashingTest} there pin both hash
 * implementations to the same vectors of Go's encoding. Duplication that is no Fabric rule is left
 * too, as too small for a shared module: {@code BlockHashes.sha256} repeats {@code
 * org.fundtrail.network.crypto.Sha256} (a per-thread JDK SHA-256), and both sides format hex with the
 * JDK's {@code HexFormat}, with no helper of their own.
 */
package org.fundtrail.client.verify;

package org.fundtrail.client.verify;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.common.Block;

/**
 * Verifies a ledger of Fabric-format blocks, one block after the other, from block 0 or from a
 * trusted block: the header hash chain and data hash, the orderer's signature against the orderer
 * MSP, and for every transaction its creator's signature, its endorsements against the orgs' MSPs
 * and the endorsement policy, and its validation code (from block 0, MVCC and duplicate ids are
 * replayed, so a code flipped either way is caught). It also checks that a record's bytes are what
 * its transaction wrote. Signatures of a block's transactions are verified on a small pool.
 *
 * <p>Stateful and not thread-safe: {@link #verify(Block)} keeps the last header hash. A failed
 * verification leaves the state as it was, at the last good block.
 *
 * <pre>{@code
 * try (BlockVerifier verifier = BlockVerifier.newInstance()
 *         .genesis(block0)
 *         .endorsementPolicy(EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')"))
 *         .build()) {
 *     verifier.verifyAll(blocksFrom1.iterator(), b -> { });
 *     verifier.verifyRecord(block, txId, Keys.record(RecordType.TRANSFER, "T-1"), recordBytes);
 *     System.out.println(verifier.report());
 * }
 * }</pre>
 */
public interface BlockVerifier extends AutoCloseable {
    /** The chaincode whose writes {@link #verifyRecord} reads and whose policy is checked, unless told otherwise. */
    String DEFAULT_CHAINCODE = "spending";

    /** @return a builder */
    static Builder newInstance() {
        return new Builder();
    }

    /**
     * Verifies the next block.
     *
     * @param next the block after the last one verified or trusted
     * @throws HashChainException when it is not the next block or does not chain to the last header
     * @throws DataHashException when its data hash is not the hash of its envelopes
     * @throws MalformedBlockException when it or a transaction is unreadable or of an unsupported kind
     * @throws SignatureException when a signature (orderer, creator, endorser) does not verify
     * @throws IdentityException when a signer is not a valid identity of the channel's MSPs
     * @throws ProposalHashException when a transaction's endorsements are over another proposal
     * @throws EndorsementPolicyException when a transaction marked valid is not endorsed as the policy requires
     * @throws TransactionFilterException when a validation code in the transactions filter is not the one found
     * @throws VerificationException never of another kind: the subclasses above are the whole list
     */
    void verify(Block next) throws VerificationException;

    /**
     * Verifies blocks in order, as {@link #verify} does one by one, but checks the signatures of the next
     * few blocks while it finishes the current one, so the pool stays busy across block ends: the way to
     * verify a long stretch of ledger. Stops at the first failure; blocks before it are verified.
     *
     * @param blocks the blocks after the last one verified or trusted, in order; read a few ahead
     * @param verified told of each block once it has verified (e.g. to report progress)
     * @throws VerificationException as {@link #verify} does, for the first block that fails
     */
    void verifyAll(Iterator<Block> blocks, Consumer<Block> verified) throws VerificationException;

    /**
     * Checks that a transaction of a block wrote exactly these bytes under a key of the chaincode. Checks
     * the block's data hash; the block's place in the chain and its signatures are {@link #verify}'s job.
     *
     * @param block a block (already verified)
     * @param txId the transaction id
     * @param key the state key (Fabric composite keys as the chaincode forms them)
     * @param expectedValue the record's bytes
     * @throws DataHashException when the block's envelopes are not those its header hashes
     * @throws RecordMismatchException when the transaction is absent or invalid, wrote no such key, or other bytes
     * @throws MalformedBlockException when the transaction cannot be read
     * @throws VerificationException never of another kind: the subclasses above are the whole list
     */
    void verifyRecord(Block block, String txId, String key, byte[] expectedValue) throws VerificationException;

    /** @return what has been verified so far */
    VerificationReport report();

    /** @return the channel configuration verification relies on */
    ChannelConfig config();

    /** Stops the verification pool. */
    @Override
    void close();

    /**
     * Builds a {@link BlockVerifier}: exactly one of {@link #genesis} and {@link #trusted}.
     *
     * <pre>{@code BlockVerifier v = BlockVerifier.newInstance().trusted(lastVerified, config).threads(2).build();}</pre>
     */
    final class Builder {
        Block genesis;
        Block trusted;
        ChannelConfig config;
        EndorsementPolicy endorsementPolicy;
        String chaincode = DEFAULT_CHAINCODE;
        int threads = Runtime.getRuntime().availableProcessors();

        Builder() {
        }

        /**
         * Starts from block 0: trusts it (compare its header hash out of band), reads the channel
         * configuration from it, and verifies its own data hash and signatures.
         *
         * @param block0 the genesis (config) block
         * @return this builder
         */
        public Builder genesis(Block block0) {
            this.genesis = Objects.requireNonNull(block0, "block0");
            return this;
        }

        /**
         * Starts after a block verified earlier; MVCC outcomes and duplicate ids of later blocks cannot
         * be recomputed without the state, so only codes their signatures decide are checked.
         *
         * @param block the last block trusted
         * @param config the channel configuration (e.g. {@link ChannelConfig#fromConfigBlock} of block 0)
         * @return this builder
         */
        public Builder trusted(Block block, ChannelConfig config) {
            this.trusted = Objects.requireNonNull(block, "block");
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param policy the chaincode's endorsement policy; required when the configuration has none
         * @return this builder
         */
        public Builder endorsementPolicy(EndorsementPolicy policy) {
            this.endorsementPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param name the chaincode (default {@value BlockVerifier#DEFAULT_CHAINCODE})
         * @return this builder
         */
        public Builder chaincode(String name) {
            this.chaincode = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param threads threads verifying signatures (default: available processors)
         * @return this builder
         * @throws IllegalArgumentException when less than 1
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /**
         * @return the verifier, positioned after the genesis or trusted block
         * @throws VerificationException when the genesis block does not verify (see {@link BlockVerifier#verify})
         * @throws IllegalStateException when neither or both of genesis and trusted were given, or no
         *     endorsement policy is known
         */
        public BlockVerifier build() throws VerificationException {
            if ((genesis == null) == (trusted == null)) {
                throw new IllegalStateException("give exactly one of genesis(block0) and trusted(block, config)");
            }
            return BlockVerifierImpl.create(this);
        }
    }
}

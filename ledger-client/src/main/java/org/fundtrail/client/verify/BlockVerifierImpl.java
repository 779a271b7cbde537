package org.fundtrail.client.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

final class BlockVerifierImpl implements BlockVerifier {
    private static final HexFormat HEX = HexFormat.of();
    /** Codes that depend on ledger state, which a verifier started from a trusted block cannot recompute. */
    private static final List<TxValidationCode> STATE_CODES = List.of(TxValidationCode.MVCC_READ_CONFLICT,
            TxValidationCode.PHANTOM_READ_CONFLICT, TxValidationCode.DUPLICATE_TXID);

    /** How far {@link #verifyAll} checks ahead of the block it finishes. */
    private static final int LOOKAHEAD_BLOCKS = 16;
    private static final int LOOKAHEAD_TRANSACTIONS = 1024;

    private final String chaincode;
    /** Replaced by each config block. */
    private ChannelConfig config;
    private EndorsementPolicy policy;
    private Identities applicationIdentities;
    private Identities ordererIdentities;
    private final ForkJoinPool pool;
    /** Null when verification started from a trusted block: no state to replay. */
    private final WorldVersions world;

    private long lastNumber;
    private byte[] lastHeaderHash;
    private long blocks;
    private long transactions;
    private long valid;
    private long invalid;
    private long signatures;

    private BlockVerifierImpl(ChannelConfig config, EndorsementPolicy policy, String chaincode, int threads,
            WorldVersions world) {
        this.config = config;
        this.policy = policy;
        this.chaincode = chaincode;
        this.applicationIdentities = new Identities(config.applicationMsps());
        this.ordererIdentities = new Identities(config.ordererMsps());
        this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
        this.world = world;
    }

    static BlockVerifier create(Builder b) throws VerificationException {
        if (b.trusted != null) {
            ChannelConfig config = b.endorsementPolicy != null ? b.config.withEndorsementPolicy(b.endorsementPolicy)
                    : b.config;
            BlockVerifierImpl v = new BlockVerifierImpl(config, policyOf(config), b.chaincode, b.threads, null);
            v.lastNumber = b.trusted.getHeader().getNumber();
            v.lastHeaderHash = BlockHashes.headerHash(b.trusted.getHeader());
            return v;
        }
        Block block0 = b.genesis;
        long n = block0.getHeader().getNumber();
        if (n != 0 || !block0.getHeader().getPreviousHash().isEmpty()) {
            throw new HashChainException(n, -1, null, "a genesis block is block 0 with an empty previous hash",
                    "number 0, previous_hash empty", "number " + n + ", previous_hash "
                    + HEX.formatHex(block0.getHeader().getPreviousHash().toByteArray()));
        }
        checkDataHash(block0);
        ChannelConfig config = ChannelConfig.fromConfigBlock(block0);
        if (b.endorsementPolicy != null) {
            config = config.withEndorsementPolicy(b.endorsementPolicy);
        }
        BlockVerifierImpl v = new BlockVerifierImpl(config, policyOf(config), b.chaincode, b.threads,
                new WorldVersions());
        try {
            v.verifyGenesis(block0);
        } catch (VerificationException | RuntimeException e) {
            v.close();
            throw e;
        }
        return v;
    }

    private static EndorsementPolicy policyOf(ChannelConfig config) {
        return config.endorsementPolicy().orElseThrow(() -> new IllegalStateException(
                "the channel configuration has no Endorsement policy: give endorsementPolicy(...)"));
    }

    private void verifyGenesis(Block block0) throws VerificationException {
        // A genesis block straight from configtxgen has an empty filter; one from a ledger marks its config VALID.
        if (block0.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                && !block0.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).isEmpty()) {
            byte[] filter = checkFilter(block0);
            if (filter[0] != TxValidationCode.VALID_VALUE) {
                throw new TransactionFilterException(0, 0, null, "the genesis configuration is marked invalid",
                        TxValidationCode.VALID.name(), codeName(filter[0]));
            }
        }
        TransactionParts parts;
        try {
            parts = TransactionParts.parse(block0.getData().getData(0));
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedBlockException(0, 0, null, "unreadable config envelope: " + e.getMessage(), null, null);
        }
        String txId = parts.channelHeader().getTxId();
        // configtxgen leaves the genesis config envelope unsigned; the embedded node signs it as the orderer.
        if (!parts.creator().identity().isEmpty() || parts.creator().signature().length > 0) {
            checkSignature(ordererIdentities, parts.creator(), parts.timestamp(), 0, 0, txId);
            signatures++;
        }
        signatures += checkOrdererSignatures(block0, parts.timestamp(), true);
        blocks = 1;
        transactions = 1;
        valid = 1;
        lastNumber = 0;
        lastHeaderHash = BlockHashes.headerHash(block0.getHeader());
    }

    @Override
    public void verify(Block next) throws VerificationException {
        finish(start(next));
    }

    @Override
    public void verifyAll(Iterator<Block> blocks, Consumer<Block> verified) throws VerificationException {
        // Signatures of the next few blocks are checked while the oldest one is finished, so the pool does
        // not wait at every block's end. A config block changes the identities and the policy those checks
        // use: nothing after it starts until it is finished.
        ArrayDeque<Checks> ahead = new ArrayDeque<>();
        int aheadTransactions = 0;
        try {
            while (!ahead.isEmpty() || blocks.hasNext()) {
                // Without a pool, one block at a time.
                while (blocks.hasNext() && (ahead.isEmpty() || (pool != null && !ahead.peekLast().config
                        && ahead.size() < LOOKAHEAD_BLOCKS && aheadTransactions < LOOKAHEAD_TRANSACTIONS))) {
                    Checks c = start(blocks.next());
                    ahead.add(c);
                    aheadTransactions += c.count;
                }
                Checks oldest = ahead.poll();
                aheadTransactions -= oldest.count;
                finish(oldest);
                verified.accept(oldest.block);
            }
        } finally {
            for (Checks c : ahead) {
                c.cancel();
            }
        }
    }

    /** The outcome of checking a block's orderer signatures: their signers, or why they fail. */
    private sealed interface OrdererCheck permits Signed, Refused {
        /**
         * @return the identities that signed, each signature verified (validity in time still to check)
         * @throws VerificationException why the signatures fail
         */
        List<Identities.Accepted> signers() throws VerificationException;
    }

    /** @param signers the identities that signed, in signature order */
    private record Signed(List<Identities.Accepted> signers) implements OrdererCheck {
    }

    /** @param failure why the orderer signatures fail */
    private record Refused(VerificationException failure) implements OrdererCheck {
        @Override
        public List<Identities.Accepted> signers() throws VerificationException {
            throw failure;
        }
    }

    /** The work started for one block: the per-transaction checks and the block-level ones, maybe still running. */
    private static final class Checks {
        final Block block;
        final int count;
        final boolean config;
        final List<ForkJoinTask<?>> tasks = new ArrayList<>();
        final TxResult[] results;
        OrdererCheck orderer;
        DataHashException dataHash;

        Checks(Block block, boolean config) {
            this.block = block;
            this.count = block.getData().getDataCount();
            this.config = config;
            this.results = new TxResult[config ? 0 : count];
        }

        void await() {
            for (ForkJoinTask<?> t : tasks) {
                t.join();
            }
        }

        void cancel() {
            for (ForkJoinTask<?> t : tasks) {
                t.cancel(false);
            }
        }
    }

    /**
     * Starts what can be checked of a block without the previous ones: each transaction's signatures,
     * endorsements and structure, the data hash and the orderer's signatures; on the pool when there is one.
     */
    private Checks start(Block next) {
        int count = next.getData().getDataCount();
        Checks c = new Checks(next, count == 1 && isConfig(next.getData().getData(0)));
        if (c.config) {
            return c;
        }
        long n = next.getHeader().getNumber();
        List<Runnable> work = new ArrayList<>(count + 2);
        work.add(() -> {
            try {
                checkDataHash(next);
            } catch (DataHashException e) {
                c.dataHash = e;
            }
        });
        work.add(() -> {
            try {
                c.orderer = new Signed(ordererSignatures(next, false));
            } catch (VerificationException e) {
                c.orderer = new Refused(e);
            }
        });
        for (int i = 0; i < count; i++) {
            int index = i;
            work.add(() -> c.results[index] = check(n, index, next.getData().getData(index)));
        }
        for (Runnable r : work) {
            if (pool == null) {
                r.run();
            } else {
                c.tasks.add(pool.submit(r));
            }
        }
        return c;
    }

    /** Waits for a block's checks and applies it: chain, filter, validation codes, state, counters. */
    private void finish(Checks c) throws VerificationException {
        Block next = c.block;
        long n = next.getHeader().getNumber();
        if (n != lastNumber + 1) {
            c.cancel();
            throw new HashChainException(n, -1, null, "not the next block", String.valueOf(lastNumber + 1),
                    String.valueOf(n));
        }
        byte[] previous = next.getHeader().getPreviousHash().toByteArray();
        if (!Arrays.equals(previous, lastHeaderHash)) {
            c.cancel();
            throw new HashChainException(n, -1, null, "previous_hash is not the hash of block " + lastNumber
                    + "'s header", HEX.formatHex(lastHeaderHash), HEX.formatHex(previous));
        }
        if (c.config) {
            checkDataHash(next);
            verifyConfigBlock(next, checkFilter(next)[0]);
            return;
        }
        c.await();
        // Failures are reported in this order: data hash, filter shape, orderer signatures, transactions.
        if (c.dataHash != null) {
            throw c.dataHash;
        }
        int count = c.count;
        byte[] filter = checkFilter(next);
        List<Identities.Accepted> signers = c.orderer.signers();
        TxResult[] results = c.results;
        long signed = signers.size();
        Instant blockTime = null;
        for (TxResult r : results) {
            signed += r.signatures();
            if (r.timestamp() != null && (blockTime == null || r.timestamp().isAfter(blockTime))) {
                blockTime = r.timestamp();
            }
        }
        checkValidAt(signers, blockTime, n);
        long validHere = 0;
        WorldVersions.BlockUpdates updates = world == null ? null : world.begin();
        for (int i = 0; i < count; i++) {
            TxResult r = results[i];
            TxValidationCode claimed = TxValidationCode.forNumber(filter[i] & 0xff);
            TxValidationCode computed = computedCode(r, updates, claimed);
            boolean markedValid = claimed == TxValidationCode.VALID;
            if (markedValid && r.failure() != null) {
                throw r.failure();
            }
            if (markedValid != (computed == TxValidationCode.VALID)) {
                throw new TransactionFilterException(n, i, r.txId(), "the transactions filter marks the transaction "
                        + (markedValid ? "valid" : "invalid") + ", verification finds it "
                        + (markedValid ? "invalid" : "valid"), String.valueOf(computed), codeName(filter[i]));
            }
            if (markedValid) {
                validHere++;
                if (updates != null) {
                    updates.apply(r.namespaces(), r.sets(), n, i);
                }
            }
        }
        if (updates != null) {
            updates.commit();
        }
        blocks++;
        transactions += count;
        valid += validHere;
        invalid += count - validHere;
        signatures += signed;
        lastNumber = n;
        lastHeaderHash = BlockHashes.headerHash(next.getHeader());
    }

    private static boolean isConfig(ByteString envelope) {
        try {
            Payload p = Payload.parseFrom(Envelope.parseFrom(envelope).getPayload());
            return ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getType() == HeaderType.CONFIG_VALUE;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    /**
     * A config block: its envelope must be signed by an orderer (which validated the update against the
     * channel's modification policies, not re-checked here) and its configuration replaces the current one.
     */
    private void verifyConfigBlock(Block next, byte code) throws VerificationException {
        long n = next.getHeader().getNumber();
        TransactionParts parts;
        try {
            parts = TransactionParts.parse(next.getData().getData(0));
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedBlockException(n, 0, null, "unreadable config envelope: " + e.getMessage(), null, null);
        }
        String txId = parts.channelHeader().getTxId();
        if (!parts.channelHeader().getChannelId().equals(config.channelId())) {
            throw new MalformedBlockException(n, 0, txId, "configuration of another channel", config.channelId(),
                    parts.channelHeader().getChannelId());
        }
        checkSignature(ordererIdentities, parts.creator(), parts.timestamp(), n, 0, txId);
        long signed = 1 + checkOrdererSignatures(next, parts.timestamp(), false);
        if (code != TxValidationCode.VALID_VALUE) {
            throw new TransactionFilterException(n, 0, txId, "a config transaction signed by the orderer is valid",
                    TxValidationCode.VALID.name(), codeName(code));
        }
        ChannelConfig updated = ChannelConfig.fromConfigBlock(next);
        if (updated.endorsementPolicy().isEmpty()) {
            updated = updated.withEndorsementPolicy(policy);
        }
        config = updated;
        policy = policyOf(updated);
        applicationIdentities = new Identities(updated.applicationMsps());
        ordererIdentities = new Identities(updated.ordererMsps());
        blocks++;
        transactions++;
        valid++;
        signatures += signed;
        lastNumber = n;
        lastHeaderHash = BlockHashes.headerHash(next.getHeader());
    }

    /** The code this verifier finds: a static failure, else duplicate/MVCC when state is known. */
    private static TxValidationCode computedCode(TxResult r, WorldVersions.BlockUpdates updates,
            TxValidationCode claimed) {
        if (r.failure() != null) {
            return TxValidationCode.INVALID_OTHER_REASON;
        }
        if (updates == null) {
            return STATE_CODES.contains(claimed) ? claimed : TxValidationCode.VALID;
        }
        if (updates.duplicate(r.txId())) {
            return TxValidationCode.DUPLICATE_TXID;
        }
        return updates.validate(r.namespaces(), r.sets());
    }

    private static String codeName(byte code) {
        TxValidationCode c = TxValidationCode.forNumber(code & 0xff);
        return c == null ? "code " + (code & 0xff) : c.name();
    }

    private static void checkDataHash(Block block) throws DataHashException {
        byte[] computed = BlockHashes.dataHash(block.getData());
        byte[] claimed = block.getHeader().getDataHash().toByteArray();
        if (!Arrays.equals(computed, claimed)) {
            throw new DataHashException(block.getHeader().getNumber(), -1, null,
                    "data_hash is not the SHA-256 of the block's envelopes", HEX.formatHex(computed),
                    HEX.formatHex(claimed));
        }
    }

    private static byte[] checkFilter(Block block) throws MalformedBlockException {
        long n = block.getHeader().getNumber();
        int count = block.getData().getDataCount();
        if (block.getMetadata().getMetadataCount() <= BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) {
            throw new MalformedBlockException(n, -1, null, "no TRANSACTIONS_FILTER metadata", count + " codes",
                    "none");
        }
        byte[] filter = block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
        if (filter.length != count) {
            throw new MalformedBlockException(n, -1, null, "the transactions filter needs one code per envelope",
                    String.valueOf(count), String.valueOf(filter.length));
        }
        return filter;
    }

    /** @return the number of orderer signatures verified, each by an identity valid at that instant */
    private long checkOrdererSignatures(Block block, Instant when, boolean genesis) throws VerificationException {
        List<Identities.Accepted> signers = ordererSignatures(block, genesis);
        checkValidAt(signers, when, block.getHeader().getNumber());
        return signers.size();
    }

    private static void checkValidAt(List<Identities.Accepted> signers, Instant when, long block)
            throws IdentityException {
        for (int k = 0; k < signers.size() && when != null; k++) {
            String invalid = signers.get(k).chain().invalidAt(when);
            if (invalid != null) {
                throw new IdentityException(block, -1, null, "orderer signature " + k
                        + ": the signer is not a valid identity", "an identity valid at " + when + " in its MSP",
                        signers.get(k).mspId() + ": " + invalid);
            }
        }
    }

    /** Verifies the orderer's signatures, time apart; returns their signers. */
    private List<Identities.Accepted> ordererSignatures(Block block, boolean genesis) throws VerificationException {
        long n = block.getHeader().getNumber();
        Metadata md;
        try {
            md = Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
        } catch (InvalidProtocolBufferException | IndexOutOfBoundsException e) {
            throw new MalformedBlockException(n, -1, null, "unreadable SIGNATURES metadata", null, null);
        }
        if (md.getSignaturesCount() == 0) {
            if (genesis) {
                return List.of(); // a configtxgen genesis block is not signed: it is trusted as given
            }
            throw new SignatureException(n, -1, null, "the block carries no orderer signature",
                    "a signature of " + config.ordererMsps().keySet(), "none");
        }
        ByteString headerBytes = ByteString.copyFrom(BlockHashes.headerBytes(block.getHeader()));
        List<Identities.Accepted> signers = new ArrayList<>();
        for (int k = 0; k < md.getSignaturesCount(); k++) {
            MetadataSignature s = md.getSignatures(k);
            if (s.getSignatureHeader().isEmpty()) {
                throw new MalformedBlockException(n, -1, null, "orderer signature " + k
                        + " has no signature header (BFT identifier headers are not supported)", null, null);
            }
            SignatureHeader sh;
            try {
                sh = SignatureHeader.parseFrom(s.getSignatureHeader());
            } catch (InvalidProtocolBufferException e) {
                throw new MalformedBlockException(n, -1, null, "unreadable signature header of orderer signature " + k,
                        null, null);
            }
            byte[] signed = md.getValue().concat(s.getSignatureHeader()).concat(headerBytes).toByteArray();
            signers.add(checkSignature(ordererIdentities, new SignedData("orderer signature " + k, sh.getCreator(),
                    signed, s.getSignature().toByteArray()), null, n, -1, null));
        }
        return signers;
    }

    private static Identities.Accepted checkSignature(Identities identities, SignedData sd, Instant when, long block,
            int index, String txId) throws IdentityException, SignatureException {
        Identities.Accepted id;
        try {
            id = identities.resolve(sd.identity(), when);
        } catch (GeneralSecurityException e) {
            throw new IdentityException(block, index, txId, sd.signer() + ": the signer is not a valid identity",
                    "an identity valid" + (when == null ? "" : " at " + when) + " in its MSP", e.getMessage());
        }
        if (!Ecdsa.verify(id.key(), sd.data(), sd.signature())) {
            throw new SignatureException(block, index, txId, sd.signer() + ": the signature does not verify",
                    "a signature of " + id.mspId() + " " + id.subject(), HEX.formatHex(sd.signature()));
        }
        return id;
    }

    /**
     * What one transaction's own content says, state apart.
     *
     * @param failure why it is invalid, or null when its signatures, endorsements and structure are good
     */
    private record TxResult(String txId, Instant timestamp, VerificationException failure, List<String> namespaces,
            List<KVRWSet> sets, int signatures) {
    }

    private TxResult check(long block, int index, ByteString envelope) {
        TransactionParts p;
        try {
            p = TransactionParts.parse(envelope);
        } catch (InvalidProtocolBufferException e) {
            return new TxResult(null, null, new MalformedBlockException(block, index, null, "unreadable envelope: "
                    + e.getMessage(), null, null), List.of(), List.of(), 0);
        }
        String txId = p.channelHeader().getTxId();
        Instant ts = p.timestamp();
        int[] signed = {0};
        try {
            checkTransaction(block, index, p, signed);
        } catch (VerificationException e) {
            return new TxResult(txId, ts, e, List.of(), List.of(), signed[0]);
        }
        try {
            TxReadWriteSet rwset = p.readWriteSet();
            List<String> namespaces = new ArrayList<>();
            List<KVRWSet> sets = new ArrayList<>();
            for (NsReadWriteSet ns : rwset.getNsRwsetList()) {
                namespaces.add(ns.getNamespace());
                sets.add(KVRWSet.parseFrom(ns.getRwset()));
            }
            return new TxResult(txId, ts, null, namespaces, sets, signed[0]);
        } catch (InvalidProtocolBufferException e) {
            return new TxResult(txId, ts, new MalformedBlockException(block, index, txId, "unreadable read-write set",
                    null, null), List.of(), List.of(), signed[0]);
        }
    }

    private void checkTransaction(long block, int index, TransactionParts p, int[] signed)
            throws VerificationException {
        ChannelHeader ch = p.channelHeader();
        String txId = ch.getTxId();
        if (!ch.getChannelId().equals(config.channelId())) {
            throw new MalformedBlockException(block, index, txId, "transaction of another channel",
                    config.channelId(), ch.getChannelId());
        }
        if (!p.isEndorserTransaction()) {
            throw new MalformedBlockException(block, index, txId, "unsupported transaction type",
                    HeaderType.ENDORSER_TRANSACTION.name(), String.valueOf(HeaderType.forNumber(ch.getType())));
        }
        if (!txId.equals(p.computedTxId())) {
            throw new MalformedBlockException(block, index, txId, "the transaction id is not SHA-256(nonce || creator)",
                    p.computedTxId(), txId);
        }
        Instant when = p.timestamp();
        signed[0]++;
        checkSignature(applicationIdentities, p.creator(), when, block, index, txId);
        if (p.actions() != 1) {
            throw new MalformedBlockException(block, index, txId, "a transaction has exactly one action", "1",
                    String.valueOf(p.actions()));
        }
        if (!Arrays.equals(p.claimedProposalHash(), p.computedProposalHash())) {
            throw new ProposalHashException(block, index, txId, "the endorsed proposal response is not for this"
                    + " transaction's proposal", HEX.formatHex(p.computedProposalHash()),
                    HEX.formatHex(p.claimedProposalHash()));
        }
        String actionChaincode = p.action().getChaincodeId().getName();
        if (!p.headerChaincode().equals(actionChaincode)
                || !actionChaincode.equals(chaincode) && !actionChaincode.equals(LifecyclePolicy.NAMESPACE)) {
            throw new MalformedBlockException(block, index, txId, "the verifier knows the endorsement policies of "
                    + chaincode + " and " + LifecyclePolicy.NAMESPACE + " only", chaincode,
                    p.headerChaincode() + "/" + actionChaincode);
        }
        EndorsementPolicy required = policy;
        if (actionChaincode.equals(LifecyclePolicy.NAMESPACE)) {
            try {
                required = LifecyclePolicy.of(config, p.readWriteSet());
            } catch (InvalidProtocolBufferException e) {
                throw new MalformedBlockException(block, index, txId, "unreadable read/write set: " + e.getMessage(),
                        null, null);
            }
        }
        List<EndorsementPolicy.Signer> signers = new ArrayList<>();
        List<ByteString> seen = new ArrayList<>();
        for (SignedData e : p.endorsements()) {
            signed[0]++;
            Identities.Accepted id = checkSignature(applicationIdentities, e, when, block, index, txId);
            if (!seen.contains(e.identity())) {
                seen.add(e.identity());
                signers.add(new EndorsementPolicy.Signer(id.mspId(), id.role(), e.identity()));
            }
        }
        if (!required.isSatisfiedBy(signers)) {
            throw new EndorsementPolicyException(block, index, txId, "the endorsements do not satisfy the"
                    + " endorsement policy", required.toString(), signers.toString());
        }
    }

    @Override
    public void verifyRecord(Block block, String txId, String key, byte[] expectedValue) throws VerificationException {
        java.util.Objects.requireNonNull(txId, "txId");
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(expectedValue, "expectedValue");
        long n = block.getHeader().getNumber();
        checkDataHash(block);
        byte[] filter = checkFilter(block);
        String printableKey = key.replace("\u0000", "\\u0000");
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            Payload payload;
            ChannelHeader ch;
            try {
                payload = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
                ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            } catch (InvalidProtocolBufferException e) {
                continue; // not this transaction: an unreadable envelope has no id
            }
            if (!ch.getTxId().equals(txId)) {
                continue;
            }
            if (filter[i] != TxValidationCode.VALID_VALUE) {
                throw new RecordMismatchException(n, i, txId, "the transaction is not valid, it wrote nothing",
                        TxValidationCode.VALID.name(), codeName(filter[i]));
            }
            KVWrite write = null;
            try {
                TransactionParts p = TransactionParts.parse(block.getData().getData(i));
                if (p.action() == null) {
                    throw new MalformedBlockException(n, i, txId, "not a chaincode transaction", null, null);
                }
                for (NsReadWriteSet ns : p.readWriteSet().getNsRwsetList()) {
                    if (ns.getNamespace().equals(chaincode)) {
                        for (KVWrite w : KVRWSet.parseFrom(ns.getRwset()).getWritesList()) {
                            if (w.getKey().equals(key)) {
                                write = w;
                            }
                        }
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new MalformedBlockException(n, i, txId, "unreadable transaction: " + e.getMessage(), null, null);
            }
            if (write == null) {
                throw new RecordMismatchException(n, i, txId, "the transaction wrote no key " + printableKey + " of "
                        + chaincode, HEX.formatHex(expectedValue), null);
            }
            if (write.getIsDelete()) {
                throw new RecordMismatchException(n, i, txId, "the transaction deleted key " + printableKey,
                        HEX.formatHex(expectedValue), "deleted");
            }
            if (!Arrays.equals(write.getValue().toByteArray(), expectedValue)) {
                throw new RecordMismatchException(n, i, txId, "the record's bytes differ from the write of key "
                        + printableKey, HEX.formatHex(expectedValue), HEX.formatHex(write.getValue().toByteArray()));
            }
            return;
        }
        throw new RecordMismatchException(n, -1, txId, "no transaction " + txId + " in the block", txId, null);
    }

    @Override
    public VerificationReport report() {
        return new VerificationReport(blocks, transactions, valid, invalid, signatures, lastNumber,
                HEX.formatHex(lastHeaderHash));
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}

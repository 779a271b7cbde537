package org.fundtrail.client.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.Keys;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.block.BlockFactory;
import org.fundtrail.network.node.endorse.Endorser;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against a real ledger written by the embedded node through the Gateway client: the
 * untouched chain verifies, and every kind of tampering is caught with the exception naming the block
 * and transaction.
 */
class BlockVerifierTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    static Path dir;
    static VerifyLedger ledger;
    static List<Block> blocks;
    static NetworkCrypto foreign;
    static String appropriationTx;
    static String transferTx;
    static String conflictedTx;
    static byte[] transferRecord;

    /** Where a transaction is. */
    record Location(int block, int index) {
    }

    @BeforeAll
    static void writeLedger() throws Exception {
        ledger = new VerifyLedger(dir.resolve("node"), 10);
        Contract admin = ledger.contract("FinanceMSP", "Admin");
        Contract mof = ledger.contract("FinanceMSP", "officer@mof");
        admin.submitTransaction("RegisterOrganization",
                "{\"id\":\"MOF\",\"name\":\"Ministry of Finance\",\"tier\":\"MINISTRY\",\"mspId\":\"FinanceMSP\"}");
        admin.submitTransaction("RegisterOrganization", "{\"id\":\"HEALTH\",\"name\":\"Ministry of Health\","
                + "\"tier\":\"DEPARTMENT\",\"parentId\":\"MOF\",\"mspId\":\"HealthMSP\"}");
        Transaction appropriation = mof.newProposal("Appropriate").addArguments("{\"id\":\"A\",\"fiscalYear\":2026,"
                + "\"amount\":\"1000000.00\",\"currency\":\"EUR\",\"classification\":{\"cofog\":\"07.3\","
                + "\"programme\":\"P-HOSP\",\"economic\":\"2.2\"},\"purpose\":\"Hospital services\","
                + "\"legalReference\":\"Budget Law 2026 art. 7\"}").build().endorse();
        appropriationTx = appropriation.getTransactionId();
        appropriation.submit();
        Transaction transfer = mof.newProposal("Transfer").addArguments(transfer("T-1", "D-1", "600000.00")).build()
                .endorse();
        transferTx = transfer.getTransactionId();
        transfer.submit();
        // Two transfers endorsed against the same balance: the second to commit has an MVCC read conflict.
        Transaction t2 = mof.newProposal("Transfer").addArguments(transfer("T-2", "D-2", "1000.00")).build().endorse();
        Transaction t3 = mof.newProposal("Transfer").addArguments(transfer("T-3", "D-3", "1000.00")).build().endorse();
        SubmittedTransaction s2 = t2.submitAsync();
        SubmittedTransaction s3 = t3.submitAsync();
        Status st2 = s2.getStatus();
        Status st3 = s3.getStatus();
        assertThat(List.of(st2.getCode(), st3.getCode())).containsExactlyInAnyOrder(TxValidationCode.VALID,
                TxValidationCode.MVCC_READ_CONFLICT);
        conflictedTx = st2.isSuccessful() ? t3.getTransactionId() : t2.getTransactionId();
        transferRecord = mof.evaluateTransaction("GetTransfer", "T-1");
        blocks = ledger.blocks();
        foreign = CryptoGenerator.generate(NetworkDefinition.defaults(), dir.resolve("foreign"));
    }

    private static String transfer(String id, String toAllocation, String amount) {
        return "{\"id\":\"" + id + "\",\"fromAllocationId\":\"A\",\"toOrgId\":\"HEALTH\",\"toAllocationId\":\""
                + toAllocation + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\",\"purpose\":\"Operating grant\","
                + "\"reference\":\"PO-" + id + "\"}";
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    private static BlockVerifier fromGenesis() throws VerificationException {
        return BlockVerifier.newInstance().genesis(blocks.get(0)).endorsementPolicy(ledger.policy()).build();
    }

    /** Verifies the whole chain; returns the verifier's report. */
    private static VerificationReport verifyAll(List<Block> chain) throws VerificationException {
        try (BlockVerifier v = BlockVerifier.newInstance().genesis(chain.get(0)).endorsementPolicy(ledger.policy())
                .build()) {
            v.verifyAll(chain.subList(1, chain.size()).iterator(), b -> { });
            return v.report();
        }
    }

    private static Location locate(List<Block> chain, String txId) throws Exception {
        for (int b = 0; b < chain.size(); b++) {
            for (int i = 0; i < chain.get(b).getData().getDataCount(); i++) {
                Payload p = Payload.parseFrom(Envelope.parseFrom(chain.get(b).getData().getData(i)).getPayload());
                if (ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getTxId().equals(txId)) {
                    return new Location(b, i);
                }
            }
        }
        throw new AssertionError("no transaction " + txId);
    }

    private static Envelope envelope(Location at) throws Exception {
        return Envelope.parseFrom(blocks.get(at.block()).getData().getData(at.index()));
    }

    private static List<Block> replace(List<Block> chain, int index, Block block) {
        List<Block> copy = new ArrayList<>(chain);
        copy.set(index, block);
        return copy;
    }

    private static SigningIdentity officer() {
        return ledger.node.crypto().user("FinanceMSP", "officer@mof");
    }

    /** The chain with one envelope replaced, resealed by the orderer from that block on. */
    private static List<Block> resealedWith(Location at, Envelope envelope) {
        Block tampered = VerifyLedger.withEnvelope(blocks.get(at.block()), at.index(), envelope.toByteString());
        return ledger.reseal(replace(blocks, at.block(), tampered), at.block(), ledger.node.crypto().orderer());
    }

    private static <T extends VerificationException> T caught(List<Block> chain, Class<T> type) {
        return catchThrowableOfType(type, () -> verifyAll(chain));
    }

    @Test
    void verifies_the_untouched_chain_from_block_0() throws Exception {
        VerificationReport report = verifyAll(blocks);

        assertThat(report.blocks()).isEqualTo(blocks.size());
        long txs = blocks.stream().mapToLong(b -> b.getData().getDataCount()).sum();
        assertThat(report.transactions()).isEqualTo(txs);
        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.valid()).isEqualTo(txs - 1);
        // block 0: config tx + block signature; then per block 1 orderer signature, per tx creator + 2 endorsers.
        assertThat(report.signaturesChecked()).isEqualTo(2 + (blocks.size() - 1) + 3 * (txs - 1));
        assertThat(report.lastBlockNumber()).isEqualTo(blocks.size() - 1);
        assertThat(report.lastHeaderHash())
                .isEqualTo(HEX.formatHex(BlockHashes.headerHash(blocks.get(blocks.size() - 1).getHeader())));
    }

    @Test
    void verifying_block_by_block_reports_what_verifying_all_at_once_does() throws Exception {
        try (BlockVerifier v = fromGenesis()) {
            for (Block b : blocks.subList(1, blocks.size())) {
                v.verify(b);
            }
            assertThat(v.report()).isEqualTo(verifyAll(blocks));
        }
    }

    @Test
    void verifying_all_at_once_stops_at_the_first_bad_block_with_the_good_ones_verified() throws Exception {
        Location at = locate(blocks, transferTx);
        List<Block> chain = replace(blocks, at.block(),
                withCode(blocks.get(at.block()), at.index(), TxValidationCode.MVCC_READ_CONFLICT));
        List<Long> verified = new ArrayList<>();
        try (BlockVerifier v = fromGenesis()) {
            assertThatThrownBy(() -> v.verifyAll(chain.subList(1, chain.size()).iterator(),
                    b -> verified.add(b.getHeader().getNumber()))).isInstanceOf(TransactionFilterException.class);

            assertThat(v.report().lastBlockNumber()).isEqualTo(at.block() - 1);
            assertThat(verified).isEqualTo(java.util.stream.LongStream.range(1, at.block()).boxed().toList());
            v.verifyAll(blocks.subList(at.block(), blocks.size()).iterator(), b -> { });
            assertThat(v.report()).isEqualTo(verifyAll(blocks));
        }
    }

    @Test
    void verifies_with_one_thread_as_with_a_pool() throws Exception {
        try (BlockVerifier v = BlockVerifier.newInstance().genesis(blocks.get(0)).endorsementPolicy(ledger.policy())
                .threads(1).build();
             BlockVerifier all = BlockVerifier.newInstance().genesis(blocks.get(0)).endorsementPolicy(ledger.policy())
                .threads(1).build()) {
            for (Block b : blocks.subList(1, blocks.size())) {
                v.verify(b);
            }
            List<Long> verified = new ArrayList<>();
            all.verifyAll(blocks.subList(1, blocks.size()).iterator(), b -> verified.add(b.getHeader().getNumber()));
            assertThat(v.report()).isEqualTo(verifyAll(blocks));
            assertThat(all.report()).isEqualTo(verifyAll(blocks));
            assertThat(verified).hasSize(blocks.size() - 1);
        }
    }

    @Test
    void verifies_onwards_from_a_trusted_block() throws Exception {
        ChannelConfig config = ChannelConfig.fromConfigBlock(blocks.get(0));
        int trusted = blocks.size() - 3;
        try (BlockVerifier v = BlockVerifier.newInstance().trusted(blocks.get(trusted), config)
                .endorsementPolicy(ledger.policy()).build()) {
            for (Block b : blocks.subList(trusted + 1, blocks.size())) {
                v.verify(b);
            }
            assertThat(v.report().blocks()).isEqualTo(2);
            assertThat(v.report().lastBlockNumber()).isEqualTo(blocks.size() - 1);
            assertThatThrownBy(() -> v.verify(blocks.get(1))).isInstanceOf(HashChainException.class);
        }
    }

    @Test
    void reads_the_msps_from_block_0_which_has_no_endorsement_policy() throws Exception {
        ChannelConfig config = ChannelConfig.fromConfigBlock(blocks.get(0));

        assertThat(config.channelId()).isEqualTo(ledger.node.network().channel());
        assertThat(config.applicationMsps()).containsKeys("FinanceMSP", "HealthMSP", "EducationMSP", "InfraMSP",
                "AuditMSP");
        assertThat(config.ordererMsps()).containsOnlyKeys("OrdererMSP");
        assertThat(config.applicationMsps().get("FinanceMSP").nodeOusEnabled()).isTrue();
        assertThat(config.endorsementPolicy()).isEmpty();
        assertThatThrownBy(() -> BlockVerifier.newInstance().genesis(blocks.get(0)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("endorsementPolicy");
    }

    @Test
    void flipped_byte_in_an_envelope_breaks_the_data_hash() throws Exception {
        Location at = locate(blocks, transferTx);
        byte[] bytes = blocks.get(at.block()).getData().getData(at.index()).toByteArray();
        int offset = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Operating grant");
        bytes[offset] ^= 1;
        Block tampered = VerifyLedger.withEnvelope(blocks.get(at.block()), at.index(), ByteString.copyFrom(bytes));

        DataHashException e = caught(replace(blocks, at.block(), tampered), DataHashException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.found()).isEqualTo(HEX.formatHex(blocks.get(at.block()).getHeader().getDataHash().toByteArray()));
        assertThat(e.expected()).isEqualTo(HEX.formatHex(BlockHashes.dataHash(tampered.getData())));
    }

    @Test
    void flipped_byte_resealed_by_the_orderer_breaks_the_creator_signature() throws Exception {
        Location at = locate(blocks, transferTx);
        Envelope env = envelope(at);
        byte[] payload = env.getPayload().toByteArray();
        int offset = new String(payload, StandardCharsets.ISO_8859_1).indexOf("600000.00");
        payload[offset] = '9';
        List<Block> chain = resealedWith(at, env.toBuilder().setPayload(ByteString.copyFrom(payload)).build());

        SignatureException e = caught(chain, SignatureException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txIndex()).isEqualTo(at.index());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.getMessage()).contains("creator");
    }

    @Test
    void dropped_transaction_breaks_the_data_hash() throws Exception {
        Location at = locate(blocks, appropriationTx);
        Block b = blocks.get(at.block());
        Block dropped = dropTransaction(b, at.index());

        DataHashException e = caught(replace(blocks, at.block(), dropped), DataHashException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
    }

    @Test
    void dropped_transaction_resealed_by_the_orderer_invalidates_a_later_read_of_its_writes() throws Exception {
        Location at = locate(blocks, appropriationTx);
        Location reader = locate(blocks, transferTx);
        List<Block> chain = replace(blocks, at.block(), dropTransaction(blocks.get(at.block()), at.index()));
        chain = ledger.reseal(chain, at.block(), ledger.node.crypto().orderer());

        TransactionFilterException e = caught(chain, TransactionFilterException.class);

        assertThat(e.blockNumber()).isEqualTo(reader.block());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.expected()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT.name());
        assertThat(e.found()).isEqualTo(TxValidationCode.VALID.name());
    }

    private static Block dropTransaction(Block b, int index) {
        List<ByteString> data = new ArrayList<>(b.getData().getDataList());
        data.remove(index);
        byte[] filter = b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
        byte[] shorter = new byte[filter.length - 1];
        for (int i = 0, j = 0; i < filter.length; i++) {
            if (i != index) {
                shorter[j++] = filter[i];
            }
        }
        return b.toBuilder().setData(b.getData().toBuilder().clearData().addAllData(data))
                .setMetadata(b.getMetadata().toBuilder().setMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE,
                        ByteString.copyFrom(shorter)))
                .build();
    }

    /** The envelope with its chaincode action payload replaced, re-signed by its own creator (who colludes). */
    private static Envelope withActionPayload(Envelope env, ChaincodeActionPayload cap) throws Exception {
        Payload payload = Payload.parseFrom(env.getPayload());
        org.hyperledger.fabric.protos.peer.Transaction tx = org.hyperledger.fabric.protos.peer.Transaction
                .parseFrom(payload.getData());
        TransactionAction action = tx.getActions(0).toBuilder().setPayload(cap.toByteString()).build();
        Payload changed = payload.toBuilder().setData(tx.toBuilder().setActions(0, action).build().toByteString())
                .build();
        return Envelope.newBuilder().setPayload(changed.toByteString())
                .setSignature(ByteString.copyFrom(officer().sign(changed.toByteArray()))).build();
    }

    private static ChaincodeActionPayload actionPayload(Envelope env) throws Exception {
        Payload payload = Payload.parseFrom(env.getPayload());
        return ChaincodeActionPayload.parseFrom(org.hyperledger.fabric.protos.peer.Transaction
                .parseFrom(payload.getData()).getActions(0).getPayload());
    }

    @Test
    void endorsement_swapped_with_another_transactions_fails_its_signature() throws Exception {
        Location at = locate(blocks, transferTx);
        ChaincodeActionPayload mine = actionPayload(envelope(at));
        ChaincodeActionPayload other = actionPayload(envelope(locate(blocks, appropriationTx)));
        ChaincodeActionPayload swapped = mine.toBuilder().setAction(mine.getAction().toBuilder()
                .setEndorsements(1, other.getAction().getEndorsements(1))).build();

        SignatureException e = caught(resealedWith(at, withActionPayload(envelope(at), swapped)),
                SignatureException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txIndex()).isEqualTo(at.index());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.getMessage()).contains("endorsement 1");
    }

    @Test
    void endorsed_action_of_another_transaction_fails_the_proposal_hash() throws Exception {
        Location at = locate(blocks, transferTx);
        ChaincodeActionPayload mine = actionPayload(envelope(at));
        ChaincodeActionPayload other = actionPayload(envelope(locate(blocks, appropriationTx)));
        ChaincodeActionPayload swapped = mine.toBuilder().setAction(other.getAction()).build();

        ProposalHashException e = caught(resealedWith(at, withActionPayload(envelope(at), swapped)),
                ProposalHashException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.expected()).isNotEqualTo(e.found());
    }

    @Test
    void missing_endorsement_fails_the_endorsement_policy() throws Exception {
        Location at = locate(blocks, transferTx);
        ChaincodeActionPayload mine = actionPayload(envelope(at));
        ChaincodeActionPayload oneOnly = mine.toBuilder().setAction(mine.getAction().toBuilder().removeEndorsements(1))
                .build();

        EndorsementPolicyException e = caught(resealedWith(at, withActionPayload(envelope(at), oneOnly)),
                EndorsementPolicyException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.expected()).isEqualTo("AND('FinanceMSP.peer', 'AuditMSP.peer')");
        assertThat(e.found()).isEqualTo("[FinanceMSP.peer]");
    }

    @Test
    void block_resigned_with_a_foreign_orderer_key_is_refused() throws Exception {
        int n = blocks.size() - 1;
        Block resignedByForeigner = resign(blocks.get(n), foreign.orderer(), foreign.orderer());

        IdentityException e = caught(replace(blocks, n, resignedByForeigner), IdentityException.class);

        assertThat(e.blockNumber()).isEqualTo(n);
        assertThat(e.txIndex()).isEqualTo(-1);
        assertThat(e.found()).contains("OrdererMSP").contains("not issued by a CA");
    }

    @Test
    void block_signature_by_another_key_under_the_orderers_name_does_not_verify() throws Exception {
        int n = blocks.size() - 1;
        Block forged = resign(blocks.get(n), ledger.node.crypto().orderer(), foreign.orderer());

        SignatureException e = caught(replace(blocks, n, forged), SignatureException.class);

        assertThat(e.blockNumber()).isEqualTo(n);
        assertThat(e.getMessage()).contains("orderer signature 0");
    }

    @Test
    void block_without_an_orderer_signature_is_refused_with_one_thread_as_with_a_pool() throws Exception {
        int n = blocks.size() - 1;
        Metadata md = Metadata.parseFrom(blocks.get(n).getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
        Block unsigned = blocks.get(n).toBuilder().setMetadata(blocks.get(n).getMetadata().toBuilder().setMetadata(
                BlockMetadataIndex.SIGNATURES_VALUE, md.toBuilder().clearSignatures().build().toByteString())).build();
        List<Block> chain = replace(blocks, n, unsigned);

        SignatureException pooled = caught(chain, SignatureException.class);
        SignatureException alone;
        try (BlockVerifier v = BlockVerifier.newInstance().genesis(chain.get(0)).endorsementPolicy(ledger.policy())
                .threads(1).build()) {
            alone = catchThrowableOfType(SignatureException.class,
                    () -> v.verifyAll(chain.subList(1, chain.size()).iterator(), b -> { }));
            assertThat(v.report().lastBlockNumber()).isEqualTo(n - 1);
        }

        for (SignatureException e : List.of(pooled, alone)) {
            assertThat(e.blockNumber()).isEqualTo(n);
            assertThat(e.txIndex()).isEqualTo(-1);
            assertThat(e.getMessage()).contains("the block carries no orderer signature");
            assertThat(e.expected()).isEqualTo("a signature of [OrdererMSP]");
            assertThat(e.found()).isEqualTo("none");
        }
    }

    /** Re-signs a block's metadata: the signature header names {@code claimed}, {@code signer} signs. */
    private static Block resign(Block b, SigningIdentity claimed, SigningIdentity signer) throws Exception {
        Metadata md = Metadata.parseFrom(b.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
        ByteString sigHeader = SignatureHeader.newBuilder().setCreator(Endorser.serialize(claimed))
                .setNonce(ByteString.copyFromUtf8("nonce-of-a-forger")).build().toByteString();
        byte[] signed = md.getValue().concat(sigHeader).concat(ByteString.copyFrom(BlockHashes.headerBytes(
                b.getHeader()))).toByteArray();
        Metadata resigned = md.toBuilder().setSignatures(0, MetadataSignature.newBuilder().setSignatureHeader(sigHeader)
                .setSignature(ByteString.copyFrom(signer.sign(signed)))).build();
        return b.toBuilder().setMetadata(b.getMetadata().toBuilder().setMetadata(BlockMetadataIndex.SIGNATURES_VALUE,
                resigned.toByteString())).build();
    }

    @Test
    void transaction_resigned_with_a_foreign_key_fails_its_signature() throws Exception {
        Location at = locate(blocks, transferTx);
        Envelope env = envelope(at);
        Envelope resigned = env.toBuilder().setSignature(ByteString.copyFrom(foreign.user("FinanceMSP", "officer@mof")
                .sign(env.getPayload().toByteArray()))).build();

        SignatureException e = caught(resealedWith(at, resigned), SignatureException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.getMessage()).contains("creator");
    }

    @Test
    void transaction_recreated_by_a_foreign_identity_is_refused() throws Exception {
        Location at = locate(blocks, transferTx);
        SigningIdentity impostor = foreign.user("FinanceMSP", "officer@mof");
        Payload payload = Payload.parseFrom(envelope(at).getPayload());
        SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()).toBuilder()
                .setCreator(Endorser.serialize(impostor)).build();
        String txId = Endorser.computeTxId(sh.getNonce(), sh.getCreator());
        ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader()).toBuilder().setTxId(txId)
                .build();
        Payload forged = payload.toBuilder().setHeader(Header.newBuilder().setChannelHeader(ch.toByteString())
                .setSignatureHeader(sh.toByteString())).build();
        Envelope env = Envelope.newBuilder().setPayload(forged.toByteString())
                .setSignature(ByteString.copyFrom(impostor.sign(forged.toByteArray()))).build();

        IdentityException e = caught(resealedWith(at, env), IdentityException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txId()).isEqualTo(txId);
        assertThat(e.found()).startsWith("FinanceMSP: ").contains("not issued by a CA of FinanceMSP");
    }

    private static Block withCode(Block b, int index, TxValidationCode code) {
        byte[] filter = b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
        filter[index] = (byte) code.getNumber();
        return b.toBuilder().setMetadata(b.getMetadata().toBuilder().setMetadata(
                BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE, ByteString.copyFrom(filter))).build();
    }

    @Test
    void valid_transaction_marked_invalid_is_caught() throws Exception {
        Location at = locate(blocks, transferTx);
        Block flipped = withCode(blocks.get(at.block()), at.index(), TxValidationCode.MVCC_READ_CONFLICT);

        TransactionFilterException e = caught(replace(blocks, at.block(), flipped), TransactionFilterException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txIndex()).isEqualTo(at.index());
        assertThat(e.txId()).isEqualTo(transferTx);
        assertThat(e.expected()).isEqualTo("VALID");
        assertThat(e.found()).isEqualTo("MVCC_READ_CONFLICT");
    }

    @Test
    void conflicted_transaction_marked_valid_is_caught() throws Exception {
        Location at = locate(blocks, conflictedTx);
        Block flipped = withCode(blocks.get(at.block()), at.index(), TxValidationCode.VALID);

        TransactionFilterException e = caught(replace(blocks, at.block(), flipped), TransactionFilterException.class);

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txId()).isEqualTo(conflictedTx);
        assertThat(e.expected()).isEqualTo("MVCC_READ_CONFLICT");
        assertThat(e.found()).isEqualTo("VALID");
    }

    @Test
    void broken_previous_hash_link_is_caught() throws Exception {
        int n = 2;
        Block broken = blocks.get(n).toBuilder().setHeader(blocks.get(n).getHeader().toBuilder()
                .setPreviousHash(ByteString.copyFrom(new byte[32]))).build();

        HashChainException e = caught(replace(blocks, n, broken), HashChainException.class);

        assertThat(e.blockNumber()).isEqualTo(n);
        assertThat(e.expected()).isEqualTo(HEX.formatHex(BlockHashes.headerHash(blocks.get(n - 1).getHeader())));
        assertThat(e.found()).isEqualTo("00".repeat(32));
    }

    @Test
    void skipped_block_is_caught() throws Exception {
        try (BlockVerifier v = fromGenesis()) {
            v.verify(blocks.get(1));
            HashChainException e = catchThrowableOfType(HashChainException.class, () -> v.verify(blocks.get(3)));
            assertThat(e.expected()).isEqualTo("2");
            assertThat(e.found()).isEqualTo("3");
        }
    }

    @Test
    void a_refused_block_leaves_the_verifier_at_the_last_good_block() throws Exception {
        Location at = locate(blocks, transferTx);
        Block flipped = withCode(blocks.get(at.block()), at.index(), TxValidationCode.MVCC_READ_CONFLICT);
        try (BlockVerifier v = fromGenesis()) {
            for (Block b : blocks.subList(1, at.block())) {
                v.verify(b);
            }
            VerificationReport before = v.report();
            assertThatThrownBy(() -> v.verify(flipped)).isInstanceOf(TransactionFilterException.class);
            assertThat(v.report()).isEqualTo(before);
            for (Block b : blocks.subList(at.block(), blocks.size())) {
                v.verify(b);
            }
            assertThat(v.report().invalid()).isEqualTo(1);
        }
    }

    @Test
    void record_bytes_equal_to_the_write_verify() throws Exception {
        Location at = locate(blocks, transferTx);
        try (BlockVerifier v = fromGenesis()) {
            v.verifyRecord(blocks.get(at.block()), transferTx, Keys.record(RecordType.TRANSFER, "T-1"), transferRecord);
        }
        assertThat(Keys.record(RecordType.TRANSFER, "T-1")).isEqualTo("\u0000ft.transfer\u0000T-1\u0000");
    }

    @Test
    void record_bytes_that_differ_from_the_write_are_caught() throws Exception {
        Location at = locate(blocks, transferTx);
        byte[] altered = new String(transferRecord, StandardCharsets.UTF_8).replace("600000.00", "900000.00")
                .getBytes(StandardCharsets.UTF_8);
        try (BlockVerifier v = fromGenesis()) {
            String key = Keys.record(RecordType.TRANSFER, "T-1");

            RecordMismatchException e = catchThrowableOfType(RecordMismatchException.class,
                    () -> v.verifyRecord(blocks.get(at.block()), transferTx, key, altered));

            assertThat(e.blockNumber()).isEqualTo(at.block());
            assertThat(e.txIndex()).isEqualTo(at.index());
            assertThat(e.txId()).isEqualTo(transferTx);
            assertThat(e.expected()).isEqualTo(HEX.formatHex(altered));
            assertThat(e.found()).isEqualTo(HEX.formatHex(transferRecord));
            assertThat(e.getMessage()).contains("\\u0000ft.transfer\\u0000T-1\\u0000");
        }
    }

    @Test
    void record_of_another_key_absent_transaction_or_invalid_transaction_is_caught() throws Exception {
        Location at = locate(blocks, transferTx);
        Location conflicted = locate(blocks, conflictedTx);
        try (BlockVerifier v = fromGenesis()) {
            Block b = blocks.get(at.block());
            RecordMismatchException otherKey = catchThrowableOfType(RecordMismatchException.class, () -> v
                    .verifyRecord(b, transferTx, Keys.record(RecordType.TRANSFER, "T-9"), transferRecord));
            assertThat(otherKey.found()).isNull();
            RecordMismatchException absent = catchThrowableOfType(RecordMismatchException.class, () -> v
                    .verifyRecord(b, conflictedTx.equals(transferTx) ? "x" : "0".repeat(64),
                            Keys.record(RecordType.TRANSFER, "T-1"), transferRecord));
            assertThat(absent.getMessage()).contains("no transaction");
            RecordMismatchException invalid = catchThrowableOfType(RecordMismatchException.class, () -> v
                    .verifyRecord(blocks.get(conflicted.block()), conflictedTx, Keys.record(RecordType.TRANSFER, "T-3"),
                            transferRecord));
            assertThat(invalid.found()).isEqualTo("MVCC_READ_CONFLICT");
        }
    }

    @Test
    void config_block_signed_by_the_orderer_is_followed_and_one_signed_by_a_client_is_refused() throws Exception {
        int last = blocks.size() - 1;
        byte[] previous = BlockHashes.headerHash(blocks.get(last).getHeader());
        BlockFactory factory = new BlockFactory(ledger.node.crypto().orderer());
        ByteString config = blocks.get(0).getData().getData(0);
        List<Block> chain = new ArrayList<>(blocks);
        chain.add(factory.build(last + 1, previous, List.of(config), new byte[] {TxValidationCode.VALID_VALUE}));

        VerificationReport report = verifyAll(chain);

        assertThat(report.blocks()).isEqualTo(chain.size());
        assertThat(report.lastBlockNumber()).isEqualTo(last + 1);

        Payload payload = Payload.parseFrom(Envelope.parseFrom(config).getPayload());
        SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader()).toBuilder()
                .setCreator(Endorser.serialize(officer())).build();
        Payload byClient = payload.toBuilder().setHeader(payload.getHeader().toBuilder()
                .setSignatureHeader(sh.toByteString())).build();
        Envelope clientConfig = Envelope.newBuilder().setPayload(byClient.toByteString())
                .setSignature(ByteString.copyFrom(officer().sign(byClient.toByteArray()))).build();
        chain.set(last + 1, factory.build(last + 1, previous, List.of(clientConfig.toByteString()),
                new byte[] {TxValidationCode.VALID_VALUE}));

        IdentityException e = caught(chain, IdentityException.class);

        assertThat(e.blockNumber()).isEqualTo(last + 1);
        assertThat(e.txIndex()).isEqualTo(0);
        assertThat(e.found()).contains("FinanceMSP").contains("OrdererMSP");
    }

    @Test
    void reads_an_implicit_meta_endorsement_policy_from_a_config_block() throws Exception {
        Envelope env = Envelope.parseFrom(blocks.get(0).getData().getData(0));
        Payload payload = Payload.parseFrom(env.getPayload());
        ConfigEnvelope ce = ConfigEnvelope
                .parseFrom(payload.getData());
        var channel = ce.getConfig().getChannelGroup().toBuilder();
        var application = channel.getGroupsOrThrow("Application").toBuilder();
        for (String mspId : List.of("FinanceMSP", "AuditMSP")) {
            var group = application.getGroupsOrThrow(mspId).toBuilder().putPolicies("Endorsement",
                    ConfigPolicy.newBuilder().setPolicy(
                            Policy.newBuilder().setType(
                                    Policy.PolicyType.SIGNATURE_VALUE)
                                    .setValue(EndorsementPolicy.parse("OR('" + mspId + ".peer')").envelope()
                                            .toByteString())).build());
            application.putGroups(mspId, group.build());
        }
        for (String mspId : List.of("HealthMSP", "EducationMSP", "InfraMSP")) {
            application.removeGroups(mspId);
        }
        application.putPolicies("Endorsement", ConfigPolicy.newBuilder()
                .setPolicy(Policy.newBuilder().setType(
                        Policy.PolicyType.IMPLICIT_META_VALUE)
                        .setValue(ImplicitMetaPolicy.newBuilder()
                                .setSubPolicy("Endorsement").setRule(
                                        ImplicitMetaPolicy.Rule.MAJORITY)
                                .build().toByteString())).build());
        channel.putGroups("Application", application.build());
        Payload changed = payload.toBuilder().setData(ce.toBuilder().setConfig(ce.getConfig().toBuilder()
                .setChannelGroup(channel)).build().toByteString()).build();
        Block configBlock = VerifyLedger.withEnvelope(blocks.get(0), 0, env.toBuilder()
                .setPayload(changed.toByteString()).build().toByteString());

        ChannelConfig config = ChannelConfig.fromConfigBlock(configBlock);

        assertThat(config.applicationMsps()).containsOnlyKeys("AuditMSP", "FinanceMSP");
        EndorsementPolicy policy = config.endorsementPolicy().orElseThrow();
        assertThat(policy).hasToString("AND(OR('AuditMSP.peer'), OR('FinanceMSP.peer'))");
        assertThat(policy.isSatisfiedBy(List.of(new EndorsementPolicy.Signer("FinanceMSP", "peer",
                ByteString.copyFromUtf8("f"))))).isFalse();
        assertThat(policy.isSatisfiedBy(List.of(new EndorsementPolicy.Signer("FinanceMSP", "peer",
                ByteString.copyFromUtf8("f")), new EndorsementPolicy.Signer("AuditMSP", "peer",
                ByteString.copyFromUtf8("a"))))).isTrue();
    }

    @Test
    void creator_revoked_by_a_crl_of_its_msp_is_refused() throws Exception {
        Path caDir = dir.resolve("node/crypto/peerOrganizations/finance.fundtrail.local/ca");
        java.security.PrivateKey caKey;
        try (org.bouncycastle.openssl.PEMParser pem = new org.bouncycastle.openssl.PEMParser(
                java.nio.file.Files.newBufferedReader(caDir.resolve("priv_sk")))) {
            caKey = new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter().getPrivateKey(
                    org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pem.readObject()));
        }
        java.security.cert.X509Certificate root = ChannelConfig.fromConfigBlock(blocks.get(0)).applicationMsps()
                .get("FinanceMSP").rootCertificates().get(0);
        var builder = new org.bouncycastle.cert.X509v2CRLBuilder(
                org.bouncycastle.asn1.x500.X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                new java.util.Date());
        builder.addCRLEntry(officer().certificate().getSerialNumber(), new java.util.Date(), 0);
        byte[] crl = builder.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA")
                .build(caKey)).getEncoded();
        String crlPem = "-----BEGIN X509 CRL-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(crl) + "\n-----END X509 CRL-----\n";

        Envelope env = Envelope.parseFrom(blocks.get(0).getData().getData(0));
        Payload payload = Payload.parseFrom(env.getPayload());
        ConfigEnvelope ce = ConfigEnvelope.parseFrom(payload.getData());
        var channel = ce.getConfig().getChannelGroup().toBuilder();
        var application = channel.getGroupsOrThrow("Application").toBuilder();
        var finance = application.getGroupsOrThrow("FinanceMSP").toBuilder();
        var mspValue = finance.getValuesOrThrow("MSP");
        var mspConfig = org.hyperledger.fabric.protos.msp.MSPConfig.parseFrom(mspValue.getValue());
        var fabricMsp = org.hyperledger.fabric.protos.msp.FabricMSPConfig.parseFrom(mspConfig.getConfig()).toBuilder()
                .addRevocationList(ByteString.copyFromUtf8(crlPem)).build();
        finance.putValues("MSP", mspValue.toBuilder().setValue(mspConfig.toBuilder()
                .setConfig(fabricMsp.toByteString()).build().toByteString()).build());
        application.putGroups("FinanceMSP", finance.build());
        channel.putGroups("Application", application.build());
        Payload changed = payload.toBuilder().setData(ce.toBuilder().setConfig(ce.getConfig().toBuilder()
                .setChannelGroup(channel)).build().toByteString()).build();
        ChannelConfig revoking = ChannelConfig.fromConfigBlock(VerifyLedger.withEnvelope(blocks.get(0), 0,
                env.toBuilder().setPayload(changed.toByteString()).build().toByteString()));
        assertThat(revoking.applicationMsps().get("FinanceMSP").revocationLists()).hasSize(1);
        Location at = locate(blocks, appropriationTx);

        IdentityException e = catchThrowableOfType(IdentityException.class, () -> {
            try (BlockVerifier v = BlockVerifier.newInstance().trusted(blocks.get(0), revoking)
                    .endorsementPolicy(ledger.policy()).build()) {
                for (Block b : blocks.subList(1, blocks.size())) {
                    v.verify(b);
                }
            }
        });

        assertThat(e.blockNumber()).isEqualTo(at.block());
        assertThat(e.txId()).isEqualTo(appropriationTx);
        assertThat(e.getMessage()).contains("creator");
        assertThat(e.found()).contains("revoked");

        // The same revocation arriving in a config block after block 0: the blocks behind it, read ahead by
        // verifyAll, must be checked against the new configuration, not the one before it. (Renumbered
        // blocks shift the versions their reads name, so this verifies from block 0 trusted, without MVCC.)
        SigningIdentity orderer = ledger.node.crypto().orderer();
        Envelope signedConfig = Envelope.newBuilder().setPayload(changed.toByteString())
                .setSignature(ByteString.copyFrom(orderer.sign(changed.toByteArray()))).build();
        BlockFactory factory = new BlockFactory(orderer);
        List<Block> chain = new ArrayList<>(List.of(blocks.get(0)));
        chain.add(factory.build(1, BlockHashes.headerHash(blocks.get(0).getHeader()),
                List.of(signedConfig.toByteString()), new byte[] {TxValidationCode.VALID_VALUE}));
        for (Block b : blocks.subList(1, blocks.size())) {
            chain.add(factory.build(chain.size(), BlockHashes.headerHash(chain.get(chain.size() - 1).getHeader()),
                    b.getData().getDataList(),
                    b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray()));
        }
        List<Long> verified = new ArrayList<>();

        IdentityException midway = catchThrowableOfType(IdentityException.class, () -> {
            try (BlockVerifier v = BlockVerifier.newInstance()
                    .trusted(blocks.get(0), ChannelConfig.fromConfigBlock(blocks.get(0))).endorsementPolicy(ledger.policy()).build()) {
                v.verifyAll(chain.subList(1, chain.size()).iterator(), b -> verified.add(b.getHeader().getNumber()));
            }
        });

        assertThat(midway.blockNumber()).isEqualTo(at.block() + 1);
        assertThat(midway.txId()).isEqualTo(appropriationTx);
        assertThat(midway.found()).contains("revoked");
        assertThat(verified).isEqualTo(java.util.stream.LongStream.range(1, at.block() + 1).boxed().toList());
    }
}

package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.block.ChainVerifier;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Commit;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;
import org.fundtrail.network.node.block.BlockHashing;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the embedded node only through the unmodified fabric-gateway client, over TCP and in-process. */
class GatewayScenarioTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path foreignDir;
    static EmbeddedNode node;
    static ManagedChannel tcp;
    static ManagedChannel inProcess;
    static SigningIdentity officer;
    static Gateway gateway;
    static Network network;
    static Contract contract;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNetwork.start(dir);
        tcp = NettyChannelBuilder.forAddress("127.0.0.1", node.port()).usePlaintext().build();
        inProcess = node.inProcessChannel();
        officer = node.crypto().user("FinanceMSP", "officer@mof");
        gateway = TestNetwork.connect(tcp, officer);
        network = gateway.getNetwork(node.network().channel());
        contract = network.getContract(node.network().chaincode(), TestNetwork.CONTRACT);
    }

    @AfterAll
    static void stopNode() {
        gateway.close();
        TestNetwork.shutdown(tcp);
        TestNetwork.shutdown(inProcess);
        node.close();
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void submits_and_evaluates_through_tcp_and_in_process() throws Exception {
        String k = key();
        byte[] result = contract.submitTransaction("Put", k, "v1");
        assertThat(new String(result, StandardCharsets.UTF_8)).isEqualTo("v1");
        assertThat(new String(contract.evaluateTransaction("Get", k), StandardCharsets.UTF_8)).isEqualTo("v1");

        try (Gateway local = TestNetwork.connect(inProcess, node.crypto().user("HealthMSP", "officer@health"))) {
            Contract c = local.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
            c.submitTransaction("Put", k, "v2");
            assertThat(new String(c.evaluateTransaction("Get", k), StandardCharsets.UTF_8)).isEqualTo("v2");
            assertThat(new String(c.evaluateTransaction("Creator"), StandardCharsets.UTF_8)).startsWith("HealthMSP ");
        }
        assertThat(new String(contract.evaluateTransaction("History", k), StandardCharsets.UTF_8)).isEqualTo("v2,v1");
    }

    @Test
    void deletes_and_reads_composite_keys() throws Exception {
        String type = "t" + UUID.randomUUID().toString().substring(0, 8);
        contract.submitTransaction("PutComposite", type, "a", "1", "x");
        contract.submitTransaction("PutComposite", type, "b", "2", "y");
        assertThat(new String(contract.evaluateTransaction("Keys", type), StandardCharsets.UTF_8)).isEqualTo("a/1=x,b/2=y");
        String k = key();
        contract.submitTransaction("Put", k, "gone");
        contract.submitTransaction("Delete", k);
        assertThat(contract.evaluateTransaction("Get", k)).isEmpty();
        assertThat(new String(contract.evaluateTransaction("History", k), StandardCharsets.UTF_8)).isEqualTo("<deleted>,gone");
    }

    @Test
    void chaincode_refusal_surfaces_as_endorse_exception_with_its_message() {
        assertThatThrownBy(() -> contract.submitTransaction("Fail", "budget line is closed"))
                .isInstanceOfSatisfying(EndorseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    assertThat(e.getDetails()).hasSize(1);
                    assertThat(e.getDetails().get(0).getMessage()).isEqualTo("chaincode response 500, budget line is closed");
                    assertThat(e.getTransactionId()).hasSize(64);
                });
        assertThatThrownBy(() -> contract.evaluateTransaction("Fail", "no such allocation"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNKNOWN);
                    assertThat(e.getStatus().getDescription()).contains("chaincode response 500, no such allocation");
                });
    }

    @Test
    void chaincode_events_replay_from_a_start_block() throws Exception {
        long start = node.height();
        String k = key();
        contract.submitTransaction("Put", k, "e1");
        contract.submitTransaction("Put", k, "e2");
        List<String> seen = new ArrayList<>();
        try (CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(node.network().chaincode())
                .startBlock(start).build().getEvents()) {
            while (seen.size() < 2) {
                ChaincodeEvent e = events.next();
                String payload = new String(e.getPayload(), StandardCharsets.UTF_8);
                if (payload.startsWith(k)) {
                    assertThat(e.getEventName()).isEqualTo("Put");
                    assertThat(e.getBlockNumber()).isGreaterThanOrEqualTo(start);
                    seen.add(payload);
                }
            }
        }
        assertThat(seen).containsExactly(k + "=e1", k + "=e2");
    }

    @Test
    void block_events_start_at_a_verifiable_genesis_block() throws Exception {
        contract.submitTransaction("Put", key(), "b");
        long last = node.height() - 1;
        ChainVerifier verifier = new ChainVerifier(node.crypto().orderer().certificate().getPublicKey());
        try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(0).build().getEvents()) {
            for (long n = 0; n <= last; n++) {
                Block b = blocks.next();
                assertThat(b.getHeader().getNumber()).isEqualTo(n);
                verifier.accept(b);
                assertThat(b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).size())
                        .isEqualTo(b.getData().getDataCount());
            }
        }
        try (CloseableIterator<FilteredBlock> blocks = network.newFilteredBlockEventsRequest().startBlock(last).build()
                .getEvents()) {
            FilteredBlock fb = blocks.next();
            assertThat(fb.getNumber()).isEqualTo(last);
            assertThat(fb.getFilteredTransactions(0).getTxValidationCode()).isEqualTo(TxValidationCode.VALID);
        }
        try (var blocks = network.newBlockAndPrivateDataEventsRequest().startBlock(last).build().getEvents()) {
            assertThat(blocks.next().getBlock().getHeader().getNumber()).isEqualTo(last);
        }
    }

    @Test
    void the_query_system_chaincode_reports_the_chain_height_and_newest_header_hash_as_a_fabric_peer_does()
            throws Exception {
        contract.submitTransaction("Put", key(), "h");
        Contract qscc = network.getContract("qscc");
        BlockchainInfo info = BlockchainInfo.parseFrom(qscc.evaluateTransaction("GetChainInfo", network.getName()));
        assertThat(info.getHeight()).isEqualTo(node.height());
        try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(info.getHeight() - 1).build()
                .getEvents()) {
            Block newest = blocks.next();
            assertThat(info.getCurrentBlockHash().toByteArray()).isEqualTo(BlockHashing.headerHash(newest.getHeader()));
            assertThat(info.getPreviousBlockHash()).isEqualTo(newest.getHeader().getPreviousHash());
        }
        assertThatThrownBy(() -> qscc.evaluateTransaction("GetChainInfo", "no-such-channel"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("Invalid chain ID, no-such-channel");
        assertThatThrownBy(() -> qscc.evaluateTransaction("NoSuchFunction", network.getName(), "x"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("Requested function NoSuchFunction not found.");
    }

    @Test
    void offline_signing_flow_commits() throws Exception {
        SigningIdentity user = node.crypto().user("FinanceMSP", "officer@mof");
        Signer signer = Signers.newPrivateKeySigner(user.privateKey());
        try (Gateway unsigned = Gateway.newInstance().identity(TestNetwork.identity(user)).connection(tcp).connect()) {
            Contract c = unsigned.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
            String k = key();
            Proposal unsignedProposal = c.newProposal("Put").addArguments(k, "offline").build();
            Proposal signedProposal = unsigned.newSignedProposal(unsignedProposal.getBytes(),
                    signer.sign(unsignedProposal.getDigest()));
            Transaction unsignedTx = signedProposal.endorse();
            Transaction signedTx = unsigned.newSignedTransaction(unsignedTx.getBytes(), signer.sign(unsignedTx.getDigest()));
            SubmittedTransaction submitted = signedTx.submitAsync();
            Commit commit = unsigned.newSignedCommit(submitted.getBytes(), signer.sign(submitted.getDigest()));
            org.hyperledger.fabric.client.Status status = commit.getStatus();
            assertThat(status.isSuccessful()).isTrue();
            assertThat(status.getCode()).isEqualTo(TxValidationCode.VALID);
            assertThat(new String(contract.evaluateTransaction("Get", k), StandardCharsets.UTF_8)).isEqualTo("offline");
        }
    }

    @Test
    void replayed_transaction_id_is_refused() throws Exception {
        SigningIdentity user = node.crypto().user("FinanceMSP", "officer@mof");
        Signer signer = Signers.newPrivateKeySigner(user.privateKey());
        try (Gateway unsigned = Gateway.newInstance().identity(TestNetwork.identity(user)).connection(tcp).connect()) {
            Contract c = unsigned.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
            Proposal p = c.newProposal("Put").addArguments(key(), "once").build();
            byte[] signature = signer.sign(p.getDigest());
            Transaction tx = unsigned.newSignedProposal(p.getBytes(), signature).endorse();
            byte[] txSignature = signer.sign(tx.getDigest());
            SubmittedTransaction submitted = unsigned.newSignedTransaction(tx.getBytes(), txSignature).submitAsync();
            Commit commit = unsigned.newSignedCommit(submitted.getBytes(), signer.sign(submitted.getDigest()));
            assertThat(commit.getStatus().isSuccessful()).isTrue();

            assertThatThrownBy(() -> unsigned.newSignedProposal(p.getBytes(), signature).endorse())
                    .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0).getMessage())
                            .startsWith("duplicate transaction found [" + p.getTransactionId() + "]"));

            // The same signed envelope ordered again is marked a duplicate by the committer.
            long before = node.height();
            unsigned.newSignedTransaction(tx.getBytes(), txSignature).submitAsync();
            try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(before).build().getEvents()) {
                Block b = blocks.next();
                assertThat(b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).byteAt(0))
                        .isEqualTo((byte) TxValidationCode.DUPLICATE_TXID_VALUE);
            }
        }
    }

    @Test
    void bad_signatures_are_refused() throws Exception {
        SigningIdentity user = node.crypto().user("FinanceMSP", "officer@mof");
        SigningIdentity other = node.crypto().user("FinanceMSP", "auditor");
        Signer wrong = Signers.newPrivateKeySigner(other.privateKey());
        try (Gateway g = Gateway.newInstance().identity(TestNetwork.identity(user)).signer(wrong).connection(tcp).connect()) {
            Contract c = g.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
            assertThatThrownBy(() -> c.submitTransaction("Put", key(), "x"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0).getMessage())
                            .isEqualTo("error validating proposal: access denied: channel [" + node.network().channel()
                                    + "] creator org [FinanceMSP]"));
        }
        // A correctly endorsed transaction whose envelope signature is wrong is refused by the orderer.
        Signer right = Signers.newPrivateKeySigner(user.privateKey());
        try (Gateway unsigned = Gateway.newInstance().identity(TestNetwork.identity(user)).connection(tcp).connect()) {
            Contract c = unsigned.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
            Proposal p = c.newProposal("Put").addArguments(key(), "x").build();
            Transaction tx = unsigned.newSignedProposal(p.getBytes(), right.sign(p.getDigest())).endorse();
            Transaction badTx = unsigned.newSignedTransaction(tx.getBytes(), wrong.sign(tx.getDigest()));
            assertThatThrownBy(badTx::submitAsync).isInstanceOfSatisfying(SubmitException.class,
                    e -> assertThat(e.getMessage()).contains("status=FORBIDDEN"));
        }
    }

    @Test
    void identity_from_a_foreign_ca_is_refused() throws Exception {
        NetworkCrypto foreign = CryptoGenerator.generate(NetworkDefinition.defaults(), foreignDir);
        try (Gateway g = TestNetwork.connect(tcp, foreign.user("FinanceMSP", "officer@mof"))) {
            Contract c = g.getNetwork(node.network().channel()).getContract(node.network().chaincode(), "probe");
            assertThatThrownBy(() -> c.submitTransaction("Put", key(), "x"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails().get(0).getMessage())
                            .isEqualTo("error validating proposal: access denied: channel [" + node.network().channel()
                                    + "] creator org [FinanceMSP]"));
            assertThatThrownBy(() -> c.evaluateTransaction("Get", "k"))
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
        }
    }

    @Test
    void insufficient_endorsement_is_marked_endorsement_policy_failure() throws Exception {
        Proposal p = contract.newProposal("Put").addArguments(key(), "lonely").setEndorsingOrganizations("HealthMSP").build();
        assertThatThrownBy(() -> p.endorse().submit())
                .isInstanceOfSatisfying(org.hyperledger.fabric.client.CommitException.class,
                        e -> assertThat(e.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE));
    }
}

package org.fundtrail.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.node.EmbeddedNode;
import org.fundtrail.network.node.block.BlockFactory;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;

/**
 * A real ledger for the verifier's tests: the embedded node running the real {@code spending}
 * contract, driven through the unmodified fabric-gateway client, and its blocks read back with the
 * Deliver service. Also reseals tampered blocks with the orderer's own key, as a dishonest orderer would.
 */
final class VerifyLedger implements AutoCloseable {
    final EmbeddedNode node;
    private final ManagedChannel channel;
    private final List<Gateway> gateways = new ArrayList<>();

    VerifyLedger(Path dir, int maxTransactionsPerBlock) throws IOException {
        node = EmbeddedNode.newInstance().dataDirectory(dir).port(0).blockCutting(maxTransactionsPerBlock, 5).build();
        node.start();
        channel = node.inProcessChannel();
    }

    /** @return the contract as a user of the network definition */
    Contract contract(String mspId, String user) {
        SigningIdentity id = node.crypto().user(mspId, user);
        Gateway gateway = Gateway.newInstance().identity(new X509Identity(id.mspId(), id.certificate()))
                .signer(Signers.newPrivateKeySigner(id.privateKey())).hash(Hash.SHA256).connection(channel)
                .evaluateOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                .endorseOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                .submitOptions(o -> o.withDeadlineAfter(30, TimeUnit.SECONDS))
                .commitStatusOptions(o -> o.withDeadlineAfter(60, TimeUnit.SECONDS)).connect();
        gateways.add(gateway);
        return network(gateway).getContract(node.network().chaincode());
    }

    private Network network(Gateway gateway) {
        return gateway.getNetwork(node.network().channel());
    }

    /** @return every committed block, read through the Deliver service from block 0 */
    List<Block> blocks() {
        long height = node.height();
        List<Block> blocks = new ArrayList<>();
        Gateway reader = gateways.get(0);
        try (CloseableIterator<Block> events = network(reader).newBlockEventsRequest().startBlock(0).build()
                .getEvents()) {
            while (blocks.size() < height) {
                blocks.add(events.next());
            }
        }
        for (int i = 0; i < blocks.size(); i++) {
            assertThat(blocks.get(i).getHeader().getNumber()).isEqualTo(i);
        }
        return blocks;
    }

    /** @return the endorsement policy of the network definition */
    EndorsementPolicy policy() {
        return EndorsementPolicy.parse(node.network().endorsementPolicy());
    }

    /**
     * Rebuilds block {@code from} with its (tampered) envelopes and filter, and every later block, with
     * fresh data hashes, previous hashes and orderer signatures: what an orderer rewriting history produces.
     */
    List<Block> reseal(List<Block> blocks, int from, SigningIdentity orderer) {
        List<Block> out = new ArrayList<>(blocks.subList(0, from));
        BlockFactory factory = new BlockFactory(orderer);
        for (int i = from; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            byte[] previous = BlockHashes.headerHash(out.get(i - 1).getHeader());
            byte[] filter = b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
            out.add(factory.build(b.getHeader().getNumber(), previous, b.getData().getDataList(), filter));
        }
        return out;
    }

    /** @return the block with envelope {@code index} replaced */
    static Block withEnvelope(Block b, int index, ByteString envelope) {
        return b.toBuilder().setData(b.getData().toBuilder().setData(index, envelope)).build();
    }

    @Override
    public void close() {
        for (Gateway g : gateways) {
            g.close();
        }
        channel.shutdownNow();
        node.close();
    }
}

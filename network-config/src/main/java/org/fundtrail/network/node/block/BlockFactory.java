package org.fundtrail.network.node.block;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.node.endorse.Endorser;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.LastConfig;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.hyperledger.fabric.protos.common.OrdererBlockMetadata;
import org.hyperledger.fabric.protos.common.SignatureHeader;

/**
 * Cuts Fabric blocks: header (number, previous hash, data hash), envelopes as data, and metadata as
 * a Fabric 2.5 orderer and committing peer leave it — {@code SIGNATURES} holding
 * {@code OrdererBlockMetadata} signed by the orderer over value ‖ signature header ‖ header DER,
 * {@code LAST_CONFIG}, and {@code TRANSACTIONS_FILTER} (one validation code per envelope).
 *
 * <pre>{@code Block b = factory.build(7, previousHash, envelopes, filter);}</pre>
 */
public final class BlockFactory {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SigningIdentity orderer;
    private final ByteString ordererIdentity;

    /** @param orderer the ordering node's signing identity */
    public BlockFactory(SigningIdentity orderer) {
        this.orderer = Objects.requireNonNull(orderer, "orderer");
        this.ordererIdentity = Endorser.serialize(orderer);
    }

    /**
     * @param number the block number
     * @param previousHash the previous header's hash (empty for block 0)
     * @param envelopes the envelope bytes
     * @param transactionFilter one validation code per envelope
     * @return the signed block
     */
    public Block build(long number, byte[] previousHash, List<ByteString> envelopes, byte[] transactionFilter) {
        if (transactionFilter.length != envelopes.size()) {
            throw new IllegalArgumentException("one validation code per envelope required");
        }
        BlockData data = BlockData.newBuilder().addAllData(envelopes).build();
        BlockHeader header = BlockHeader.newBuilder().setNumber(number)
                .setPreviousHash(ByteString.copyFrom(previousHash)).setDataHash(ByteString.copyFrom(BlockHashing.dataHash(data)))
                .build();
        ByteString value = OrdererBlockMetadata.newBuilder().setLastConfig(LastConfig.newBuilder().setIndex(0)).build()
                .toByteString();
        byte[] nonce = new byte[24];
        RANDOM.nextBytes(nonce);
        ByteString sigHeader = SignatureHeader.newBuilder().setCreator(ordererIdentity).setNonce(ByteString.copyFrom(nonce))
                .build().toByteString();
        byte[] signature = orderer.sign(value.concat(sigHeader).concat(ByteString.copyFrom(BlockHashing.headerBytes(header)))
                .toByteArray());
        Metadata signatures = Metadata.newBuilder().setValue(value).addSignatures(MetadataSignature.newBuilder()
                .setSignatureHeader(sigHeader).setSignature(ByteString.copyFrom(signature))).build();
        Metadata lastConfig = Metadata.newBuilder().setValue(LastConfig.newBuilder().setIndex(0).build().toByteString()).build();
        ByteString[] metadata = new ByteString[BlockMetadataIndex.COMMIT_HASH_VALUE + 1];
        java.util.Arrays.fill(metadata, ByteString.EMPTY);
        metadata[BlockMetadataIndex.SIGNATURES_VALUE] = signatures.toByteString();
        metadata[BlockMetadataIndex.LAST_CONFIG_VALUE] = lastConfig.toByteString();
        metadata[BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE] = ByteString.copyFrom(transactionFilter);
        return Block.newBuilder().setHeader(header).setData(data)
                .setMetadata(BlockMetadata.newBuilder().addAllMetadata(List.of(metadata))).build();
    }
}

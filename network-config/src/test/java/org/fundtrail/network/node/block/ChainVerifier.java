package org.fundtrail.network.node.block;

import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Objects;
import org.fundtrail.network.node.msp.Signatures;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.Metadata;
import org.hyperledger.fabric.protos.common.MetadataSignature;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Verifies blocks one after the other: number sequence, previous-hash chain, data hash, the
 * orderer's signature, and one validation code per envelope.
 *
 * <pre>{@code
 * ChainVerifier v = new ChainVerifier(ordererCertificate.getPublicKey());
 * for (Block b : blocks) { v.accept(b); }
 * }</pre>
 */
public final class ChainVerifier {
    private final ECPublicKeyParameters ordererKey;
    private long expectedNumber;
    private byte[] previousHash = new byte[0];

    /** @param ordererKey the orderer's public key */
    public ChainVerifier(PublicKey ordererKey) {
        this.ordererKey = Signatures.keyOf(Objects.requireNonNull(ordererKey, "ordererKey"));
    }

    /**
     * @param block the next block
     * @throws ChainVerificationException when it does not follow or is not intact
     */
    public void accept(Block block) throws ChainVerificationException {
        long n = block.getHeader().getNumber();
        if (n != expectedNumber) {
            throw new ChainVerificationException(n, "expected block number " + expectedNumber);
        }
        HexFormat hex = HexFormat.of();
        byte[] prev = block.getHeader().getPreviousHash().toByteArray();
        if (!java.util.Arrays.equals(prev, previousHash)) {
            throw new ChainVerificationException(n, "previous hash expected " + hex.formatHex(previousHash) + ", found "
                    + hex.formatHex(prev));
        }
        byte[] dataHash = BlockHashing.dataHash(block.getData());
        if (!java.util.Arrays.equals(dataHash, block.getHeader().getDataHash().toByteArray())) {
            throw new ChainVerificationException(n, "data hash expected " + hex.formatHex(dataHash) + ", found "
                    + hex.formatHex(block.getHeader().getDataHash().toByteArray()));
        }
        if (block.getMetadata().getMetadataCount() <= BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                || block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).size()
                        != block.getData().getDataCount()) {
            throw new ChainVerificationException(n, "transaction filter does not have one code per envelope");
        }
        try {
            Metadata md = Metadata.parseFrom(block.getMetadata().getMetadata(BlockMetadataIndex.SIGNATURES_VALUE));
            if (md.getSignaturesCount() == 0) {
                throw new ChainVerificationException(n, "no orderer signature");
            }
            byte[] headerBytes = BlockHashing.headerBytes(block.getHeader());
            for (MetadataSignature s : md.getSignaturesList()) {
                byte[] signed = md.getValue().concat(s.getSignatureHeader())
                        .concat(com.google.protobuf.ByteString.copyFrom(headerBytes)).toByteArray();
                if (!Signatures.verify(ordererKey, signed, s.getSignature().toByteArray())) {
                    throw new ChainVerificationException(n, "orderer signature does not verify");
                }
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new ChainVerificationException(n, "unreadable signature metadata");
        }
        previousHash = BlockHashing.headerHash(block.getHeader());
        expectedNumber = n + 1;
    }
}

package org.fundtrail.network.node.block;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.fundtrail.network.crypto.Sha256;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * Fabric's block hashes: the header's ASN.1 DER encoding ({@code protoutil.BlockHeaderBytes}), its
 * SHA-256 (the next block's {@code previous_hash}), and the data hash (SHA-256 over the
 * concatenated envelopes, {@code protoutil.ComputeBlockDataHash}).
 *
 * <pre>{@code byte[] previousHash = BlockHashing.headerHash(block.getHeader());}</pre>
 */
public final class BlockHashing {
    private BlockHashing() {
    }

    /**
     * @param header a block header
     * @return DER of {@code SEQUENCE { INTEGER number, OCTET STRING previousHash, OCTET STRING dataHash }}
     */
    public static byte[] headerBytes(BlockHeader header) {
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1Integer(new BigInteger(Long.toUnsignedString(header.getNumber()))),
                    new DEROctetString(header.getPreviousHash().toByteArray()),
                    new DEROctetString(header.getDataHash().toByteArray())}).getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param header a block header
     * @return SHA-256 of {@link #headerBytes(BlockHeader)}
     */
    public static byte[] headerHash(BlockHeader header) {
        return sha256(headerBytes(header));
    }

    /**
     * @param data a block's data
     * @return SHA-256 of the envelopes' bytes concatenated
     */
    public static byte[] dataHash(BlockData data) {
        return Sha256.ofBuffers(data.getDataList().stream().map(ByteString::asReadOnlyByteBuffer).toList());
    }

    /**
     * @param parts byte arrays to hash one after the other
     * @return their SHA-256
     */
    public static byte[] sha256(byte[]... parts) {
        return Sha256.of(parts);
    }
}

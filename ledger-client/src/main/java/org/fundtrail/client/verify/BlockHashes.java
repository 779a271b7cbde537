package org.fundtrail.client.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * Fabric's block hashes, and nothing else: the header's bytes ({@code protoutil.BlockHeaderBytes},
 * ASN.1 DER {@code SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }}),
 * their SHA-256 (the next block's {@code previous_hash}), and the data hash (SHA-256 over the
 * envelopes' bytes concatenated, {@code protoutil.ComputeBlockDataHash} of Fabric 2.5).
 *
 * <pre>{@code
 * byte[] previousHashOfNext = BlockHashes.headerHash(block.getHeader());
 * boolean intact = Arrays.equals(BlockHashes.dataHash(block.getData()), block.getHeader().getDataHash().toByteArray());
 * }</pre>
 */
public final class BlockHashes {
    /** The JDK's SHA-256 uses the CPU's SHA extensions where present: several times Bouncy Castle's Java digest. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    });

    private BlockHashes() {
    }

    /**
     * @param header a block header
     * @return its DER encoding, the bytes the orderer signs and the next block chains to
     */
    public static byte[] headerBytes(BlockHeader header) {
        try {
            return new DERSequence(new ASN1Encodable[] {
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
     * @return SHA-256 of its envelopes' bytes, one after the other
     */
    public static byte[] dataHash(BlockData data) {
        MessageDigest digest = SHA256.get();
        for (int i = 0; i < data.getDataCount(); i++) {
            digest.update(data.getData(i).asReadOnlyByteBuffer());
        }
        return digest.digest();
    }

    /**
     * @param parts byte arrays to hash one after the other
     * @return their SHA-256, with the calling thread's digest
     */
    static byte[] sha256(byte[]... parts) {
        MessageDigest digest = SHA256.get();
        for (byte[] p : parts) {
            digest.update(p);
        }
        return digest.digest();
    }
}

package org.fundtrail.network.crypto;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * SHA-256, the one place the network module gets it from: the JDK's implementation, which HotSpot
 * compiles to the CPU's SHA instructions where it has them (several times Bouncy Castle's Java digest
 * on the kilobyte-sized proposals and envelopes every signature covers), one digest per thread.
 */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private Sha256() {
    }

    /**
     * @param parts byte arrays to hash one after the other
     * @return their 32-byte SHA-256 hash
     */
    public static byte[] of(byte[]... parts) {
        MessageDigest digest = DIGEST.get();
        for (byte[] p : parts) {
            digest.update(p);
        }
        return digest.digest();
    }

    /**
     * @param buffers buffers whose remaining bytes are hashed one after the other (each is consumed)
     * @return their 32-byte SHA-256 hash
     */
    public static byte[] ofBuffers(List<ByteBuffer> buffers) {
        MessageDigest digest = DIGEST.get();
        for (ByteBuffer b : buffers) {
            digest.update(b);
        }
        return digest.digest();
    }
}

package org.fundtrail.network.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of whole messages with the JDK's implementation, which HotSpot compiles to the CPU's SHA
 * instructions where it has them: several times Bouncy Castle's Java digest on the kilobyte-sized
 * proposals and envelopes every signature covers. One digest per thread.
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
     * @param message the bytes
     * @return their 32-byte SHA-256 hash
     */
    public static byte[] of(byte[] message) {
        return DIGEST.get().digest(message);
    }
}

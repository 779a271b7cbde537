package org.fundtrail.client.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Turns serialized identities into identities a set of MSPs accepts, caching each outcome: a ledger
 * has few signers and many signatures, so a chain is checked once per identity, not per signature.
 * Thread-safe.
 */
final class Identities {
    private static final int CACHE_LIMIT = 10_000;
    private final Map<String, Msp> msps;
    private final ConcurrentHashMap<Key, Object> cache = new ConcurrentHashMap<>();

    /**
     * A serialized identity as a map key: hashed over its length and last 64 bytes (the certificate's
     * signature, distinct per certificate) rather than all of its ~1 KB, compared in full.
     */
    private static final class Key {
        private final byte[] bytes;
        private final int hash;

        Key(ByteString serialized) {
            this.bytes = serialized.toByteArray();
            int h = bytes.length;
            for (int i = Math.max(0, bytes.length - 64); i < bytes.length; i++) {
                h = 31 * h + bytes[i];
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && java.util.Arrays.equals(k.bytes, bytes);
        }
    }

    /** An identity an MSP accepts (time apart), ready to verify signatures. */
    record Accepted(String mspId, String role, String subject, ECPublicKeyParameters key, Msp.Accepted chain) {
    }

    Identities(Map<String, Msp> msps) {
        this.msps = Map.copyOf(msps);
    }

    /**
     * @param serialized a serialized {@code SerializedIdentity}
     * @param when the instant it must be valid at, or null to skip the time check
     * @return the accepted identity
     * @throws GeneralSecurityException with the reason when the identity is not valid
     */
    Accepted resolve(ByteString serialized, Instant when) throws GeneralSecurityException {
        Key key = new Key(serialized);
        Object cached = cache.get(key);
        if (cached == null) {
            try {
                cached = accept(serialized);
            } catch (GeneralSecurityException e) {
                cached = e.getMessage();
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, cached);
        }
        if (cached instanceof String reason) {
            throw new GeneralSecurityException(reason);
        }
        Accepted a = (Accepted) cached;
        String invalid = when == null ? null : a.chain().invalidAt(when);
        if (invalid != null) {
            throw new GeneralSecurityException(a.mspId() + ": " + invalid);
        }
        return a;
    }

    private Accepted accept(ByteString serialized) throws GeneralSecurityException {
        SerializedIdentity sid;
        try {
            sid = SerializedIdentity.parseFrom(serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new GeneralSecurityException("not a SerializedIdentity");
        }
        Msp msp = msps.get(sid.getMspid());
        if (msp == null) {
            throw new GeneralSecurityException("MSP '" + sid.getMspid() + "' is not one of " + msps.keySet());
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(sid.getIdBytes().toByteArray()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new GeneralSecurityException(sid.getMspid() + ": unreadable certificate");
        }
        Msp.Accepted chain;
        try {
            chain = msp.accept(cert);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(sid.getMspid() + ": " + cert.getSubjectX500Principal().getName() + ": "
                    + e.getMessage());
        }
        ECPublicKeyParameters key = Ecdsa.keyOf(cert.getPublicKey());
        if (key == null) {
            throw new GeneralSecurityException(sid.getMspid() + ": the identity's key is not an EC key");
        }
        return new Accepted(sid.getMspid(), chain.role(), cert.getSubjectX500Principal().getName(), key, chain);
    }
}

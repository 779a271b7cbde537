package org.fundtrail.network.node.msp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fundtrail.network.crypto.MspMaterial;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * The channel's MSPs: turns serialized identities into validated {@link Identity} values (chain,
 * expiry and CRL checked by {@link MspMaterial#validate}) and verifies their signatures. Validation
 * results are cached per serialized identity, so a busy client costs one chain check.
 *
 * <pre>{@code
 * ChannelMsps msps = ChannelMsps.of(List.of(crypto.msp("FinanceMSP")));
 * Identity creator = msps.deserialize(signatureHeader.getCreator());
 * boolean ok = msps.verify(creator, proposalBytes, signature);
 * }</pre>
 */
public final class ChannelMsps {
    private static final int CACHE_LIMIT = 10_000;
    private final Map<String, MspMaterial> msps;
    private final ConcurrentHashMap<ByteString, Object> cache = new ConcurrentHashMap<>();

    private ChannelMsps(Map<String, MspMaterial> msps) {
        this.msps = msps;
    }

    /**
     * @param materials the MSPs of the channel (application and orderer orgs)
     * @return the channel MSPs
     */
    public static ChannelMsps of(Collection<MspMaterial> materials) {
        Map<String, MspMaterial> map = new LinkedHashMap<>();
        for (MspMaterial m : materials) {
            map.put(m.mspId(), m);
        }
        return new ChannelMsps(Map.copyOf(map));
    }

    /** @return the MSP IDs of the channel */
    public Set<String> mspIds() {
        return msps.keySet();
    }

    /**
     * @param serialized a serialized {@code SerializedIdentity}
     * @return the validated identity
     * @throws IdentityException when it is malformed, of an unknown MSP, or not valid in its MSP
     */
    public Identity deserialize(ByteString serialized) throws IdentityException {
        Object cached = cache.get(serialized);
        if (cached == null) {
            try {
                cached = doDeserialize(serialized);
            } catch (IdentityException e) {
                cached = e;
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(serialized, cached);
        }
        if (cached instanceof IdentityException e) {
            throw new IdentityException(e.mspId(), e.getMessage());
        }
        return (Identity) cached;
    }

    /**
     * @param identity a validated identity
     * @param message the signed bytes
     * @param signature the DER ECDSA signature
     * @return whether the signature is the identity's
     */
    public boolean verify(Identity identity, byte[] message, byte[] signature) {
        return Signatures.verify(identity.publicKey(), message, signature);
    }

    private Identity doDeserialize(ByteString serialized) throws IdentityException {
        SerializedIdentity sid;
        try {
            sid = SerializedIdentity.parseFrom(serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new IdentityException(null, "could not deserialize a SerializedIdentity: " + e.getMessage());
        }
        MspMaterial msp = msps.get(sid.getMspid());
        if (msp == null) {
            throw new IdentityException(sid.getMspid(), "MSP " + sid.getMspid() + " is unknown");
        }
        X509Certificate cert;
        try {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(sid.getIdBytes().toByteArray()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IdentityException(sid.getMspid(), "could not decode the identity's certificate");
        }
        String role;
        try {
            role = msp.validate(cert);
        } catch (GeneralSecurityException e) {
            throw new IdentityException(sid.getMspid(), "the supplied identity is not valid: " + e.getMessage());
        }
        try {
            return new Identity(sid.getMspid(), cert, role, serialized, Signatures.keyOf(cert.getPublicKey()));
        } catch (IllegalArgumentException e) {
            throw new IdentityException(sid.getMspid(), "the identity's key is not an EC key");
        }
    }
}

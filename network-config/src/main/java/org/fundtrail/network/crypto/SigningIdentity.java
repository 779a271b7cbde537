package org.fundtrail.network.crypto;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * An identity that can sign: an MSP id, its X.509 certificate and its private key — a peer, an
 * orderer or a user.
 *
 * <pre>{@code
 * SigningIdentity officer = crypto.user("HealthMSP", "officer@health");
 * byte[] signature = officer.sign(proposalBytes);            // DER, low-S
 * byte[] idBytes = officer.certificatePem().getBytes(UTF_8); // SerializedIdentity.id_bytes
 * }</pre>
 *
 * @param mspId the MSP the certificate belongs to
 * @param certificate the signing certificate
 * @param privateKey its EC P-256 private key
 */
public record SigningIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {

    /**
     * Checks the components are present.
     *
     * @throws NullPointerException if a component is null
     */
    public SigningIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * Signs a message as Fabric's BCCSP does: SHA-256, ECDSA, S normalised to at most half the curve
     * order (Fabric refuses high-S signatures), DER-encoded. Uses Bouncy Castle with a deterministic
     * nonce (RFC 6979); safe to call from many threads.
     *
     * @param message the bytes to sign (hashed here; pass the message, not a digest)
     * @return the DER-encoded signature
     * @throws IllegalArgumentException if the key is not an EC key
     */
    public byte[] sign(byte[] message) {
        return Ecdsa.sign(privateKey, Objects.requireNonNull(message, "message"));
    }

    /**
     * The certificate in PEM, as the {@code signcerts} file holds it and as Fabric puts it in a
     * {@code SerializedIdentity}.
     *
     * @return {@code -----BEGIN CERTIFICATE-----\n...}, lines of 64 characters, {@code \n} endings
     */
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    /** Names the identity; never shows the private key. */
    @Override
    public String toString() {
        return "SigningIdentity[mspId=" + mspId + ", subject=" + certificate.getSubjectX500Principal().getName() + "]";
    }
}

package org.fundtrail.network.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * SHA256withECDSA signing with Bouncy Castle's lightweight API, S normalised to the lower half of
 * the curve order as Fabric requires (it refuses high-S signatures), DER-encoded. The nonce is
 * derived deterministically (RFC 6979), so no signature depends on the quality of a random source.
 */
final class Ecdsa {
    private static final AlgorithmIdentifier SHA256_WITH_ECDSA =
            new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");

    private Ecdsa() {
    }

    /**
     * P-256 with Bouncy Castle's optimised curve. Using this one instance for every key lets the
     * precomputed multiples of its generator be reused; converting each key's own parameters would
     * recompute them on every signature (about ten times slower).
     */
    private static final ECDomainParameters P256 = new ECDomainParameters(CustomNamedCurves.getByName("secp256r1"));

    static byte[] sign(PrivateKey key, byte[] message) {
        ECPrivateKeyParameters params = parameters(key);
        byte[] hash = Sha256.of(message);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, params);
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger n = params.getParameters().getN();
        BigInteger s = rs[1].compareTo(n.shiftRight(1)) > 0 ? n.subtract(rs[1]) : rs[1];
        try {
            return new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(s)})
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ECPrivateKeyParameters parameters(PrivateKey key) {
        if (key instanceof java.security.interfaces.ECPrivateKey ec) {
            java.security.spec.ECParameterSpec spec = ec.getParams();
            if (spec != null && spec.getOrder().equals(P256.getN()) && spec.getGenerator().getAffineX()
                    .equals(P256.getG().getAffineXCoord().toBigInteger())) {
                return new ECPrivateKeyParameters(ec.getS(), P256);
            }
        }
        try {
            return (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException | ClassCastException e) {
            throw new IllegalArgumentException("not an EC private key: " + key.getAlgorithm(), e);
        }
    }

    /** A certificate and CRL signer producing low-S signatures, as Fabric's own tools do. */
    static ContentSigner contentSigner(PrivateKey key) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return SHA256_WITH_ECDSA;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                return sign(key, buffer.toByteArray());
            }
        };
    }
}

package org.fundtrail.network.node.msp;

import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.fundtrail.network.crypto.Sha256;

/**
 * ECDSA P-256 / SHA-256 verification as Fabric's BCCSP does it (DER signature, low-S required), with
 * Bouncy Castle's lightweight API: about ten times the rate of the JDK 17 provider.
 *
 * <pre>{@code boolean ok = Signatures.verify(Signatures.keyOf(cert.getPublicKey()), message, signature);}</pre>
 */
public final class Signatures {
    private static final BigInteger HALF_ORDER = SECNamedCurves.getByName("secp256r1").getN().shiftRight(1);

    private Signatures() {
    }

    /**
     * @param key an EC public key
     * @return the Bouncy Castle parameters for it
     * @throws IllegalArgumentException when the key is not an EC key
     */
    public static ECPublicKeyParameters keyOf(PublicKey key) {
        try {
            return (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalArgumentException("not an EC public key", e);
        }
    }

    /**
     * @param key the signer's public key
     * @param message the signed bytes
     * @param signature the DER-encoded ECDSA signature
     * @return whether the signature is valid and low-S
     */
    public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
        BigInteger r;
        BigInteger s;
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(signature));
            if (seq.size() != 2) {
                return false;
            }
            r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        if (r.signum() <= 0 || s.signum() <= 0 || s.compareTo(HALF_ORDER) > 0) {
            return false;
        }
        byte[] hash = Sha256.of(message);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(hash, r, s);
    }
}

package org.fundtrail.client.verify;

import java.math.BigInteger;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * ECDSA / SHA-256 verification as Fabric's BCCSP does it (DER signature, low-S required), with Bouncy
 * Castle's lightweight API, which verifies P-256 about ten times faster than the JDK 17 provider; the
 * message digest is the JDK's.
 */
final class Ecdsa {
    private Ecdsa() {
    }

    /** @return the key as Bouncy Castle parameters, or null when it is not an EC key */
    static ECPublicKeyParameters keyOf(PublicKey key) {
        try {
            return (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
        } catch (java.security.InvalidKeyException | ClassCastException e) {
            return null;
        }
    }

    static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
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
        BigInteger halfOrder = key.getParameters().getN().shiftRight(1);
        if (r.signum() <= 0 || s.signum() <= 0 || s.compareTo(halfOrder) > 0) {
            return false;
        }
        byte[] hash = BlockHashes.sha256(message);
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key);
        return verifier.verifySignature(hash, r, s);
    }
}

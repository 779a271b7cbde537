package org.fundtrail.network.node.msp;

import com.google.protobuf.ByteString;
import java.security.cert.X509Certificate;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * A creator or endorser identity that its MSP has validated.
 *
 * <pre>{@code Identity id = msps.deserialize(signatureHeader.getCreator());}</pre>
 *
 * @param mspId the MSP ID
 * @param certificate the X.509 certificate
 * @param role the NodeOU role the MSP gave it (client, peer, admin, orderer)
 * @param serialized the serialized {@code SerializedIdentity} bytes
 * @param publicKey the certificate's key, ready for verification
 */
public record Identity(String mspId, X509Certificate certificate, String role, ByteString serialized,
    ECPublicKeyParameters publicKey) {
}

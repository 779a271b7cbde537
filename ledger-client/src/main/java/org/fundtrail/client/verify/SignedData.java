package org.fundtrail.client.verify;

import com.google.protobuf.ByteString;

/**
 * One signature to check, as picked from a block: who claims to have signed (a serialized
 * {@code SerializedIdentity}), the exact bytes signed, and the signature.
 *
 * @param signer what the signer is in the block ("orderer", "creator", "endorsement 1")
 * @param identity the serialized identity
 * @param data the signed bytes
 * @param signature the DER ECDSA signature
 */
record SignedData(String signer, ByteString identity, byte[] data, byte[] signature) {
}

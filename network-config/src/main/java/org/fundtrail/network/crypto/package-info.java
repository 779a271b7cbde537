/**
 * Crypto material for a Fundtrail network, generated with Bouncy Castle from a {@link
 * org.fundtrail.network.definition.NetworkDefinition} and written in Fabric's MSP folder layout (as
 * {@code cryptogen} writes it), so the same folders serve the embedded node and real Fabric
 * binaries.
 *
 * <ul>
 *   <li>{@link org.fundtrail.network.crypto.CryptoGenerator} writes the folders (idempotently)
 *       and revokes users (CRLs);</li>
 *   <li>{@link org.fundtrail.network.crypto.NetworkCrypto} is the loaded view over them: each
 *       org's {@link org.fundtrail.network.crypto.MspMaterial} (roots, CRLs, NodeOUs, identity
 *       validation), the {@link org.fundtrail.network.crypto.SigningIdentity} of every peer,
 *       orderer and user, and the {@link org.fundtrail.network.crypto.TlsMaterial} of nodes and
 *       users.</li>
 * </ul>
 *
 * <p>Keys are ECDSA P-256; signatures are SHA256withECDSA, DER-encoded, low-S as Fabric requires.
 * Users' certificates carry the Fabric CA attribute extension ({@code fundtrail.org},
 * {@code fundtrail.role}, {@code hf.EnrollmentID}, ...), which the chaincode reads with
 * {@code ClientIdentity.getAttributeValue}.
 *
 * <pre>{@code
 * NetworkCrypto crypto = CryptoGenerator.generate(NetworkDefinition.defaults(), Path.of("crypto"));
 * SigningIdentity officer = crypto.user("HealthMSP", "officer@health");
 * byte[] signature = officer.sign(proposalBytes);
 * }</pre>
 */
package org.fundtrail.network.crypto;

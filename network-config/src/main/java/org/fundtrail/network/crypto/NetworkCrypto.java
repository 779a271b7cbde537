package org.fundtrail.network.crypto;

import java.io.IOException;
import java.nio.file.Path;
import org.fundtrail.network.definition.NetworkDefinition;

/**
 * The crypto material of a network, loaded from the folder {@link CryptoGenerator} wrote: every
 * MSP's roots and CRLs, and the signing identity and TLS files of every peer, orderer and user of
 * the {@link NetworkDefinition}. Immutable once loaded; load again to see a later revocation.
 *
 * <pre>{@code
 * NetworkCrypto crypto = NetworkCrypto.load(def, Path.of("crypto"));
 * SigningIdentity peer = crypto.peer("FinanceMSP");
 * String role = crypto.msp("HealthMSP").validate(crypto.user("HealthMSP", "officer@health").certificate());
 * }</pre>
 *
 * <p>Lookups of an MSP, user or node the definition does not have throw
 * {@link IllegalArgumentException}. Besides the users of the definition, the orderer org has one
 * user, {@code Admin} (a node admin, for channel administration on a real network).
 */
public interface NetworkCrypto {

    /** The name of the orderer org's admin user, always generated. */
    String ORDERER_ADMIN = "Admin";

    /**
     * Loads the material of every org, node and user of a definition.
     *
     * @param def the network definition the folder was generated from
     * @param root the folder holding {@code peerOrganizations/} and {@code ordererOrganizations/}
     * @return the loaded material
     * @throws java.nio.file.NoSuchFileException if a file is missing (generate first)
     * @throws IOException if a file cannot be read or parsed
     */
    static NetworkCrypto load(NetworkDefinition def, Path root) throws IOException {
        return NetworkCryptoImpl.load(def, root);
    }

    /**
     * The folder the material was loaded from.
     *
     * @return the root folder
     */
    Path root();

    /**
     * The definition the material belongs to.
     *
     * @return the network definition
     */
    NetworkDefinition definition();

    /**
     * An MSP: an application org's or the orderer org's.
     *
     * @param mspId e.g. {@code HealthMSP} or {@code OrdererMSP}
     * @return its roots, TLS roots, CRLs and NodeOU setting
     * @throws IllegalArgumentException if the network has no such MSP
     */
    MspMaterial msp(String mspId);

    /**
     * The folder of an org's MSP ({@code <org>/msp}), as configtxgen's {@code MSPDir} takes it.
     *
     * @param mspId an application org's or the orderer org's MSP id
     * @return the folder
     * @throws IllegalArgumentException if the network has no such MSP
     */
    Path mspDir(String mspId);

    /**
     * The signing identity of an application org's peer ({@code peer0}).
     *
     * @param mspId the org's MSP id
     * @return the peer's identity (NodeOU {@code peer})
     * @throws IllegalArgumentException if there is no such application org
     */
    SigningIdentity peer(String mspId);

    /**
     * The signing identity of the first orderer ({@code orderer0}).
     *
     * @return the orderer's identity (NodeOU {@code orderer})
     */
    SigningIdentity orderer();

    /**
     * A user's signing identity.
     *
     * @param mspId the user's MSP id
     * @param userName the user's name, e.g. {@code officer@health}
     * @return the identity
     * @throws IllegalArgumentException if the MSP has no such user in the definition
     */
    SigningIdentity user(String mspId, String userName);

    /**
     * A user's MSP folder ({@code users/<name>@<domain>/msp}), as {@code CORE_PEER_MSPCONFIGPATH}
     * takes it.
     *
     * @param mspId the user's MSP id
     * @param userName the user's name
     * @return the folder
     * @throws IllegalArgumentException if the MSP has no such user in the definition
     */
    Path userMspDir(String mspId, String userName);

    /**
     * The TLS server files of an application org's peer.
     *
     * @param mspId the org's MSP id
     * @return {@code server.crt}, {@code server.key}, {@code ca.crt}
     * @throws IllegalArgumentException if there is no such application org
     */
    TlsMaterial peerTls(String mspId);

    /**
     * The TLS server files of the first orderer.
     *
     * @return {@code server.crt}, {@code server.key}, {@code ca.crt}
     */
    TlsMaterial ordererTls();

    /**
     * A user's TLS client files (for mutual TLS).
     *
     * @param mspId the user's MSP id
     * @param userName the user's name
     * @return {@code client.crt}, {@code client.key}, {@code ca.crt}
     * @throws IllegalArgumentException if the MSP has no such user in the definition
     */
    TlsMaterial userTls(String mspId, String userName);
}

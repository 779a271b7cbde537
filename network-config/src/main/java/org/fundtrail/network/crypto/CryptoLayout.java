package org.fundtrail.network.crypto;

import java.nio.file.Path;

/**
 * Where cryptogen puts things, for one org ({@link Org}) and one identity ({@link Node}).
 *
 * <pre>
 * root/peerOrganizations/finance.fundtrail.local/
 *   ca/ca.finance.fundtrail.local-cert.pem, ca/priv_sk
 *   tlsca/tlsca.finance.fundtrail.local-cert.pem, tlsca/priv_sk
 *   msp/cacerts, msp/tlscacerts, msp/config.yaml, msp/crls/crl.pem
 *   peers/peer0.finance.fundtrail.local/{msp,tls}
 *   users/Admin@finance.fundtrail.local/{msp,tls}
 * </pre>
 */
final class CryptoLayout {
    static final String PEER_ORGS = "peerOrganizations";
    static final String ORDERER_ORGS = "ordererOrganizations";
    static final String KEY_FILE = "priv_sk";
    static final String CONFIG_FILE = "config.yaml";
    static final String CRL_FILE = "crl.pem";

    private CryptoLayout() {
    }

    /** The folders and files of one org. */
    record Org(Path dir, String domain, boolean orderer) {
        static Org peerOrg(Path root, String domain) {
            return new Org(root.resolve(PEER_ORGS).resolve(domain), domain, false);
        }

        static Org ordererOrg(Path root, String domain) {
            return new Org(root.resolve(ORDERER_ORGS).resolve(domain), domain, true);
        }

        Path caDir() {
            return dir.resolve("ca");
        }

        String caCertName() {
            return "ca." + domain + "-cert.pem";
        }

        Path caCert() {
            return caDir().resolve(caCertName());
        }

        Path caKey() {
            return caDir().resolve(KEY_FILE);
        }

        Path tlscaDir() {
            return dir.resolve("tlsca");
        }

        String tlscaCertName() {
            return "tlsca." + domain + "-cert.pem";
        }

        Path tlscaCert() {
            return tlscaDir().resolve(tlscaCertName());
        }

        Path tlscaKey() {
            return tlscaDir().resolve(KEY_FILE);
        }

        Path mspDir() {
            return dir.resolve("msp");
        }

        Path crlDir() {
            return mspDir().resolve("crls");
        }

        Path crlFile() {
            return crlDir().resolve(CRL_FILE);
        }

        /** A peer or orderer node, by host name relative to the domain (peer0, orderer0). */
        Node node(String host) {
            String fqdn = host + "." + domain;
            return new Node(this, dir.resolve(orderer ? "orderers" : "peers").resolve(fqdn), fqdn, true);
        }

        Node user(String userName) {
            String full = userName + "@" + domain;
            return new Node(this, dir.resolve("users").resolve(full), full, false);
        }
    }

    /** The local MSP and TLS folders of a node or user; {@code name} is the folder's name. */
    record Node(Org org, Path dir, String name, boolean server) {
        Path mspDir() {
            return dir.resolve("msp");
        }

        Path signCert() {
            return mspDir().resolve("signcerts").resolve(name + "-cert.pem");
        }

        Path keystoreDir() {
            return mspDir().resolve("keystore");
        }

        Path key() {
            return keystoreDir().resolve(KEY_FILE);
        }

        Path tlsDir() {
            return dir.resolve("tls");
        }

        Path tlsCert() {
            return tlsDir().resolve(server ? "server.crt" : "client.crt");
        }

        Path tlsKey() {
            return tlsDir().resolve(server ? "server.key" : "client.key");
        }

        Path tlsCa() {
            return tlsDir().resolve("ca.crt");
        }
    }
}

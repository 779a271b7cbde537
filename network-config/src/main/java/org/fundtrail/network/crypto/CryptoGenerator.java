package org.fundtrail.network.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.fundtrail.network.crypto.Certificates.Issuer;
import org.fundtrail.network.crypto.Certificates.LeafSpec;
import org.fundtrail.network.crypto.CryptoLayout.Node;
import org.fundtrail.network.crypto.CryptoLayout.Org;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrdererOrgDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;

/**
 * Writes a network's crypto material in Fabric's MSP folder layout, as {@code cryptogen} does, with
 * Bouncy Castle: per org a CA and a TLS CA (ECDSA P-256, self-signed), the org MSP folder with
 * NodeOUs enabled, and for every orderer, peer and user a local MSP ({@code signcerts},
 * {@code keystore/priv_sk}, {@code cacerts}, {@code tlscacerts}, {@code config.yaml}) and a
 * {@code tls/} folder. Users' certificates carry the Fabric CA attribute extension with
 * {@code fundtrail.org}, {@code fundtrail.role}, {@code hf.EnrollmentID}, {@code hf.Type} and
 * {@code hf.Affiliation}.
 *
 * <pre>{@code
 * NetworkCrypto crypto = CryptoGenerator.generate(NetworkDefinition.defaults(), Path.of("crypto"));
 * CryptoGenerator.revoke(def, Path.of("crypto"), "HealthMSP", "officer@health-ph");
 * }</pre>
 *
 * <p><b>Idempotent.</b> Generating again never rewrites an existing key or certificate; what is
 * missing (a user or an org added to the definition, a file lost in a crash) is added, issued by
 * the existing CA. Each file is written whole or not at all, keys with owner-only permissions
 * ({@code rw-------}) from the moment they exist, in owner-only folders ({@code ca}, {@code tlsca},
 * {@code keystore}, {@code tls}). An existing certificate that does not belong to its CA or key is
 * an error, never silently replaced.
 */
public final class CryptoGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object REVOCATION_LOCK = new Object();

    private CryptoGenerator() {
    }

    /**
     * Generates whatever is missing of the network's crypto material, then loads it.
     *
     * @param def the network definition
     * @param root the folder to write {@code ordererOrganizations/} and {@code peerOrganizations/}
     *     into; created if missing
     * @return the loaded material
     * @throws IOException if a file cannot be written or read, or existing material is inconsistent
     *     (a certificate without its key, or not issued by its org's CA); the message names the file
     */
    public static NetworkCrypto generate(NetworkDefinition def, Path root) throws IOException {
        Files.createDirectories(root);
        OrdererOrgDefinition od = def.orderer();
        Org ordererOrg = Org.ordererOrg(root, od.domain());
        OrgCas cas = ensureOrg(ordererOrg);
        for (String orderer : od.orderers()) {
            ensureIdentity(cas, ordererOrg.node(orderer), "orderer", List.of(orderer), null);
        }
        ensureIdentity(cas, ordererOrg.user(NetworkCrypto.ORDERER_ADMIN), "admin", List.of(), null);

        for (OrgDefinition org : def.organizations()) {
            Org layout = Org.peerOrg(root, org.domain());
            OrgCas orgCas = ensureOrg(layout);
            ensureIdentity(orgCas, layout.node(OrgDefinition.PEER), "peer", List.of(OrgDefinition.PEER), null);
            for (UserDefinition u : org.users()) {
                ensureIdentity(orgCas, layout.user(u.name()), u.nodeOu(), List.of(), attributes(u));
            }
        }
        return NetworkCrypto.load(def, root);
    }

    /**
     * Revokes a user's signing certificate: adds it to the org CA's CRL ({@code msp/crls/crl.pem},
     * PEM, signed by the org CA, CRL number incremented), so {@link MspMaterial#validate} — and a
     * Fabric peer given this MSP folder — refuses it. Revoking a revoked user changes nothing.
     *
     * <p>A running embedded node must load the crypto again to see it; a running real network
     * needs the new CRL in its channel configuration (a config update of the org's MSP).
     *
     * @param def the network definition
     * @param root the crypto folder
     * @param mspId the user's MSP id (an application org, or the orderer org)
     * @param userName the user's name; a user removed from the definition but still on disk can be
     *     revoked
     * @throws IllegalArgumentException if the MSP is unknown or the user has no certificate
     * @throws IOException if the CA or CRL cannot be read, or the CRL cannot be written
     */
    public static void revoke(NetworkDefinition def, Path root, String mspId, String userName) throws IOException {
        Org org;
        if (def.orderer().mspId().equals(mspId)) {
            org = Org.ordererOrg(root, def.orderer().domain());
        } else {
            org = Org.peerOrg(root, def.org(mspId).domain());
        }
        Node user = org.user(userName);
        if (!Files.exists(user.signCert())) {
            throw new IllegalArgumentException("no certificate for user '" + userName + "' of " + mspId + " at "
                    + user.signCert());
        }
        X509Certificate cert = Pem.readCertificate(user.signCert());
        Issuer ca = new Issuer(Pem.readCertificate(org.caCert()), Pem.readPrivateKey(org.caKey()));
        synchronized (REVOCATION_LOCK) {
            X509CRL previous = Files.exists(org.crlFile()) ? Pem.readCrl(org.crlFile()) : null;
            if (previous != null && previous.isRevoked(cert)) {
                return;
            }
            X509CRL crl = Certificates.crl(ca, previous, List.of(cert.getSerialNumber()));
            Pem.replace(org.crlFile(), Pem.crl(crl));
        }
    }

    /** The CAs of one org. */
    private record OrgCas(Org org, Issuer ca, Issuer tlsCa) {
    }

    private static OrgCas ensureOrg(Org org) throws IOException {
        Pem.createDirectory(org.caDir(), true);
        Pem.createDirectory(org.tlscaDir(), true);
        Issuer ca = ensureCa(org.caKey(), org.caCert(), "ca." + org.domain(), org.domain());
        Issuer tlsCa = ensureCa(org.tlscaKey(), org.tlscaCert(), "tlsca." + org.domain(), org.domain());
        OrgCas cas = new OrgCas(org, ca, tlsCa);
        ensureMspFolder(cas, org.mspDir());
        return cas;
    }

    private static void ensureMspFolder(OrgCas cas, Path mspDir) throws IOException {
        ensureCopy(mspDir.resolve("cacerts").resolve(cas.org().caCertName()), cas.ca().certificate());
        ensureCopy(mspDir.resolve("tlscacerts").resolve(cas.org().tlscaCertName()), cas.tlsCa().certificate());
        Pem.writeNew(mspDir.resolve(CryptoLayout.CONFIG_FILE), nodeOuConfig(cas.org().caCertName()), false);
    }

    private static Issuer ensureCa(Path keyFile, Path certFile, String commonName, String organization)
            throws IOException {
        PrivateKey key = ensureKey(keyFile, certFile);
        X509Certificate cert;
        if (Files.exists(certFile)) {
            cert = Pem.readCertificate(certFile);
            checkKeyMatches(certFile, cert, key, keyFile);
        } else {
            cert = Certificates.selfSignedCa(Certificates.caName(commonName, organization), publicKeyOf(key), key);
            Pem.writeNew(certFile, Pem.certificate(cert), false);
            cert = Pem.readCertificate(certFile); // what is on disk, should another process have won
            checkKeyMatches(certFile, cert, key, keyFile);
        }
        return new Issuer(cert, key);
    }

    /**
     * The local MSP and TLS folders of a node or user.
     *
     * @param hosts short host names for TLS server SANs (beside the FQDN and localhost); empty for
     *     a user, whose TLS certificate is a client certificate
     */
    private static void ensureIdentity(OrgCas cas, Node node, String nodeOu, List<String> hosts, byte[] attrs)
            throws IOException {
        Pem.createDirectory(node.keystoreDir(), true);
        Pem.createDirectory(node.tlsDir(), true);
        ensureMspFolder(cas, node.mspDir());
        String commonName = node.server() ? node.name() : node.name().substring(0, node.name().lastIndexOf('@'));
        ensureLeaf(cas.ca(), node.key(), node.signCert(),
                new LeafSpec(Certificates.leafName(commonName, cas.org().domain(), nodeOu), false, List.of(), false, attrs));

        List<String> dns = new java.util.ArrayList<>();
        if (node.server()) {
            dns.add(node.name());
            dns.addAll(hosts);
            dns.add("localhost");
        }
        ensureLeaf(cas.tlsCa(), node.tlsKey(), node.tlsCert(),
                new LeafSpec(Certificates.leafName(commonName, cas.org().domain(), null), true, dns, node.server(), null));
        ensureCopy(node.tlsCa(), cas.tlsCa().certificate());
    }

    private static void ensureLeaf(Issuer ca, Path keyFile, Path certFile, LeafSpec spec) throws IOException {
        PrivateKey key = ensureKey(keyFile, certFile);
        if (!Files.exists(certFile)) {
            X509Certificate cert = Certificates.issue(ca, spec, publicKeyOf(key));
            Pem.writeNew(certFile, Pem.certificate(cert), false);
        }
        X509Certificate cert = Pem.readCertificate(certFile);
        checkKeyMatches(certFile, cert, key, keyFile);
        try {
            cert.verify(ca.certificate().getPublicKey(), Bc.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IOException(certFile + ": not issued by the org's CA " + ca.certificate().getSubjectX500Principal()
                    + "; delete it (and its key) to issue a new one", e);
        }
    }

    /** An existing key, or a new one; a certificate whose key is lost is an error. */
    private static PrivateKey ensureKey(Path keyFile, Path certFile) throws IOException {
        if (Files.exists(keyFile)) {
            return Pem.readPrivateKey(keyFile);
        }
        if (Files.exists(certFile)) {
            throw new IOException(certFile + " exists but its key " + keyFile + " does not; restore the key, or delete"
                    + " the certificate to issue a new one");
        }
        KeyPair pair = Certificates.newKeyPair();
        Pem.writeNew(keyFile, Pem.privateKey(pair.getPrivate()), true);
        return Pem.readPrivateKey(keyFile); // what is on disk, should another process have won
    }

    private static void checkKeyMatches(Path certFile, X509Certificate cert, PrivateKey key, Path keyFile)
            throws IOException {
        if (!(cert.getPublicKey() instanceof ECPublicKey pub)
                || !pub.getW().equals(((ECPublicKey) publicKeyOf(key)).getW())) {
            throw new IOException(certFile + " does not belong to the key " + keyFile);
        }
    }

    /** A copy of a CA certificate (msp/cacerts, tls/ca.crt): written if missing, else must match. */
    private static void ensureCopy(Path file, X509Certificate cert) throws IOException {
        if (!Pem.writeNew(file, Pem.certificate(cert), false)) {
            try {
                if (!Arrays.equals(Pem.readCertificate(file).getEncoded(), cert.getEncoded())) {
                    throw new IOException(file + " is not the CA certificate " + cert.getSubjectX500Principal()
                            + "; delete it to write the current one");
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    private static PublicKey publicKeyOf(PrivateKey key) throws IOException {
        try {
            ECPrivateKey bc = (ECPrivateKey) key; // keys are generated and read with the Bouncy Castle provider
            ECPublicKeySpec spec = new ECPublicKeySpec(bc.getParameters().getG().multiply(bc.getD()).normalize(),
                    bc.getParameters());
            return KeyFactory.getInstance("EC", Bc.PROVIDER).generatePublic(spec);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("not a Bouncy Castle EC private key: " + e.getMessage(), e);
        }
    }

    /** The Fabric CA attribute extension value: {@code {"attrs":{...}}}, keys sorted, UTF-8. */
    static byte[] attributes(UserDefinition u) {
        Map<String, String> attrs = new TreeMap<>();
        attrs.put("fundtrail.org", u.fundtrailOrg());
        attrs.put("fundtrail.role", u.role());
        attrs.put("hf.Affiliation", "");
        attrs.put("hf.EnrollmentID", u.name());
        attrs.put("hf.Type", u.nodeOu());
        try {
            return JSON.writeValueAsBytes(Map.of("attrs", attrs));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nodeOuConfig(String caCertName) {
        StringBuilder sb = new StringBuilder("NodeOUs:\n  Enable: true\n");
        for (String[] ou : new String[][] {{"Client", "client"}, {"Peer", "peer"}, {"Admin", "admin"},
                {"Orderer", "orderer"}}) {
            sb.append("  ").append(ou[0]).append("OUIdentifier:\n")
                    .append("    Certificate: cacerts/").append(caCertName).append('\n')
                    .append("    OrganizationalUnitIdentifier: ").append(ou[1]).append('\n');
        }
        return sb.toString();
    }
}

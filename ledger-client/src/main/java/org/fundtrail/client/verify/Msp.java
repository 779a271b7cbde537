package org.fundtrail.client.verify;

import com.google.protobuf.ByteString;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;

/**
 * One organisation's MSP as the channel configuration defines it ({@code FabricMSPConfig}): root and
 * intermediate CA certificates, revocation lists, and NodeOUs. It judges whether a certificate is a
 * valid identity of the org and which role (NodeOU) it has.
 *
 * <pre>{@code
 * Msp finance = ChannelConfig.fromConfigBlock(block0).applicationMsps().get("FinanceMSP");
 * List<X509Certificate> roots = finance.rootCertificates();
 * }</pre>
 */
public final class Msp {
    static final Provider BC = new BouncyCastleProvider();
    private static final int MAX_CHAIN = 8;

    private final String mspId;
    private final List<X509Certificate> roots;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    /** role (client, peer, admin, orderer) → OU identifier; empty when NodeOUs are off. */
    private final Map<String, OuIdentifier> nodeOus;

    private record OuIdentifier(String ou, X509Certificate certificate) {
    }

    private Msp(String mspId, List<X509Certificate> roots, List<X509Certificate> intermediates, List<X509CRL> crls,
            Map<String, OuIdentifier> nodeOus) {
        this.mspId = mspId;
        this.roots = List.copyOf(roots);
        this.intermediates = List.copyOf(intermediates);
        this.crls = List.copyOf(crls);
        this.nodeOus = Map.copyOf(nodeOus);
    }

    /**
     * Reads an MSP from its channel-configuration form.
     *
     * @param config the {@code FabricMSPConfig} of an org's {@code MSP} config value
     * @return the MSP
     * @throws IllegalArgumentException when a certificate or CRL cannot be decoded, or there is no root
     */
    public static Msp fromConfig(FabricMSPConfig config) {
        Objects.requireNonNull(config, "config");
        List<X509Certificate> roots = certificates(config.getRootCertsList());
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("MSP " + config.getName() + " has no root certificate");
        }
        List<X509Certificate> intermediates = certificates(config.getIntermediateCertsList());
        List<X509CRL> crls = new ArrayList<>();
        for (ByteString pem : config.getRevocationListList()) {
            try {
                crls.add((X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(pem.toByteArray())));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("MSP " + config.getName() + ": unreadable CRL", e);
            }
        }
        Map<String, OuIdentifier> ous = new LinkedHashMap<>();
        FabricNodeOUs n = config.getFabricNodeOus();
        if (n.getEnable()) {
            putOu(ous, "client", n.getClientOuIdentifier());
            putOu(ous, "peer", n.getPeerOuIdentifier());
            putOu(ous, "admin", n.getAdminOuIdentifier());
            putOu(ous, "orderer", n.getOrdererOuIdentifier());
        }
        return new Msp(config.getName(), roots, intermediates, crls, ous);
    }

    private static void putOu(Map<String, OuIdentifier> ous, String role, FabricOUIdentifier id) {
        if (id.getOrganizationalUnitIdentifier().isEmpty()) {
            return;
        }
        X509Certificate cert = id.getCertificate().isEmpty() ? null : certificates(List.of(id.getCertificate())).get(0);
        ous.put(role, new OuIdentifier(id.getOrganizationalUnitIdentifier(), cert));
    }

    private static List<X509Certificate> certificates(Collection<ByteString> pems) {
        List<X509Certificate> out = new ArrayList<>();
        for (ByteString pem : pems) {
            try {
                out.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.toByteArray())));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("unreadable certificate in MSP configuration", e);
            }
        }
        return out;
    }

    /** @return the MSP ID */
    public String mspId() {
        return mspId;
    }

    /** @return the root CA certificates */
    public List<X509Certificate> rootCertificates() {
        return roots;
    }

    /** @return the intermediate CA certificates */
    public List<X509Certificate> intermediateCertificates() {
        return intermediates;
    }

    /** @return the certificate revocation lists */
    public List<X509CRL> revocationLists() {
        return crls;
    }

    /** @return whether NodeOUs classify identities (client, peer, admin, orderer) */
    public boolean nodeOusEnabled() {
        return !nodeOus.isEmpty();
    }

    @Override
    public String toString() {
        return "Msp[" + mspId + ", " + roots.size() + " root(s), " + crls.size() + " CRL(s), NodeOUs "
                + (nodeOusEnabled() ? "on" : "off") + "]";
    }

    /**
     * A certificate this MSP accepts, apart from time: its role and its chain (identity first, root last).
     *
     * @param role the NodeOU role, or {@code member} when NodeOUs are off
     * @param chain the certificates from the identity to its root
     * @param validFrom when every certificate of the chain is valid from
     * @param validTo when the first certificate of the chain expires
     */
    record Accepted(String role, List<X509Certificate> chain, Instant validFrom, Instant validTo) {
        Accepted(String role, List<X509Certificate> chain) {
            this(role, chain, chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow(),
                    chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow());
        }

        /** @return null when every certificate of the chain is valid at that instant, else why not */
        String invalidAt(Instant when) {
            if (!when.isBefore(validFrom) && !when.isAfter(validTo)) {
                return null;
            }
            return "certificate " + chain.get(0).getSubjectX500Principal().getName() + " (with its chain) is valid from "
                    + validFrom + " to " + validTo + ", not at " + when;
        }
    }

    /**
     * Validates a certificate as a Fabric MSP does, time apart: not a CA, chains to a root of this MSP
     * through its intermediates, not revoked by a CRL its issuer signed, and (NodeOUs on) exactly one NodeOU.
     *
     * @throws GeneralSecurityException with the reason when the MSP does not accept it
     */
    Accepted accept(X509Certificate cert) throws GeneralSecurityException {
        if (cert.getBasicConstraints() >= 0) {
            throw new GeneralSecurityException("a CA certificate is not a valid identity");
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(cert);
        X509Certificate current = cert;
        while (!roots.contains(current)) {
            X509Certificate issuer = issuerOf(current);
            if (issuer == null || chain.size() > MAX_CHAIN) {
                throw new GeneralSecurityException("not issued by a CA of " + mspId + " (issuer "
                        + current.getIssuerX500Principal().getName() + ")");
            }
            chain.add(issuer);
            current = issuer;
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate c = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            for (X509CRL crl : crls) {
                if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal()) && crl.isRevoked(c)
                        && signedBy(crl, issuer)) {
                    throw new GeneralSecurityException("certificate " + c.getSerialNumber().toString(16)
                            + " is revoked by " + issuer.getSubjectX500Principal().getName());
                }
            }
        }
        return new Accepted(role(cert, chain), List.copyOf(chain));
    }

    private X509Certificate issuerOf(X509Certificate cert) {
        for (List<X509Certificate> pool : List.of(intermediates, roots)) {
            for (X509Certificate ca : pool) {
                if (ca.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                    try {
                        cert.verify(ca.getPublicKey(), BC);
                        return ca;
                    } catch (GeneralSecurityException e) {
                        // same name, another key: try the next CA
                    }
                }
            }
        }
        return null;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey(), BC);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private String role(X509Certificate cert, List<X509Certificate> chain) throws GeneralSecurityException {
        if (nodeOus.isEmpty()) {
            return "member";
        }
        List<String> ous = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.OU)) {
            ous.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        List<String> roles = new ArrayList<>();
        for (Map.Entry<String, OuIdentifier> e : nodeOus.entrySet()) {
            OuIdentifier id = e.getValue();
            if (ous.contains(id.ou()) && (id.certificate() == null || chain.contains(id.certificate()))) {
                roles.add(e.getKey());
            }
        }
        if (roles.size() != 1) {
            throw new GeneralSecurityException("the identity must carry exactly one NodeOU of " + nodeOus.keySet()
                    + ", found " + roles);
        }
        return roles.get(0);
    }
}

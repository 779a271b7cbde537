package org.fundtrail.network.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SignatureException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * What an MSP needs to judge identities: its root CAs, TLS root CAs, revocation lists and whether
 * NodeOUs classify identities — the contents of an org's {@code msp/} folder.
 *
 * <pre>{@code
 * MspMaterial health = crypto.msp("HealthMSP");
 * String role = health.validate(certificate);   // "client", "peer", "admin" or "orderer"
 * }</pre>
 *
 * @param mspId the MSP id
 * @param rootCerts the root CA certificates ({@code msp/cacerts})
 * @param tlsRootCerts the TLS root CA certificates ({@code msp/tlscacerts})
 * @param crls the revocation lists ({@code msp/crls}); only those signed by a root count
 * @param nodeOusEnabled whether {@code msp/config.yaml} enables NodeOUs
 */
public record MspMaterial(String mspId, List<X509Certificate> rootCerts, List<X509Certificate> tlsRootCerts,
        List<X509CRL> crls, boolean nodeOusEnabled) {

    /** The NodeOU roles, as the OU values Fabric's {@code config.yaml} names. */
    public static final Set<String> NODE_OUS = Set.of("client", "peer", "admin", "orderer");

    /**
     * Checks presence and copies the lists.
     *
     * @throws NullPointerException if a component or an element is null
     */
    public MspMaterial {
        Objects.requireNonNull(mspId, "mspId");
        rootCerts = List.copyOf(rootCerts);
        tlsRootCerts = List.copyOf(tlsRootCerts);
        crls = List.copyOf(crls);
    }

    /**
     * Validates an identity as a Fabric MSP would: it is not a CA, it is signed by one of the root
     * CAs, it is within its validity period now, no CRL of that root lists it, and (NodeOUs on) it
     * carries exactly one NodeOU. Costs one or two signature verifications; cache the outcome per
     * certificate on a hot path.
     *
     * @param cert the identity's certificate (a signing certificate, not TLS)
     * @return its NodeOU role: {@code client}, {@code peer}, {@code admin} or {@code orderer};
     *     {@code member} when NodeOUs are off
     * @throws java.security.cert.CertificateExpiredException if it has expired
     * @throws java.security.cert.CertificateNotYetValidException if it is not valid yet
     * @throws CertificateException if it does not chain to a root of this MSP, is revoked, is a CA,
     *     or has no single NodeOU; the message says which
     * @throws GeneralSecurityException if a signature cannot be checked at all
     */
    public String validate(X509Certificate cert) throws GeneralSecurityException {
        Objects.requireNonNull(cert, "cert");
        if (cert.getBasicConstraints() >= 0) {
            throw new CertificateException(mspId + ": a CA certificate is not a valid identity");
        }
        X509Certificate root = issuingRoot(cert);
        if (root == null) {
            throw new CertificateException(mspId + ": could not validate identity against certification chain:"
                    + " not issued by a root CA of the MSP (issuer " + cert.getIssuerX500Principal().getName() + ")");
        }
        cert.checkValidity();
        for (X509CRL crl : crls) {
            if (crl.getIssuerX500Principal().equals(root.getSubjectX500Principal()) && crl.isRevoked(cert)
                    && signedBy(crl, root)) {
                throw new CertificateException(mspId + ": could not validate identity against certification chain:"
                        + " the certificate has been revoked (serial " + cert.getSerialNumber().toString(16) + ")");
            }
        }
        if (!nodeOusEnabled) {
            return "member";
        }
        List<String> roles = new ArrayList<>();
        for (RDN rdn : X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.OU)) {
            String ou = IETFUtils.valueToString(rdn.getFirst().getValue());
            if (NODE_OUS.contains(ou)) {
                roles.add(ou);
            }
        }
        if (roles.size() != 1) {
            throw new CertificateException(mspId + ": the identity must carry exactly one NodeOU of " + NODE_OUS
                    + ", found " + roles);
        }
        return roles.get(0);
    }

    private X509Certificate issuingRoot(X509Certificate cert) throws GeneralSecurityException {
        for (X509Certificate root : rootCerts) {
            if (root.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(root.getPublicKey(), Bc.PROVIDER);
                    return root;
                } catch (SignatureException | InvalidKeyException e) {
                    // same name, another key: try the next root
                }
            }
        }
        return null;
    }

    private static boolean signedBy(X509CRL crl, X509Certificate root) throws GeneralSecurityException {
        try {
            crl.verify(root.getPublicKey(), Bc.PROVIDER);
            return true;
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        }
    }
}

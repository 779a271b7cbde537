package org.fundtrail.network.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Issues the certificates of a Fabric org as cryptogen and Fabric CA do: self-signed CAs, and
 * NodeOU-classified signing and TLS leaves, all ECDSA P-256 / SHA256withECDSA (low-S).
 */
final class Certificates {
    /** Fabric CA's attribute extension; its value octets are the UTF-8 JSON {@code {"attrs":{...}}}. */
    static final ASN1ObjectIdentifier FABRIC_ATTRS_OID = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    /** How long a CA and a leaf certificate are valid (cryptogen: 10 years). */
    static final Duration VALIDITY = Duration.ofDays(3650);
    /** Back-dating of notBefore, for clocks slightly behind (cryptogen: 5 minutes). */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private Certificates() {
    }

    /** A CA: its certificate and the key that signs with it. */
    record Issuer(X509Certificate certificate, PrivateKey key) {
    }

    /** What a leaf certificate says. */
    record LeafSpec(X500Name subject, boolean tls, List<String> dnsNames, boolean localhostIp, byte[] attributesJson) {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            g.initialize(new ECGenParameterSpec("secp256r1"), Bc.RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is unavailable", e);
        }
    }

    static X500Name caName(String commonName, String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organization).addRDN(BCStyle.CN, commonName).build();
    }

    static X500Name leafName(String commonName, String organization, String nodeOu) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organization);
        if (nodeOu != null) {
            b.addRDN(BCStyle.OU, nodeOu);
        }
        return b.addRDN(BCStyle.CN, commonName).build();
    }

    /** A self-signed CA certificate over an existing or new key. */
    static X509Certificate selfSignedCa(X500Name name, PublicKey publicKey, PrivateKey privateKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        byte[] ski = subjectKeyId(publicKey);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(BACKDATE)),
                Date.from(now.plus(VALIDITY)), name, publicKey);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    | KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
            b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(ski));
            b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(ski));
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return convert(b, privateKey);
    }

    /** A leaf certificate for a key, issued by a CA; it expires no later than the CA. */
    static X509Certificate issue(Issuer ca, LeafSpec spec, PublicKey publicKey) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = now.plus(VALIDITY);
        Instant caNotAfter = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                Date.from(now.minus(BACKDATE)), Date.from(notAfter), spec.subject(), publicKey);
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.tls()
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
            if (spec.tls()) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            }
            b.addExtension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(subjectKeyId(publicKey)));
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(subjectKeyId(ca.certificate().getPublicKey())));
            List<GeneralName> sans = new ArrayList<>();
            spec.dnsNames().forEach(d -> sans.add(new GeneralName(GeneralName.dNSName, d)));
            if (spec.localhostIp()) {
                sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            }
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            if (spec.attributesJson() != null) {
                // As Fabric CA: the extension value octets are the JSON itself, not a DER structure.
                b.addExtension(FABRIC_ATTRS_OID, false, spec.attributesJson());
            }
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        }
        return convert(b, ca.key());
    }

    /**
     * A CRL of a CA listing the given serial numbers (and those of the previous CRL), numbered one
     * above it.
     */
    static X509CRL crl(Issuer ca, X509CRL previous, Collection<BigInteger> newlyRevoked) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now));
        // Fabric does not check nextUpdate; it is set to the CA's expiry so a stricter reader still
        // honours the list for the CA's whole life.
        b.setNextUpdate(ca.certificate().getNotAfter());
        BigInteger number = BigInteger.ONE;
        try {
            if (previous != null) {
                X509CRLHolder holder = new JcaX509CRLHolder(previous);
                b.addCRL(holder);
                Extension prev = holder.getExtension(Extension.cRLNumber);
                if (prev != null) {
                    number = CRLNumber.getInstance(prev.getParsedValue()).getCRLNumber().add(BigInteger.ONE);
                }
            }
            for (BigInteger serial : newlyRevoked) {
                b.addCRLEntry(serial, Date.from(now), CRLReason.unspecified);
            }
            b.addExtension(Extension.authorityKeyIdentifier, false,
                    new AuthorityKeyIdentifier(subjectKeyId(ca.certificate().getPublicKey())));
            b.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            return new JcaX509CRLConverter().getCRL(b.build(Ecdsa.contentSigner(ca.key())));
        } catch (CertIOException | java.security.cert.CRLException e) {
            throw new IllegalStateException("cannot build a CRL", e);
        }
    }

    /** As cryptogen: SHA-256 of the uncompressed public point. */
    static byte[] subjectKeyId(PublicKey key) {
        byte[] point = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
        return Sha256.of(point);
    }

    private static BigInteger serial() {
        BigInteger s;
        do {
            s = new BigInteger(159, Bc.RANDOM); // positive, fits the 20 octets RFC 5280 allows
        } while (s.signum() == 0);
        return s;
    }

    private static X509Certificate convert(X509v3CertificateBuilder b, PrivateKey signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(Ecdsa.contentSigner(signer)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
    }
}

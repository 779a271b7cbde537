package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Real X.509 identities for contract tests, issued as a Fabric CA issues them: an ECDSA P-256 key, a certificate
 * signed (SHA256withECDSA) by a per-MSP CA, and the requested attributes in the Fabric CA attribute extension
 * (OID {@value #ATTRIBUTE_EXTENSION_OID}, non-critical, value = the UTF-8 JSON {@code {"attrs":{...}}} with sorted
 * keys), which {@code ClientIdentity#getAttributeValue} reads.
 *
 * <pre>{@code
 * TestIdentity officer = TestIdentities.officer("FinanceMSP", "ministry-of-health");
 * MemoryStub stub = ledger.newTransaction("tx1", Instant.EPOCH, officer.serialized(), "spending:Transfer", params);
 * }</pre>
 *
 * <p>Each MSP's CA is created once, on first use, and shared by the whole JVM (thread-safe). Keys are generated
 * with Bouncy Castle, which is several times faster than SunEC; the provider is not registered globally.
 */
public final class TestIdentities {

    /** The OID under which Fabric CA stores attributes in a certificate. */
    public static final String ATTRIBUTE_EXTENSION_OID = "1.2.3.4.5.6.7.8.1";

    /** The attribute naming the organisation (ministry, agency) an identity acts for. */
    public static final String ORG_ATTRIBUTE = "fundtrail.org";

    /** The attribute naming an identity's role: officer, admin or auditor. */
    public static final String ROLE_ATTRIBUTE = "fundtrail.role";

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Date NOT_BEFORE = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    private static final Date NOT_AFTER = Date.from(Instant.parse("2100-01-01T00:00:00Z"));

    private static final Map<String, Authority> AUTHORITIES = new ConcurrentHashMap<>();
    private static final Map<String, Authority> FOREIGN_AUTHORITIES = new ConcurrentHashMap<>();

    private TestIdentities() {}

    /**
     * Issues an identity from the MSP's own CA.
     *
     * @param mspId the MSP, e.g. {@code "FinanceMSP"}
     * @param commonName the certificate subject's CN
     * @param attrs certificate attributes; when empty the certificate has no attribute extension
     * @return a new key and certificate
     */
    public static TestIdentity issue(final String mspId, final String commonName, final Map<String, String> attrs) {
        return authority(mspId).issue(mspId, commonName, attrs);
    }

    /**
     * Issues an identity claiming {@code mspId} but signed by a CA that MSP does not know. That CA has the same
     * subject name as the genuine one, so only a signature check tells them apart.
     *
     * @param mspId the MSP the identity claims
     * @param commonName the certificate subject's CN
     * @param attrs certificate attributes; when empty the certificate has no attribute extension
     * @return a new key and certificate
     */
    public static TestIdentity issueWithForeignCa(
            final String mspId, final String commonName, final Map<String, String> attrs) {
        Objects.requireNonNull(mspId, "mspId");
        return FOREIGN_AUTHORITIES.computeIfAbsent(mspId, Authority::create).issue(mspId, commonName, attrs);
    }

    /**
     * The MSP's CA certificate: the root a verifier of this MSP's identities trusts.
     *
     * @param mspId the MSP
     * @return the self-signed CA certificate
     */
    public static X509Certificate caCertificate(final String mspId) {
        return authority(mspId).certificate();
    }

    /**
     * An officer of an organisation: attributes {@value #ORG_ATTRIBUTE}={@code orgId},
     * {@value #ROLE_ATTRIBUTE}={@code officer}.
     *
     * @param mspId the MSP
     * @param orgId the organisation the officer acts for
     * @return a new identity with CN {@code officer.<orgId>}
     */
    public static TestIdentity officer(final String mspId, final String orgId) {
        return withRole(mspId, orgId, "officer");
    }

    /**
     * An administrator: like {@link #officer} with role {@code admin}.
     *
     * @param mspId the MSP
     * @param orgId the organisation the administrator acts for
     * @return a new identity with CN {@code admin.<orgId>}
     */
    public static TestIdentity admin(final String mspId, final String orgId) {
        return withRole(mspId, orgId, "admin");
    }

    /**
     * An auditor: like {@link #officer} with role {@code auditor}.
     *
     * @param mspId the MSP
     * @param orgId the organisation the auditor belongs to
     * @return a new identity with CN {@code auditor.<orgId>}
     */
    public static TestIdentity auditor(final String mspId, final String orgId) {
        return withRole(mspId, orgId, "auditor");
    }

    private static TestIdentity withRole(final String mspId, final String orgId, final String role) {
        return issue(mspId, role + "." + orgId, Map.of(ORG_ATTRIBUTE, orgId, ROLE_ATTRIBUTE, role));
    }

    private static Authority authority(final String mspId) {
        Objects.requireNonNull(mspId, "mspId");
        return AUTHORITIES.computeIfAbsent(mspId, Authority::create);
    }

    /**
     * The attribute extension's value as Fabric CA writes it: Go's {@code json.Marshal} of
     * {@code {"attrs": map}}, so keys in byte order, no spaces, and {@code <}, {@code >}, {@code &}, U+2028,
     * U+2029 escaped as Go escapes them.
     */
    static byte[] attributeExtensionValue(final Map<String, String> attrs) {
        final SortedMap<String, String> sorted = new TreeMap<>(MemoryLedger.KEY_ORDER);
        sorted.putAll(attrs);
        final StringBuilder json = new StringBuilder("{\"attrs\":{");
        String separator = "";
        for (final Map.Entry<String, String> attr : sorted.entrySet()) {
            json.append(separator);
            appendJsonString(json, attr.getKey());
            json.append(':');
            appendJsonString(json, attr.getValue());
            separator = ",";
        }
        return json.append("}}").toString().getBytes(UTF_8);
    }

    private static void appendJsonString(final StringBuilder json, final String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"':
                    json.append("\\\"");
                    break;
                case '\\':
                    json.append("\\\\");
                    break;
                case '\n':
                    json.append("\\n");
                    break;
                case '\r':
                    json.append("\\r");
                    break;
                case '\t':
                    json.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
            }
        }
        json.append('"');
    }

    /**
     * An identity as a client holds it.
     *
     * @param mspId the MSP the identity belongs to
     * @param certificate the enrollment certificate
     * @param privateKey the certificate's ECDSA P-256 private key
     */
    public record TestIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {

        /** Checks that no component is null. */
        public TestIdentity {
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }

        /**
         * The certificate in PEM, with {@code \n} line ends, as Fabric CA writes it.
         *
         * @return the PEM text
         */
        public String pem() {
            try {
                final String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(certificate.getEncoded());
                return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
            } catch (final GeneralSecurityException e) {
                throw new IllegalStateException("cannot encode certificate", e);
            }
        }

        /**
         * The serialized {@code msp.SerializedIdentity} (MSP ID and PEM), as {@code ChaincodeStub#getCreator()}
         * returns it on a peer.
         *
         * @return the protobuf bytes
         */
        public byte[] serialized() {
            return SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(ByteString.copyFromUtf8(pem()))
                    .build()
                    .toByteArray();
        }

        /**
         * The ID {@code ClientIdentity#getId()} reports for this identity.
         *
         * @return {@code x509::<subject DN>::<issuer DN>}
         */
        public String clientId() {
            return "x509::" + certificate.getSubjectX500Principal() + "::" + certificate.getIssuerX500Principal();
        }
    }

    /** A certificate authority: its name, key pair and self-signed certificate. */
    private record Authority(X500Name name, KeyPair keys, X509Certificate certificate) {

        static Authority create(final String mspId) {
            final X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, mspId)
                    .addRDN(BCStyle.CN, "ca." + mspId)
                    .build();
            final KeyPair keys = newKeyPair();
            try {
                final JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                final X509v3CertificateBuilder builder = newBuilder(name, name, keys.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                        .addExtension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
                        .addExtension(
                                Extension.subjectKeyIdentifier,
                                false,
                                extensions.createSubjectKeyIdentifier(keys.getPublic()));
                return new Authority(name, keys, sign(builder, keys.getPrivate()));
            } catch (final GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot create CA for " + mspId, e);
            }
        }

        TestIdentity issue(final String mspId, final String commonName, final Map<String, String> attrs) {
            Objects.requireNonNull(commonName, "commonName");
            Objects.requireNonNull(attrs, "attrs");
            final X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, mspId)
                    .addRDN(BCStyle.OU, "client")
                    .addRDN(BCStyle.CN, commonName)
                    .build();
            final KeyPair subjectKeys = newKeyPair();
            try {
                final JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                final X509v3CertificateBuilder builder = newBuilder(name, subject, subjectKeys.getPublic())
                        .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(
                                Extension.subjectKeyIdentifier,
                                false,
                                extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()))
                        .addExtension(
                                Extension.authorityKeyIdentifier,
                                false,
                                extensions.createAuthorityKeyIdentifier(certificate));
                if (!attrs.isEmpty()) {
                    // The octets of the extension value are the JSON itself, not a DER-wrapped string.
                    builder.addExtension(new Extension(
                            new ASN1ObjectIdentifier(ATTRIBUTE_EXTENSION_OID), false, attributeExtensionValue(attrs)));
                }
                return new TestIdentity(mspId, sign(builder, keys.getPrivate()), subjectKeys.getPrivate());
            } catch (final GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("cannot issue certificate for " + commonName, e);
            }
        }

        private static X509v3CertificateBuilder newBuilder(
                final X500Name issuer, final X500Name subject, final PublicKey publicKey) {
            final BigInteger serial = new BigInteger(159, RANDOM).add(BigInteger.ONE);
            return new JcaX509v3CertificateBuilder(issuer, serial, NOT_BEFORE, NOT_AFTER, subject, publicKey);
        }

        private static X509Certificate sign(final X509v3CertificateBuilder builder, final PrivateKey signer)
                throws GeneralSecurityException {
            try {
                final ContentSigner contentSigner =
                        new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BOUNCY_CASTLE).build(signer);
                return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
            } catch (final OperatorCreationException e) {
                throw new GeneralSecurityException("cannot sign certificate", e);
            }
        }

        private static KeyPair newKeyPair() {
            try {
                final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                return generator.generateKeyPair();
            } catch (final GeneralSecurityException e) {
                throw new IllegalStateException("cannot generate an ECDSA P-256 key", e);
            }
        }
    }
}

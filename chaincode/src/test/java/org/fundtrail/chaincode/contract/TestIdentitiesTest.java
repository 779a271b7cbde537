package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.Test;

class TestIdentitiesTest {

    private static ClientIdentity clientIdentityOf(final TestIdentity identity) {
        final MemoryStub stub = new MemoryLedger()
                .newTransaction("tx", Instant.EPOCH, identity.serialized(), "probe:WhoAmI", List.of());
        return new Context(stub).getClientIdentity();
    }

    @Test
    void shim_client_identity_reads_msp_id_and_attributes() {
        final TestIdentity officer = TestIdentities.officer("HealthMSP", "ministry-of-health");

        final ClientIdentity identity = clientIdentityOf(officer);

        assertThat(identity.getMSPID()).isEqualTo("HealthMSP");
        assertThat(identity.getAttributeValue("fundtrail.org")).isEqualTo("ministry-of-health");
        assertThat(identity.getAttributeValue("fundtrail.role")).isEqualTo("officer");
        assertThat(identity.assertAttributeValue("fundtrail.role", "admin")).isFalse();
        assertThat(identity.getAttributeValue("hf.EnrollmentID")).isNull();
        assertThat(identity.getX509Certificate()).isEqualTo(officer.certificate());
    }

    @Test
    void client_id_matches_the_shims() {
        final TestIdentity auditor = TestIdentities.auditor("AuditMSP", "court-of-audit");

        assertThat(clientIdentityOf(auditor).getId())
                .isEqualTo(auditor.clientId())
                .isEqualTo("x509::CN=auditor.court-of-audit, OU=client, O=AuditMSP::CN=ca.AuditMSP, O=AuditMSP");
    }

    @Test
    void role_helpers_set_org_and_role() {
        assertThat(clientIdentityOf(TestIdentities.admin("FinanceMSP", "treasury")).getAttributeValue("fundtrail.role"))
                .isEqualTo("admin");
        assertThat(clientIdentityOf(TestIdentities.auditor("FinanceMSP", "treasury")).getAttributeValue("fundtrail.org"))
                .isEqualTo("treasury");
    }

    @Test
    void attribute_extension_is_non_critical_and_holds_fabric_ca_json_as_raw_octets() throws Exception {
        final TestIdentity identity = TestIdentities.issue("FinanceMSP", "bob", Map.of("b", "2", "a", "<1&>"));

        final X509Certificate cert = identity.certificate();
        final byte[] octets = ASN1OctetString.getInstance(cert.getExtensionValue("1.2.3.4.5.6.7.8.1")).getOctets();

        assertThat(cert.getNonCriticalExtensionOIDs()).contains("1.2.3.4.5.6.7.8.1");
        assertThat(new String(octets, UTF_8)).isEqualTo("{\"attrs\":{\"a\":\"\\u003c1\\u0026\\u003e\",\"b\":\"2\"}}");
    }

    @Test
    void attribute_json_sorts_keys_by_utf8_bytes_and_escapes_like_go() {
        final byte[] json = TestIdentities.attributeExtensionValue(
                Map.of("\uFF21", "x", "\uD83D\uDE00", "y", "q", "say \"hi\"\\\n\u0001"));

        assertThat(new String(json, UTF_8))
                .isEqualTo("{\"attrs\":{\"q\":\"say \\\"hi\\\"\\\\\\n\\u0001\",\"\uFF21\":\"x\",\"\uD83D\uDE00\":\"y\"}}");
    }

    @Test
    void certificate_without_attributes_has_no_attribute_extension() {
        final TestIdentity identity = TestIdentities.issue("FinanceMSP", "carol", Map.of());

        assertThat(identity.certificate().getExtensionValue("1.2.3.4.5.6.7.8.1")).isNull();
        assertThat(clientIdentityOf(identity).getAttributeValue("fundtrail.role")).isNull();
    }

    @Test
    void certificate_is_ecdsa_p256_signed_by_the_msp_ca() throws Exception {
        final TestIdentity identity = TestIdentities.issue("FinanceMSP", "dave", Map.of());
        final X509Certificate ca = TestIdentities.caCertificate("FinanceMSP");

        identity.certificate().verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        assertThat(identity.certificate().getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(identity.certificate().getPublicKey().toString()).contains("secp256r1");
        assertThat(identity.certificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void private_key_matches_the_certificate() throws Exception {
        final TestIdentity identity = TestIdentities.issue("FinanceMSP", "erin", Map.of());
        final byte[] message = "proposal".getBytes(UTF_8);

        final Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(identity.privateKey());
        signer.update(message);
        final byte[] signature = signer.sign();
        final Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(identity.certificate());
        verifier.update(message);

        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void each_msp_has_one_ca_even_under_concurrent_first_use() throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        final Map<String, Boolean> issuers = new ConcurrentHashMap<>();
        try {
            for (int i = 0; i < 16; i++) {
                pool.execute(() -> issuers.put(
                        TestIdentities.issue("ConcurrentMSP", "user", Map.of()).certificate().getIssuerX500Principal()
                                + "/" + TestIdentities.caCertificate("ConcurrentMSP").getSerialNumber(),
                        true));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        final X509Certificate ca = TestIdentities.caCertificate("ConcurrentMSP");

        assertThat(issuers).containsOnlyKeys(ca.getSubjectX500Principal() + "/" + ca.getSerialNumber());
        TestIdentities.issue("ConcurrentMSP", "later", Map.of()).certificate().verify(ca.getPublicKey());
    }

    @Test
    void different_msps_have_different_cas() throws Exception {
        final TestIdentity finance = TestIdentities.issue("FinanceMSP", "frank", Map.of());
        final X509Certificate healthCa = TestIdentities.caCertificate("HealthMSP");

        assertThatThrownBy(() -> finance.certificate().verify(healthCa.getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void foreign_ca_certificate_claims_the_msp_but_fails_verification_against_its_ca() {
        final TestIdentity impostor =
                TestIdentities.issueWithForeignCa("FinanceMSP", "mallory", Map.of("fundtrail.role", "admin"));
        final X509Certificate genuineCa = TestIdentities.caCertificate("FinanceMSP");

        assertThat(impostor.mspId()).isEqualTo("FinanceMSP");
        assertThat(impostor.certificate().getIssuerX500Principal()).isEqualTo(genuineCa.getSubjectX500Principal());
        assertThat(clientIdentityOf(impostor).getAttributeValue("fundtrail.role")).isEqualTo("admin");
        assertThatThrownBy(() -> impostor.certificate().verify(genuineCa.getPublicKey()))
                .isInstanceOf(SignatureException.class);
    }

    @Test
    void serialized_is_a_serialized_identity_with_msp_id_and_pem() throws Exception {
        final TestIdentity identity = TestIdentities.officer("FinanceMSP", "treasury");

        final SerializedIdentity parsed = SerializedIdentity.parseFrom(identity.serialized());

        assertThat(parsed.getMspid()).isEqualTo("FinanceMSP");
        assertThat(parsed.getIdBytes().toStringUtf8()).isEqualTo(identity.pem());
        assertThat(identity.pem())
                .startsWith("-----BEGIN CERTIFICATE-----\n")
                .endsWith("\n-----END CERTIFICATE-----\n")
                .doesNotContain("\r");
        assertThat(identity.pem().lines().skip(1).filter(l -> !l.startsWith("-----")))
                .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        final X509Certificate fromPem = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(identity.pem().getBytes(UTF_8)));
        assertThat(fromPem).isEqualTo(identity.certificate());
    }
}

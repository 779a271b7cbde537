package org.fundtrail.network.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.fundtrail.network.definition.NetworkDefinition;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates the default network once and checks what was written. */
class CryptoGeneratorTest {
    private static final NetworkDefinition DEF = NetworkDefinition.defaults();

    @TempDir
    static Path root;
    static NetworkCrypto crypto;

    @BeforeAll
    static void generate() throws IOException {
        crypto = CryptoGenerator.generate(DEF, root);
    }

    @Test
    void writes_the_fabric_msp_layout() {
        Path org = root.resolve("peerOrganizations/health.fundtrail.local");
        Path orderer = root.resolve("ordererOrganizations/orderer.fundtrail.local");
        for (String f : List.of(
                "ca/ca.health.fundtrail.local-cert.pem", "ca/priv_sk",
                "tlsca/tlsca.health.fundtrail.local-cert.pem", "tlsca/priv_sk",
                "msp/cacerts/ca.health.fundtrail.local-cert.pem", "msp/tlscacerts/tlsca.health.fundtrail.local-cert.pem",
                "msp/config.yaml",
                "peers/peer0.health.fundtrail.local/msp/cacerts/ca.health.fundtrail.local-cert.pem",
                "peers/peer0.health.fundtrail.local/msp/signcerts/peer0.health.fundtrail.local-cert.pem",
                "peers/peer0.health.fundtrail.local/msp/keystore/priv_sk",
                "peers/peer0.health.fundtrail.local/msp/tlscacerts/tlsca.health.fundtrail.local-cert.pem",
                "peers/peer0.health.fundtrail.local/msp/config.yaml",
                "peers/peer0.health.fundtrail.local/tls/ca.crt",
                "peers/peer0.health.fundtrail.local/tls/server.crt",
                "peers/peer0.health.fundtrail.local/tls/server.key",
                "users/Admin@health.fundtrail.local/msp/signcerts/Admin@health.fundtrail.local-cert.pem",
                "users/officer@health-ph@health.fundtrail.local/msp/keystore/priv_sk",
                "users/officer@health-ph@health.fundtrail.local/msp/config.yaml",
                "users/officer@health-ph@health.fundtrail.local/tls/client.crt",
                "users/officer@health-ph@health.fundtrail.local/tls/client.key",
                "users/officer@health-ph@health.fundtrail.local/tls/ca.crt")) {
            assertThat(org.resolve(f)).as(f).isRegularFile();
        }
        for (String f : List.of("ca/priv_sk", "msp/cacerts/ca.orderer.fundtrail.local-cert.pem", "msp/config.yaml",
                "orderers/orderer0.orderer.fundtrail.local/msp/signcerts/orderer0.orderer.fundtrail.local-cert.pem",
                "orderers/orderer0.orderer.fundtrail.local/msp/keystore/priv_sk",
                "orderers/orderer0.orderer.fundtrail.local/tls/server.crt",
                "users/Admin@orderer.fundtrail.local/msp/signcerts/Admin@orderer.fundtrail.local-cert.pem")) {
            assertThat(orderer.resolve(f)).as(f).isRegularFile();
        }
        assertThat(crypto.userMspDir("EducationMSP", "officer@edu-uni"))
                .isEqualTo(root.resolve("peerOrganizations/education.fundtrail.local/users/officer@edu-uni@education.fundtrail.local/msp"));
        assertThat(crypto.mspDir("OrdererMSP")).isEqualTo(orderer.resolve("msp"));
        assertThat(crypto.peerTls("FinanceMSP")).isEqualTo(new TlsMaterial(
                root.resolve("peerOrganizations/finance.fundtrail.local/peers/peer0.finance.fundtrail.local/tls/server.crt"),
                root.resolve("peerOrganizations/finance.fundtrail.local/peers/peer0.finance.fundtrail.local/tls/server.key"),
                root.resolve("peerOrganizations/finance.fundtrail.local/peers/peer0.finance.fundtrail.local/tls/ca.crt")));
    }

    @Test
    void msp_config_enables_node_ous_against_the_org_ca() throws IOException {
        String config = Files.readString(root.resolve("peerOrganizations/audit.fundtrail.local/msp/config.yaml"));
        assertThat(config).isEqualTo("""
        NodeOUs:
          Enable: true
          ClientOUIdentifier:
            Certificate: cacerts/ca.audit.fundtrail.local-cert.pem
            OrganizationalUnitIdentifier: client
          PeerOUIdentifier:
            Certificate: cacerts/ca.audit.fundtrail.local-cert.pem
            OrganizationalUnitIdentifier: peer
          AdminOUIdentifier:
            Certificate: cacerts/ca.audit.fundtrail.local-cert.pem
            OrganizationalUnitIdentifier: admin
          OrdererOUIdentifier:
            Certificate: cacerts/ca.audit.fundtrail.local-cert.pem
            OrganizationalUnitIdentifier: orderer
        """);
        MspMaterial audit = crypto.msp("AuditMSP");
        assertThat(audit.nodeOusEnabled()).isTrue();
        assertThat(audit.rootCerts()).singleElement()
                .satisfies(ca -> assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=ca.audit.fundtrail.local,O=audit.fundtrail.local"));
        assertThat(audit.tlsRootCerts()).singleElement()
                .satisfies(ca -> assertThat(ca.getSubjectX500Principal().getName()).startsWith("CN=tlsca.audit.fundtrail.local"));
        assertThat(audit.crls()).isEmpty();
    }

    @Test
    void cas_are_self_signed_p256_certificate_authorities() throws Exception {
        for (String msp : List.of("FinanceMSP", "OrdererMSP")) {
            for (X509Certificate ca : List.of(crypto.msp(msp).rootCerts().get(0), crypto.msp(msp).tlsRootCerts().get(0))) {
                ca.verify(ca.getPublicKey());
                assertThat(ca.getBasicConstraints()).as("CA").isGreaterThanOrEqualTo(0);
                assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
                assertThat(ca.getKeyUsage()[6]).as("cRLSign").isTrue();
                assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
                assertThat(((java.security.interfaces.ECPublicKey) ca.getPublicKey()).getParams().getCurve().getField()
                        .getFieldSize()).isEqualTo(256);
                assertThat(ca.getExtensionValue("2.5.29.14")).as("SKI").isNotNull();
            }
        }
    }

    @Test
    void identities_chain_to_their_org_ca_and_carry_their_node_ou() throws Exception {
        MspMaterial health = crypto.msp("HealthMSP");
        assertThat(health.validate(crypto.peer("HealthMSP").certificate())).isEqualTo("peer");
        assertThat(health.validate(crypto.user("HealthMSP", "Admin").certificate())).isEqualTo("admin");
        assertThat(health.validate(crypto.user("HealthMSP", "officer@health-hosp").certificate())).isEqualTo("client");
        assertThat(crypto.msp("OrdererMSP").validate(crypto.orderer().certificate())).isEqualTo("orderer");
        assertThat(crypto.msp("OrdererMSP").validate(crypto.user("OrdererMSP", "Admin").certificate())).isEqualTo("admin");

        X509Certificate officer = crypto.user("HealthMSP", "officer@health-hosp").certificate();
        assertThat(officer.getSubjectX500Principal().getName()).isEqualTo("CN=officer@health-hosp,OU=client,O=health.fundtrail.local");
        assertThat(officer.getIssuerX500Principal()).isEqualTo(health.rootCerts().get(0).getSubjectX500Principal());
        assertThat(officer.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(officer.getBasicConstraints()).isEqualTo(-1);
        assertThat(officer.getExtensionValue("2.5.29.35")).as("AKI").isNotNull();
        assertThat(officer.getExtensionValue("2.5.29.14")).as("SKI").isNotNull();
    }

    @Test
    void another_orgs_identity_or_a_ca_is_refused() {
        X509Certificate officer = crypto.user("HealthMSP", "officer@health").certificate();
        assertThatThrownBy(() -> crypto.msp("FinanceMSP").validate(officer)).isInstanceOf(CertificateException.class)
                .hasMessageContaining("not issued by a root CA");
        X509Certificate ca = crypto.msp("FinanceMSP").rootCerts().get(0);
        assertThatThrownBy(() -> crypto.msp("FinanceMSP").validate(ca)).hasMessageContaining("a CA certificate");
        X509Certificate tls = readCert(crypto.peerTls("FinanceMSP").certificate());
        assertThatThrownBy(() -> crypto.msp("FinanceMSP").validate(tls)).isInstanceOf(CertificateException.class);
    }

    @Test
    void user_certificates_carry_the_fabric_ca_attributes() {
        X509Certificate officer = crypto.user("HealthMSP", "officer@health").certificate();
        assertThat(officer.getNonCriticalExtensionOIDs()).contains("1.2.3.4.5.6.7.8.1");
        byte[] octets = ASN1OctetString.getInstance(officer.getExtensionValue("1.2.3.4.5.6.7.8.1")).getOctets();
        assertThat(new String(octets, StandardCharsets.UTF_8)).isEqualTo("{\"attrs\":{\"fundtrail.org\":\"HEALTH\","
                + "\"fundtrail.role\":\"officer\",\"hf.Affiliation\":\"\",\"hf.EnrollmentID\":\"officer@health\","
                + "\"hf.Type\":\"client\"}}");
        assertThat(crypto.peer("HealthMSP").certificate().getExtensionValue("1.2.3.4.5.6.7.8.1")).isNull();
    }

    @Test
    void the_chaincode_shim_reads_the_attributes() throws Exception {
        SigningIdentity auditor = crypto.user("AuditMSP", "auditor");
        byte[] creator = SerializedIdentity.newBuilder().setMspid("AuditMSP")
                .setIdBytes(ByteString.copyFromUtf8(auditor.certificatePem())).build().toByteArray();
        ChaincodeStub stub = (ChaincodeStub) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChaincodeStub.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getCreator")) {
                        return creator;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });

        ClientIdentity id = new ClientIdentity(stub);

        assertThat(id.getMSPID()).isEqualTo("AuditMSP");
        assertThat(id.getAttributeValue("fundtrail.org")).isEqualTo("AUDIT");
        assertThat(id.getAttributeValue("fundtrail.role")).isEqualTo("auditor");
        assertThat(id.assertAttributeValue("hf.EnrollmentID", "auditor")).isTrue();
    }

    @Test
    void tls_server_certificates_name_the_host_localhost_and_loopback() throws Exception {
        X509Certificate server = readCert(crypto.peerTls("InfraMSP").certificate());
        assertThat(server.getSubjectAlternativeNames()).<Object>extracting(san -> san.get(1)).containsExactlyInAnyOrder(
                "peer0.infra.fundtrail.local", "peer0", "localhost", "127.0.0.1");
        assertThat(server.getExtendedKeyUsage()).containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        server.verify(crypto.msp("InfraMSP").tlsRootCerts().get(0).getPublicKey());
        assertThat(readCert(crypto.peerTls("InfraMSP").caCertificate()))
                .isEqualTo(crypto.msp("InfraMSP").tlsRootCerts().get(0));

        X509Certificate orderer = readCert(crypto.ordererTls().certificate());
        assertThat(orderer.getSubjectAlternativeNames()).<Object>extracting(san -> san.get(1))
                .contains("orderer0.orderer.fundtrail.local", "localhost", "127.0.0.1");

        X509Certificate client = readCert(crypto.userTls("InfraMSP", "officer@infra-roads").certificate());
        assertThat(client.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
        client.verify(crypto.msp("InfraMSP").tlsRootCerts().get(0).getPublicKey());
    }

    @Test
    void private_keys_and_their_folders_are_owner_only() throws IOException {
        Path org = root.resolve("peerOrganizations/finance.fundtrail.local");
        for (String key : List.of("ca/priv_sk", "tlsca/priv_sk",
                "peers/peer0.finance.fundtrail.local/msp/keystore/priv_sk",
                "peers/peer0.finance.fundtrail.local/tls/server.key",
                "users/officer@mof@finance.fundtrail.local/msp/keystore/priv_sk",
                "users/officer@mof@finance.fundtrail.local/tls/client.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(org.resolve(key)))).as(key)
                    .isEqualTo("rw-------");
            assertThat(Files.readString(org.resolve(key))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        }
        for (String dir : List.of("ca", "tlsca", "peers/peer0.finance.fundtrail.local/msp/keystore",
                "peers/peer0.finance.fundtrail.local/tls", "users/Admin@finance.fundtrail.local/msp/keystore")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(org.resolve(dir)))).as(dir)
                    .isEqualTo("rwx------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                org.resolve("msp/cacerts/ca.finance.fundtrail.local-cert.pem")))).isEqualTo("rw-r--r--");
    }

    @Test
    void signatures_are_low_s_der_and_verify() throws Exception {
        SigningIdentity officer = crypto.user("FinanceMSP", "officer@mof");
        BigInteger halfOrder = SECNamedCurves.getByName("secp256r1").getN().shiftRight(1);
        Signature verifier = Signature.getInstance("SHA256withECDSA"); // the JDK's own, independent of BC
        for (int i = 0; i < 200; i++) {
            byte[] message = ("proposal " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = officer.sign(message);
            ASN1Sequence rs = ASN1Sequence.getInstance(signature);
            assertThat(ASN1Integer.getInstance(rs.getObjectAt(1)).getValue()).isLessThanOrEqualTo(halfOrder);
            verifier.initVerify(officer.certificate().getPublicKey());
            verifier.update(message);
            assertThat(verifier.verify(signature)).as("signature %d verifies", i).isTrue();
        }
        byte[] signature = officer.sign("a".getBytes(StandardCharsets.UTF_8));
        verifier.initVerify(officer.certificate().getPublicKey());
        verifier.update("b".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(signature)).isFalse();
    }

    @Test
    void certificate_pem_is_the_signcert_file() throws IOException {
        SigningIdentity admin = crypto.user("EducationMSP", "Admin");
        assertThat(admin.certificatePem()).isEqualTo(Files.readString(crypto.userMspDir("EducationMSP", "Admin")
                .resolve("signcerts/Admin@education.fundtrail.local-cert.pem")));
        assertThat(admin.toString()).doesNotContain("priv").contains("EducationMSP");
    }

    @Test
    void unknown_msps_and_users_are_refused() {
        assertThatThrownBy(() -> crypto.msp("NopeMSP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown MSP 'NopeMSP'");
        assertThatThrownBy(() -> crypto.peer("OrdererMSP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.user("HealthMSP", "officer@mof")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no user 'officer@mof' in HealthMSP");
    }

    @Test
    void openssl_accepts_the_chain_when_installed() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(openssl), "openssl is not installed");
        Path caFile = crypto.mspDir("HealthMSP").resolve("cacerts/ca.health.fundtrail.local-cert.pem");
        Path userCert = crypto.userMspDir("HealthMSP", "officer@health").resolve("signcerts/officer@health@health.fundtrail.local-cert.pem");
        Process p = new ProcessBuilder(openssl.toString(), "verify", "-CAfile", caFile.toString(), userCert.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains(": OK");
    }

    private static X509Certificate readCert(Path file) {
        try {
            return Pem.readCertificate(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

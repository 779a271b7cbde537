package org.fundtrail.network.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generating again, adding users, revoking users. The network is generated once; each test works
 * on its own copy (permissions kept), which is much faster than generating with fsync each time.
 */
class CryptoRegenerationTest {
    private static final NetworkDefinition DEF = NetworkDefinition.defaults();

    @TempDir
    static Path template;

    @TempDir
    Path root;

    @BeforeAll
    static void generateTemplate() throws IOException {
        CryptoGenerator.generate(DEF, template);
    }

    @BeforeEach
    void copyTemplate() throws IOException {
        try (Stream<Path> s = Files.walk(template)) {
            for (Path from : (Iterable<Path>) s::iterator) {
                Path to = root.resolve(template.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
                } else {
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void regenerating_never_overwrites_existing_keys_and_adds_new_users() throws Exception {
        Map<Path, byte[]> before = snapshot(root);

        CryptoGenerator.generate(DEF, root);
        assertSameFiles(before, snapshot(root));

        NetworkDefinition withNewUser = addUser(DEF, "HealthMSP", new UserDefinition("officer2@health-ph", "officer", "HEALTH-PH", false));
        NetworkCrypto crypto = CryptoGenerator.generate(withNewUser, root);

        Map<Path, byte[]> after = snapshot(root);
        assertThat(after.keySet()).containsAll(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as("%s unchanged", file).isEqualTo(bytes));
        assertThat(after.keySet()).anyMatch(p -> p.toString().contains("officer2@health-ph@health.fundtrail.local"));
        SigningIdentity added = crypto.user("HealthMSP", "officer2@health-ph");
        assertThat(added.certificate().getIssuerX500Principal().getName()).isEqualTo("CN=ca.health.fundtrail.local,O=health.fundtrail.local");
        assertThat(crypto.msp("HealthMSP").validate(added.certificate())).isEqualTo("client");
    }

    @Test
    void a_lost_certificate_is_reissued_for_the_existing_key() throws Exception {
        NetworkCrypto first = NetworkCrypto.load(DEF, root);
        Path signcert = first.userMspDir("InfraMSP", "officer@infra").resolve("signcerts/officer@infra@infra.fundtrail.local-cert.pem");
        Path key = first.userMspDir("InfraMSP", "officer@infra").resolve("keystore/priv_sk");
        byte[] keyBytes = Files.readAllBytes(key);
        Files.delete(signcert);

        NetworkCrypto second = CryptoGenerator.generate(DEF, root);

        assertThat(Files.readAllBytes(key)).isEqualTo(keyBytes);
        assertThat(second.user("InfraMSP", "officer@infra").certificate().getPublicKey())
                .isEqualTo(first.user("InfraMSP", "officer@infra").certificate().getPublicKey());
        assertThat(second.msp("InfraMSP").validate(second.user("InfraMSP", "officer@infra").certificate())).isEqualTo("client");
    }

    @Test
    void a_certificate_without_its_key_is_an_error_not_a_silent_reissue() throws IOException {
        NetworkCrypto first = NetworkCrypto.load(DEF, root);
        Files.delete(first.userMspDir("AuditMSP", "auditor").resolve("keystore/priv_sk"));

        assertThatThrownBy(() -> CryptoGenerator.generate(DEF, root)).isInstanceOf(IOException.class)
                .hasMessageContaining("auditor@audit.fundtrail.local-cert.pem exists but its key");
    }

    @Test
    void revoked_user_is_refused_by_its_msp() throws Exception {
        CryptoGenerator.revoke(DEF, root, "HealthMSP", "officer@health-ph");

        NetworkCrypto crypto = NetworkCrypto.load(DEF, root);
        MspMaterial health = crypto.msp("HealthMSP");
        assertThat(health.crls()).hasSize(1);
        assertThatThrownBy(() -> health.validate(crypto.user("HealthMSP", "officer@health-ph").certificate()))
                .isInstanceOf(CertificateException.class).hasMessageContaining("revoked");
        assertThat(health.validate(crypto.user("HealthMSP", "officer@health-hosp").certificate())).isEqualTo("client");

        Path crlFile = crypto.mspDir("HealthMSP").resolve("crls/crl.pem");
        assertThat(Files.readString(crlFile)).startsWith("-----BEGIN X509 CRL-----\n");
        X509CRL crl = health.crls().get(0);
        crl.verify(health.rootCerts().get(0).getPublicKey());
        // Fabric matches a CRL to its CA by authority key identifier = the CA's subject key identifier.
        byte[] aki = AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(crl.getExtensionValue("2.5.29.35")).getOctets()).getKeyIdentifier();
        byte[] ski = SubjectKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(health.rootCerts().get(0).getExtensionValue("2.5.29.14")).getOctets()).getKeyIdentifier();
        assertThat(aki).isEqualTo(ski);
        byte[] once = Files.readAllBytes(crlFile);

        CryptoGenerator.revoke(DEF, root, "HealthMSP", "officer@health-ph");
        assertThat(Files.readAllBytes(crlFile)).as("revoking twice changes nothing").isEqualTo(once);

        CryptoGenerator.revoke(DEF, root, "HealthMSP", "officer@health");
        MspMaterial again = NetworkCrypto.load(DEF, root).msp("HealthMSP");
        assertThat(again.crls()).singleElement().satisfies(c -> assertThat(c.getRevokedCertificates()).hasSize(2));
        assertThatThrownBy(() -> again.validate(crypto.user("HealthMSP", "officer@health-ph").certificate()))
                .hasMessageContaining("revoked");
        assertThatThrownBy(() -> again.validate(crypto.user("HealthMSP", "officer@health").certificate()))
                .hasMessageContaining("revoked");

        // Generating again keeps the CRL, and other orgs are untouched.
        CryptoGenerator.generate(DEF, root);
        assertThat(NetworkCrypto.load(DEF, root).msp("HealthMSP").crls()).hasSize(1);
        assertThat(crypto.msp("FinanceMSP").crls()).isEmpty();
    }

    @Test
    void revoking_an_unknown_user_is_refused() {
        assertThatThrownBy(() -> CryptoGenerator.revoke(DEF, root, "HealthMSP", "nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no certificate for user 'nobody'");
        assertThatThrownBy(() -> CryptoGenerator.revoke(DEF, root, "NopeMSP", "Admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static NetworkDefinition addUser(NetworkDefinition def, String mspId, UserDefinition user) {
        List<OrgDefinition> orgs = new ArrayList<>();
        for (OrgDefinition o : def.organizations()) {
            if (o.mspId().equals(mspId)) {
                List<UserDefinition> users = new ArrayList<>(o.users());
                users.add(user);
                o = new OrgDefinition(o.mspId(), o.domain(), o.hosts(), users);
            }
            orgs.add(o);
        }
        return new NetworkDefinition(def.name(), def.channel(), def.chaincode(), def.endorsementPolicy(), def.orderer(),
                orgs, def.ports());
    }

    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                try {
                    files.put(root.relativize(f), Files.readAllBytes(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return files;
    }

    private static void assertSameFiles(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as("%s unchanged", file).isEqualTo(bytes));
    }
}

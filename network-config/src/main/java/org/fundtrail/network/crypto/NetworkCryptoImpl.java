package org.fundtrail.network.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fundtrail.network.crypto.CryptoLayout.Node;
import org.fundtrail.network.crypto.CryptoLayout.Org;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;

/** The loaded, immutable view over a crypto folder. */
final class NetworkCryptoImpl implements NetworkCrypto {
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Path root;
    private final NetworkDefinition definition;
    private final Map<String, Org> orgs;
    private final Map<String, MspMaterial> msps;
    private final Map<String, SigningIdentity> peers;
    private final SigningIdentity orderer;
    private final Node ordererNode;
    private final Map<String, Map<String, SigningIdentity>> users;

    private NetworkCryptoImpl(Path root, NetworkDefinition definition, Map<String, Org> orgs,
            Map<String, MspMaterial> msps, Map<String, SigningIdentity> peers, SigningIdentity orderer, Node ordererNode,
            Map<String, Map<String, SigningIdentity>> users) {
        this.root = root;
        this.definition = definition;
        this.orgs = orgs;
        this.msps = msps;
        this.peers = peers;
        this.orderer = orderer;
        this.ordererNode = ordererNode;
        this.users = users;
    }

    static NetworkCrypto load(NetworkDefinition def, Path root) throws IOException {
        Map<String, Org> orgs = new LinkedHashMap<>();
        Map<String, MspMaterial> msps = new LinkedHashMap<>();
        Map<String, SigningIdentity> peers = new LinkedHashMap<>();
        Map<String, Map<String, SigningIdentity>> users = new LinkedHashMap<>();

        String ordererMsp = def.orderer().mspId();
        Org ordererOrg = Org.ordererOrg(root, def.orderer().domain());
        orgs.put(ordererMsp, ordererOrg);
        msps.put(ordererMsp, readMsp(ordererMsp, ordererOrg.mspDir()));
        Node ordererNode = ordererOrg.node(def.orderer().orderers().get(0));
        SigningIdentity orderer = identity(ordererMsp, ordererNode);
        users.put(ordererMsp, Map.of(ORDERER_ADMIN, identity(ordererMsp, ordererOrg.user(ORDERER_ADMIN))));

        for (OrgDefinition od : def.organizations()) {
            Org org = Org.peerOrg(root, od.domain());
            orgs.put(od.mspId(), org);
            msps.put(od.mspId(), readMsp(od.mspId(), org.mspDir()));
            peers.put(od.mspId(), identity(od.mspId(), org.node(OrgDefinition.PEER)));
            Map<String, SigningIdentity> orgUsers = new LinkedHashMap<>();
            for (UserDefinition u : od.users()) {
                orgUsers.put(u.name(), identity(od.mspId(), org.user(u.name())));
            }
            users.put(od.mspId(), Map.copyOf(orgUsers));
        }
        return new NetworkCryptoImpl(root, def, Map.copyOf(orgs), Map.copyOf(msps), Map.copyOf(peers), orderer,
                ordererNode, Map.copyOf(users));
    }

    /** Reads an MSP folder: cacerts, tlscacerts, crls and config.yaml's NodeOUs.Enable. */
    static MspMaterial readMsp(String mspId, Path mspDir) throws IOException {
        List<X509Certificate> roots = readCertificates(mspDir.resolve("cacerts"));
        if (roots.isEmpty()) {
            throw new IOException(mspDir.resolve("cacerts") + ": no root CA certificate");
        }
        List<X509Certificate> tlsRoots = readCertificates(mspDir.resolve("tlscacerts"));
        List<X509CRL> crls = new ArrayList<>();
        for (Path f : files(mspDir.resolve("crls"))) {
            crls.add(Pem.readCrl(f));
        }
        boolean nodeOus = false;
        Path config = mspDir.resolve(CryptoLayout.CONFIG_FILE);
        if (Files.exists(config)) {
            JsonNode enable = YAML.readTree(config.toFile()).path("NodeOUs").path("Enable");
            nodeOus = enable.asBoolean(false);
        }
        return new MspMaterial(mspId, roots, tlsRoots, crls, nodeOus);
    }

    private static List<X509Certificate> readCertificates(Path dir) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Path f : files(dir)) {
            certs.add(Pem.readCertificate(f));
        }
        return certs;
    }

    private static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    private static SigningIdentity identity(String mspId, Node node) throws IOException {
        return new SigningIdentity(mspId, Pem.readCertificate(node.signCert()), Pem.readPrivateKey(node.key()));
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public NetworkDefinition definition() {
        return definition;
    }

    @Override
    public MspMaterial msp(String mspId) {
        MspMaterial m = msps.get(mspId);
        if (m == null) {
            throw unknownMsp(mspId);
        }
        return m;
    }

    @Override
    public Path mspDir(String mspId) {
        return org(mspId).mspDir();
    }

    @Override
    public SigningIdentity peer(String mspId) {
        SigningIdentity p = peers.get(mspId);
        if (p == null) {
            throw new IllegalArgumentException("no application org '" + mspId + "', expected one of " + peers.keySet());
        }
        return p;
    }

    @Override
    public SigningIdentity orderer() {
        return orderer;
    }

    @Override
    public SigningIdentity user(String mspId, String userName) {
        SigningIdentity u = usersOf(mspId).get(userName);
        if (u == null) {
            throw new IllegalArgumentException("no user '" + userName + "' in " + mspId + ", expected one of "
                    + usersOf(mspId).keySet());
        }
        return u;
    }

    @Override
    public Path userMspDir(String mspId, String userName) {
        return userNode(mspId, userName).mspDir();
    }

    @Override
    public TlsMaterial peerTls(String mspId) {
        peer(mspId);
        return tls(orgs.get(mspId).node(OrgDefinition.PEER));
    }

    @Override
    public TlsMaterial ordererTls() {
        return tls(ordererNode);
    }

    @Override
    public TlsMaterial userTls(String mspId, String userName) {
        return tls(userNode(mspId, userName));
    }

    @Override
    public String toString() {
        return "NetworkCrypto[" + root + ", " + msps.keySet() + "]";
    }

    private Node userNode(String mspId, String userName) {
        user(mspId, userName);
        return orgs.get(mspId).user(userName);
    }

    private Map<String, SigningIdentity> usersOf(String mspId) {
        Map<String, SigningIdentity> u = users.get(mspId);
        if (u == null) {
            throw unknownMsp(mspId);
        }
        return u;
    }

    private Org org(String mspId) {
        Org o = orgs.get(mspId);
        if (o == null) {
            throw unknownMsp(mspId);
        }
        return o;
    }

    private IllegalArgumentException unknownMsp(String mspId) {
        return new IllegalArgumentException("unknown MSP '" + mspId + "', expected one of " + msps.keySet());
    }

    private static TlsMaterial tls(Node node) {
        return new TlsMaterial(node.tlsCert(), node.tlsKey(), node.tlsCa());
    }
}

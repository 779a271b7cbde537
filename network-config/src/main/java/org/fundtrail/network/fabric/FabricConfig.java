package org.fundtrail.network.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;

/**
 * Writes the configuration of a native Fabric network for a {@link NetworkDefinition}: one peer per
 * application org, the definition's orderers (Raft), TLS everywhere, channel participation (no
 * system channel), the chaincode's endorsement policy and an anchor peer per org.
 *
 * <pre>{@code
 * FabricConfig.Plan plan = FabricConfig.newInstance().definition(def).cryptoRoot(dir.resolve("node/crypto"))
 *         .outputDirectory(dir.resolve("fabric")).sampleConfig(Path.of("fabric/config"))
 *         .builder(Path.of("fabric/ccaas")).autoPorts(true).build().write();
 * }</pre>
 *
 * <p>Written under the output folder: {@code configtx/configtx.yaml} (profile
 * {@value #PROFILE}), {@code nodes/NAME/core.yaml} or {@code orderer.yaml}, {@code ports.properties}
 * (kept: writing again reuses the ports chosen first) and {@code network.env}, the same plan as bash
 * variables for {@code network.sh}. The peers' and orderers' ledgers go to {@code ledgers/NAME}.
 */
public final class FabricConfig {
    /** The configtxgen profile of the channel's genesis block. */
    public static final String PROFILE = "FundtrailChannel";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final NetworkDefinition def;
    private final Path crypto;
    private final Path out;
    private final Path sampleConfig;
    private final Path builder;
    private final boolean autoPorts;
    private final String batchTimeout;

    private FabricConfig(Builder b) {
        this.def = Objects.requireNonNull(b.def, "definition");
        this.crypto = Objects.requireNonNull(b.crypto, "cryptoRoot").toAbsolutePath();
        this.out = Objects.requireNonNull(b.out, "outputDirectory").toAbsolutePath();
        this.sampleConfig = Objects.requireNonNull(b.sampleConfig, "sampleConfig").toAbsolutePath();
        this.builder = Objects.requireNonNull(b.builder, "builder").toAbsolutePath();
        this.autoPorts = b.autoPorts;
        this.batchTimeout = b.batchTimeout;
    }

    /** @return a builder */
    public static Builder newInstance() {
        return new Builder();
    }

    /** Builds a {@link FabricConfig}. */
    public static final class Builder {
        private NetworkDefinition def;
        private Path crypto;
        private Path out;
        private Path sampleConfig;
        private Path builder;
        private boolean autoPorts;
        private String batchTimeout = "100ms";

        private Builder() {
        }

        /** @param value the network definition (its orderers are the Raft consenters) @return this */
        public Builder definition(NetworkDefinition value) {
            this.def = Objects.requireNonNull(value, "definition");
            return this;
        }

        /** @param value the folder holding {@code peerOrganizations/} and {@code ordererOrganizations/} @return this */
        public Builder cryptoRoot(Path value) {
            this.crypto = Objects.requireNonNull(value, "cryptoRoot");
            return this;
        }

        /** @param value the folder to write into @return this */
        public Builder outputDirectory(Path value) {
            this.out = Objects.requireNonNull(value, "outputDirectory");
            return this;
        }

        /** @param value a folder with Fabric's sample {@code core.yaml} and {@code orderer.yaml} @return this */
        public Builder sampleConfig(Path value) {
            this.sampleConfig = Objects.requireNonNull(value, "sampleConfig");
            return this;
        }

        /** @param value the chaincode-as-a-service external builder (a folder with {@code bin/detect}, ...) @return this */
        public Builder builder(Path value) {
            this.builder = Objects.requireNonNull(value, "builder");
            return this;
        }

        /** @param value true: free ports chosen now; false: the definition's ports @return this */
        public Builder autoPorts(boolean value) {
            this.autoPorts = value;
            return this;
        }

        /** @param value the orderers' batch timeout, a Go duration such as {@code 100ms} @return this */
        public Builder batchTimeout(String value) {
            this.batchTimeout = Objects.requireNonNull(value, "batchTimeout");
            return this;
        }

        /** @return the configuration writer */
        public FabricConfig build() {
            return new FabricConfig(this);
        }
    }

    /**
     * What was written: every node, the chaincode server's port and the files the script needs.
     *
     * @param orderers the orderers, in definition order
     * @param peers the peers, one per application org in definition order
     * @param chaincodePort the chaincode-as-a-service server's port
     */
    public record Plan(List<FabricNode> orderers, List<FabricNode> peers, int chaincodePort) {
        /** Copies the lists. */
        public Plan {
            orderers = List.copyOf(orderers);
            peers = List.copyOf(peers);
        }

        /**
         * @param mspId an application org's MSP id
         * @return its peer
         * @throws IllegalArgumentException when no peer belongs to it
         */
        public FabricNode peer(String mspId) {
            return peers.stream().filter(p -> p.mspId().equals(mspId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no peer of " + mspId));
        }
    }

    /**
     * Writes (or rewrites) every configuration file; ports chosen before are kept.
     *
     * @return the plan
     * @throws IOException when a file cannot be read or written, or no free port is found
     */
    public Plan write() throws IOException {
        Files.createDirectories(out);
        Ports ports = Ports.load(out.resolve("ports.properties"), autoPorts);
        List<FabricNode> orderers = new ArrayList<>();
        List<String> names = def.orderer().orderers();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            orderers.add(new FabricNode(name, false, def.orderer().mspId(), def.orderer().hostName(name),
                    ports.get(name + ".port", def.ports().orderer() + i * def.ports().peerStep()),
                    ports.get(name + ".admin", def.ports().ordererAdmin() + i * def.ports().peerStep()),
                    ports.get(name + ".operations", def.ports().operations() + i * 10),
                    out.resolve("nodes").resolve(name)));
        }
        List<FabricNode> peers = new ArrayList<>();
        for (int i = 0; i < def.organizations().size(); i++) {
            OrgDefinition org = def.organizations().get(i);
            String name = nodeName(org);
            int port = ports.get(name + ".port", def.ports().peerPort(i));
            peers.add(new FabricNode(name, true, org.mspId(), org.peerHostName(), port,
                    ports.get(name + ".chaincode", port + 1),
                    ports.get(name + ".operations", def.ports().peerOperationsPort(i)),
                    out.resolve("nodes").resolve(name)));
        }
        int chaincodePort = ports.get("chaincode.port", def.ports().chaincodeServer());
        ports.save();
        Plan plan = new Plan(orderers, peers, chaincodePort);

        for (FabricNode orderer : orderers) {
            writeOrdererYaml(orderer);
        }
        for (FabricNode peer : peers) {
            writeCoreYaml(peer, plan);
        }
        writeConfigtx(plan);
        writeEnv(plan);
        return plan;
    }

    /** @return the node name of an org's peer: {@code peer0.} and the first label of its domain */
    static String nodeName(OrgDefinition org) {
        String domain = org.domain();
        int dot = domain.indexOf('.');
        return OrgDefinition.PEER + "." + (dot < 0 ? domain : domain.substring(0, dot));
    }

    private Path ordererOrg() {
        return crypto.resolve("ordererOrganizations").resolve(def.orderer().domain());
    }

    private Path peerOrg(String mspId) {
        return crypto.resolve("peerOrganizations").resolve(def.org(mspId).domain());
    }

    private Path nodeCrypto(FabricNode node) {
        return node.peer() ? peerOrg(node.mspId()).resolve("peers").resolve(node.host())
                : ordererOrg().resolve("orderers").resolve(node.host());
    }

    private Path ordererTlsCa() {
        return ordererOrg().resolve("tlsca").resolve("tlsca." + def.orderer().domain() + "-cert.pem");
    }

    private Path peerTlsCa(String mspId) {
        return peerOrg(mspId).resolve("tlsca").resolve("tlsca." + def.org(mspId).domain() + "-cert.pem");
    }

    private Path ledger(FabricNode node) {
        return out.resolve("ledgers").resolve(node.name());
    }

    private void writeOrdererYaml(FabricNode node) throws IOException {
        ObjectNode yaml = read(sampleConfig.resolve("orderer.yaml"));
        Path tls = nodeCrypto(node).resolve("tls");
        set(yaml, "General.ListenAddress", "127.0.0.1");
        set(yaml, "General.ListenPort", node.port());
        set(yaml, "General.TLS.Enabled", true);
        set(yaml, "General.TLS.PrivateKey", tls.resolve("server.key").toString());
        set(yaml, "General.TLS.Certificate", tls.resolve("server.crt").toString());
        setList(yaml, "General.TLS.RootCAs", tls.resolve("ca.crt").toString());
        set(yaml, "General.TLS.ClientAuthRequired", false);
        // The Raft cluster shares the general listener; the node's TLS pair is its cluster identity.
        set(yaml, "General.Cluster.ClientCertificate", tls.resolve("server.crt").toString());
        set(yaml, "General.Cluster.ClientPrivateKey", tls.resolve("server.key").toString());
        set(yaml, "General.Cluster.ListenPort", "");
        set(yaml, "General.Cluster.ListenAddress", "");
        set(yaml, "General.Cluster.ServerCertificate", "");
        set(yaml, "General.Cluster.ServerPrivateKey", "");
        set(yaml, "General.BootstrapMethod", "none");
        set(yaml, "General.BootstrapFile", "");
        set(yaml, "General.LocalMSPDir", nodeCrypto(node).resolve("msp").toString());
        set(yaml, "General.LocalMSPID", node.mspId());
        set(yaml, "FileLedger.Location", ledger(node).toString());
        set(yaml, "Consensus.WALDir", ledger(node).resolve("etcdraft/wal").toString());
        set(yaml, "Consensus.SnapDir", ledger(node).resolve("etcdraft/snapshot").toString());
        set(yaml, "Operations.ListenAddress", "127.0.0.1:" + node.operationsPort());
        set(yaml, "Metrics.Provider", "disabled");
        set(yaml, "Admin.ListenAddress", "127.0.0.1:" + node.secondPort());
        set(yaml, "Admin.TLS.Enabled", true);
        set(yaml, "Admin.TLS.PrivateKey", tls.resolve("server.key").toString());
        set(yaml, "Admin.TLS.Certificate", tls.resolve("server.crt").toString());
        setList(yaml, "Admin.TLS.RootCAs", tls.resolve("ca.crt").toString());
        set(yaml, "Admin.TLS.ClientAuthRequired", true);
        setList(yaml, "Admin.TLS.ClientRootCAs", tls.resolve("ca.crt").toString());
        set(yaml, "ChannelParticipation.Enabled", true);
        write(node.dir().resolve("orderer.yaml"), yaml);
    }

    private void writeCoreYaml(FabricNode node, Plan plan) throws IOException {
        ObjectNode yaml = read(sampleConfig.resolve("core.yaml"));
        Path tls = nodeCrypto(node).resolve("tls");
        String endpoint = "localhost:" + node.port();
        set(yaml, "peer.id", node.host());
        set(yaml, "peer.networkId", def.name());
        set(yaml, "peer.listenAddress", "127.0.0.1:" + node.port());
        set(yaml, "peer.address", endpoint);
        set(yaml, "peer.chaincodeListenAddress", "127.0.0.1:" + node.secondPort());
        set(yaml, "peer.chaincodeAddress", "127.0.0.1:" + node.secondPort());
        set(yaml, "peer.gossip.bootstrap", endpoint);
        set(yaml, "peer.gossip.endpoint", endpoint);
        set(yaml, "peer.gossip.externalEndpoint", endpoint);
        // Gossip at a pace for one machine: peers of other orgs are found (through the anchor peers) and
        // their chaincodes and heights known to discovery within seconds rather than the defaults' 25 s.
        set(yaml, "peer.gossip.reconnectInterval", "2s");
        set(yaml, "peer.gossip.aliveTimeInterval", "1s");
        set(yaml, "peer.gossip.aliveExpirationTimeout", "5s");
        set(yaml, "peer.gossip.pullInterval", "1s");
        set(yaml, "peer.gossip.publishStateInfoInterval", "1s");
        set(yaml, "peer.gossip.requestStateInfoInterval", "1s");
        set(yaml, "peer.gossip.useLeaderElection", false);
        set(yaml, "peer.gossip.orgLeader", true);
        set(yaml, "peer.tls.enabled", true);
        set(yaml, "peer.tls.clientAuthRequired", false);
        set(yaml, "peer.tls.cert.file", tls.resolve("server.crt").toString());
        set(yaml, "peer.tls.key.file", tls.resolve("server.key").toString());
        set(yaml, "peer.tls.rootcert.file", tls.resolve("ca.crt").toString());
        set(yaml, "peer.fileSystemPath", ledger(node).toString());
        set(yaml, "peer.mspConfigPath", nodeCrypto(node).resolve("msp").toString());
        set(yaml, "peer.localMspId", node.mspId());
        // No Docker here: chaincode runs as a service, reached through the external builder.
        set(yaml, "vm.endpoint", "");
        ArrayNode builders = YAML.createArrayNode();
        ObjectNode ccaas = builders.addObject();
        ccaas.put("name", "ccaas_builder");
        ccaas.put("path", builder.toString());
        ccaas.putArray("propagateEnvironment").add("CHAINCODE_AS_A_SERVICE_BUILDER_CONFIG");
        ((ObjectNode) yaml.get("chaincode")).set("externalBuilders", builders);
        set(yaml, "operations.listenAddress", "127.0.0.1:" + node.operationsPort());
        set(yaml, "metrics.provider", "disabled");
        write(node.dir().resolve("core.yaml"), yaml);
    }

    private void writeConfigtx(Plan plan) throws IOException {
        ObjectNode ordererOrg = YAML.createObjectNode();
        ordererOrg.put("Name", def.orderer().mspId());
        ordererOrg.put("ID", def.orderer().mspId());
        ordererOrg.put("MSPDir", ordererOrg().resolve("msp").toString());
        ObjectNode op = ordererOrg.putObject("Policies");
        policy(op, "Readers", "OR('" + def.orderer().mspId() + ".member')");
        policy(op, "Writers", "OR('" + def.orderer().mspId() + ".member')");
        policy(op, "Admins", "OR('" + def.orderer().mspId() + ".admin')");
        ArrayNode endpoints = ordererOrg.putArray("OrdererEndpoints");
        plan.orderers().forEach(o -> endpoints.add("localhost:" + o.port()));

        ArrayNode appOrgs = YAML.createArrayNode();
        for (FabricNode peer : plan.peers()) {
            String msp = peer.mspId();
            ObjectNode org = appOrgs.addObject();
            org.put("Name", msp);
            org.put("ID", msp);
            org.put("MSPDir", peerOrg(msp).resolve("msp").toString());
            ObjectNode p = org.putObject("Policies");
            policy(p, "Readers", "OR('" + msp + ".admin','" + msp + ".peer','" + msp + ".client')");
            policy(p, "Writers", "OR('" + msp + ".admin','" + msp + ".client')");
            policy(p, "Admins", "OR('" + msp + ".admin')");
            policy(p, "Endorsement", "OR('" + msp + ".peer')");
            ObjectNode anchor = org.putArray("AnchorPeers").addObject();
            anchor.put("Host", "localhost");
            anchor.put("Port", peer.port());
        }

        ObjectNode orderer = YAML.createObjectNode();
        orderer.put("OrdererType", "etcdraft");
        orderer.put("BatchTimeout", batchTimeout);
        ObjectNode batch = orderer.putObject("BatchSize");
        batch.put("MaxMessageCount", 500);
        batch.put("AbsoluteMaxBytes", "99 MB");
        batch.put("PreferredMaxBytes", "2 MB");
        ObjectNode raft = orderer.putObject("EtcdRaft");
        ArrayNode consenters = raft.putArray("Consenters");
        for (FabricNode o : plan.orderers()) {
            ObjectNode c = consenters.addObject();
            c.put("Host", "localhost");
            c.put("Port", o.port());
            c.put("ClientTLSCert", nodeCrypto(o).resolve("tls/server.crt").toString());
            c.put("ServerTLSCert", nodeCrypto(o).resolve("tls/server.crt").toString());
        }
        ObjectNode options = raft.putObject("Options");
        options.put("TickInterval", "100ms");
        options.put("ElectionTick", 10);
        options.put("HeartbeatTick", 1);
        options.put("MaxInflightBlocks", 5);
        options.put("SnapshotIntervalSize", "16 MB");
        orderer.putArray("Organizations").add(ordererOrg);
        ObjectNode oPolicies = orderer.putObject("Policies");
        implicit(oPolicies, "Readers", "ANY Readers");
        implicit(oPolicies, "Writers", "ANY Writers");
        implicit(oPolicies, "Admins", "MAJORITY Admins");
        implicit(oPolicies, "BlockValidation", "ANY Writers");
        orderer.putObject("Capabilities").put("V2_0", true);

        ObjectNode application = YAML.createObjectNode();
        application.set("Organizations", appOrgs);
        ObjectNode aPolicies = application.putObject("Policies");
        implicit(aPolicies, "Readers", "ANY Readers");
        implicit(aPolicies, "Writers", "ANY Writers");
        implicit(aPolicies, "Admins", "MAJORITY Admins");
        implicit(aPolicies, "LifecycleEndorsement", "MAJORITY Endorsement");
        implicit(aPolicies, "Endorsement", "MAJORITY Endorsement");
        application.putObject("Capabilities").put("V2_5", true);

        ObjectNode profile = YAML.createObjectNode();
        ObjectNode cPolicies = profile.putObject("Policies");
        implicit(cPolicies, "Readers", "ANY Readers");
        implicit(cPolicies, "Writers", "ANY Writers");
        implicit(cPolicies, "Admins", "MAJORITY Admins");
        profile.putObject("Capabilities").put("V2_0", true);
        profile.set("Orderer", orderer);
        profile.set("Application", application);

        ObjectNode root = YAML.createObjectNode();
        root.putObject("Profiles").set(PROFILE, profile);
        write(out.resolve("configtx").resolve("configtx.yaml"), root);
    }

    private void writeEnv(Plan plan) throws IOException {
        StringBuilder env = new StringBuilder("# Written by fundtrail network fabric-config; sourced by network.sh.\n");
        env.append("CHANNEL=").append(quote(def.channel())).append('\n');
        env.append("CHAINCODE=").append(quote(def.chaincode())).append('\n');
        env.append("ENDORSEMENT_POLICY=").append(quote(def.endorsementPolicy())).append('\n');
        env.append("CHAINCODE_PORT=").append(plan.chaincodePort()).append('\n');
        env.append("ORDERER_MSP=").append(quote(def.orderer().mspId())).append('\n');
        env.append("ORDERER_TLS_CA=").append(quote(ordererTlsCa().toString())).append('\n');
        Path ordererAdmin = ordererOrg().resolve("users").resolve("Admin@" + def.orderer().domain());
        env.append("ORDERER_ADMIN_TLS_CERT=").append(quote(ordererAdmin.resolve("tls/client.crt").toString())).append('\n');
        env.append("ORDERER_ADMIN_TLS_KEY=").append(quote(ordererAdmin.resolve("tls/client.key").toString())).append('\n');
        array(env, "ORDERER_NAMES", plan.orderers(), FabricNode::name);
        array(env, "ORDERER_PORTS", plan.orderers(), n -> String.valueOf(n.port()));
        array(env, "ORDERER_ADMIN_PORTS", plan.orderers(), n -> String.valueOf(n.secondPort()));
        array(env, "ORDERER_OPS_PORTS", plan.orderers(), n -> String.valueOf(n.operationsPort()));
        array(env, "PEER_NAMES", plan.peers(), FabricNode::name);
        array(env, "PEER_MSPS", plan.peers(), FabricNode::mspId);
        array(env, "PEER_HOSTS", plan.peers(), FabricNode::host);
        array(env, "PEER_PORTS", plan.peers(), n -> String.valueOf(n.port()));
        array(env, "PEER_CC_PORTS", plan.peers(), n -> String.valueOf(n.secondPort()));
        array(env, "PEER_OPS_PORTS", plan.peers(), n -> String.valueOf(n.operationsPort()));
        array(env, "PEER_TLS_CAS", plan.peers(), n -> peerTlsCa(n.mspId()).toString());
        array(env, "PEER_ADMIN_MSPS", plan.peers(), n -> adminMsp(n.mspId()).toString());
        Files.writeString(out.resolve("network.env"), env.toString());
    }

    private Path adminMsp(String mspId) {
        OrgDefinition org = def.org(mspId);
        String admin = org.users().stream().filter(u -> u.nodeAdmin()).map(u -> u.name()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(mspId + " has no user with nodeAdmin: true"));
        return peerOrg(mspId).resolve("users").resolve(admin + "@" + org.domain()).resolve("msp");
    }

    private static void array(StringBuilder env, String name, List<FabricNode> nodes,
                              java.util.function.Function<FabricNode, String> value) {
        env.append(name).append("=(");
        for (FabricNode node : nodes) {
            env.append(' ').append(quote(value.apply(node)));
        }
        env.append(" )\n");
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void policy(ObjectNode policies, String name, String rule) {
        ObjectNode p = policies.putObject(name);
        p.put("Type", "Signature");
        p.put("Rule", rule);
    }

    private static void implicit(ObjectNode policies, String name, String rule) {
        ObjectNode p = policies.putObject(name);
        p.put("Type", "ImplicitMeta");
        p.put("Rule", rule);
    }

    private static ObjectNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Fabric's sample configuration " + file + " is missing (it comes with the binaries: "
                    + "sampleconfig/ of the source, config/ of a release)");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            JsonNode node = YAML.readTree(reader);
            if (!(node instanceof ObjectNode object)) {
                throw new IOException(file + " is not a YAML mapping");
            }
            return object;
        }
    }

    private static void write(Path file, JsonNode yaml) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            YAML.writeValue(writer, yaml);
        }
    }

    private static ObjectNode parent(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static void set(ObjectNode root, String path, String value) {
        parent(root, path).put(leaf(path), value);
    }

    private static void set(ObjectNode root, String path, int value) {
        parent(root, path).put(leaf(path), value);
    }

    private static void set(ObjectNode root, String path, boolean value) {
        parent(root, path).put(leaf(path), value);
    }

    private static void setList(ObjectNode root, String path, String value) {
        parent(root, path).putArray(leaf(path)).add(value);
    }

    /** Port numbers by key, chosen once and kept in a properties file. */
    private static final class Ports {
        private final Path file;
        private final Properties values = new Properties();
        private final boolean auto;
        private final Set<Integer> taken = new HashSet<>();

        private Ports(Path file, boolean auto) {
            this.file = file;
            this.auto = auto;
        }

        static Ports load(Path file, boolean auto) throws IOException {
            Ports ports = new Ports(file, auto);
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    ports.values.load(reader);
                }
            }
            return ports;
        }

        int get(String key, int fixed) throws IOException {
            String known = values.getProperty(key);
            if (known != null) {
                return Integer.parseInt(known);
            }
            int port = auto ? free() : fixed;
            values.setProperty(key, String.valueOf(port));
            return port;
        }

        private int free() throws IOException {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    int port = socket.getLocalPort();
                    // Never the same port twice in one plan, though each probe socket is closed at once.
                    if (taken.add(port)) {
                        return port;
                    }
                }
            }
            throw new IOException("no free port on 127.0.0.1");
        }

        void save() throws IOException {
            try (Writer writer = Files.newBufferedWriter(file)) {
                values.store(writer, "Ports of the native Fabric network; delete the network folder to choose again");
            }
        }
    }
}

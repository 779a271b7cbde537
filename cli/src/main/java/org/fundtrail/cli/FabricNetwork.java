package org.fundtrail.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrdererOrgDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;
import org.fundtrail.network.fabric.FabricConfig;
import org.fundtrail.network.fabric.FabricNode;

/**
 * A data folder for a native Fabric network: the same definition and crypto material as an embedded
 * network ({@link Network}), plus Fabric's configuration under {@code DATA/fabric/} and connection
 * files that reach each user's own org's peer over TLS.
 */
final class FabricNetwork {
    private FabricNetwork() {
    }

    /**
     * The definition with at least {@code orderers} Raft orderers ({@code orderer0}, {@code orderer1}, ...).
     *
     * @param definition the folder's definition
     * @param orderers how many orderers; 0 keeps the definition's
     * @return the definition to configure
     */
    static NetworkDefinition definition(NetworkDefinition definition, int orderers) {
        OrdererOrgDefinition od = definition.orderer();
        if (orderers <= od.orderers().size()) {
            return definition;
        }
        List<String> names = new ArrayList<>(od.orderers());
        for (int i = 0; names.size() < orderers; i++) {
            if (!names.contains("orderer" + i)) {
                names.add("orderer" + i);
            }
        }
        return new NetworkDefinition(definition.name(), definition.channel(), definition.chaincode(),
                definition.endorsementPolicy(), new OrdererOrgDefinition(od.mspId(), od.domain(), names),
                definition.organizations(), definition.ports());
    }

    /**
     * Generates what is missing of the crypto material, writes Fabric's configuration and (re)writes
     * every user's connection file.
     *
     * @return the plan of nodes and ports
     */
    static FabricConfig.Plan configure(DataDir dir, NetworkDefinition definition, Path sampleConfig, Path builder,
                                       boolean autoPorts, String batchTimeout) throws IOException {
        Path cryptoRoot = dir.nodeDir().resolve("crypto");
        NetworkCrypto crypto = CryptoGenerator.generate(definition, cryptoRoot);
        FabricConfig.Plan plan = FabricConfig.newInstance().definition(definition).cryptoRoot(cryptoRoot)
                .outputDirectory(dir.root().resolve("fabric")).sampleConfig(sampleConfig).builder(builder)
                .autoPorts(autoPorts).batchTimeout(batchTimeout).build().write();
        for (OrgDefinition org : definition.organizations()) {
            FabricNode peer = plan.peer(org.mspId());
            Path tlsCa = crypto.peerTls(org.mspId()).caCertificate();
            for (UserDefinition user : org.users()) {
                Network.connection(definition, crypto, org, user, "127.0.0.1:" + peer.port(), tlsCa, peer.host())
                        .write(dir.connectionFile(org.mspId(), user.name()));
            }
        }
        return plan;
    }
}

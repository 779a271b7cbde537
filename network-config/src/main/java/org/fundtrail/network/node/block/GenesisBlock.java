package org.fundtrail.network.node.block;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.fundtrail.network.crypto.MspMaterial;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.node.endorse.Endorser;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockDataHashingStructure;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Config;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HashingAlgorithm;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.FabricCryptoConfig;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.FabricNodeOUs;
import org.hyperledger.fabric.protos.msp.FabricOUIdentifier;
import org.hyperledger.fabric.protos.msp.MSPConfig;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Block 0: a CONFIG transaction whose {@code ConfigEnvelope} holds the channel's MSP definitions
 * (root and TLS root certificates, CRLs, NodeOUs) in Fabric's channel-config layout
 * ({@code Channel/Application/<org>/MSP}, {@code Channel/Orderer/<org>/MSP}), so that a verifier can
 * bootstrap trust from the ledger itself. Signed by the orderer like every block.
 *
 * <pre>{@code Block genesis = GenesisBlock.create("fundtrail", appMsps, ordererMsp, orderer, factory);}</pre>
 */
public final class GenesisBlock {
    private GenesisBlock() {
    }

    /**
     * @param channel the channel name
     * @param applicationMsps the application orgs' MSPs
     * @param ordererMsp the orderer org's MSP
     * @param orderer the orderer's signing identity
     * @param factory the block factory
     * @return block 0
     * @throws GeneralSecurityException when a certificate or CRL cannot be encoded
     */
    public static Block create(String channel, List<MspMaterial> applicationMsps, MspMaterial ordererMsp,
            SigningIdentity orderer, BlockFactory factory) throws GeneralSecurityException {
        ConfigGroup.Builder application = ConfigGroup.newBuilder().setModPolicy("Admins");
        for (MspMaterial m : applicationMsps) {
            application.putGroups(m.mspId(), orgGroup(m));
        }
        ConfigGroup.Builder ordererGroup = ConfigGroup.newBuilder().setModPolicy("Admins")
                .putGroups(ordererMsp.mspId(), orgGroup(ordererMsp));
        ConfigGroup channelGroup = ConfigGroup.newBuilder().setModPolicy("Admins")
                .putGroups("Application", application.build()).putGroups("Orderer", ordererGroup.build())
                .putValues("HashingAlgorithm", value(HashingAlgorithm.newBuilder().setName("SHA256").build().toByteString()))
                .putValues("BlockDataHashingStructure",
                        value(BlockDataHashingStructure.newBuilder().setWidth(0xffffffff).build().toByteString()))
                .build();
        ConfigEnvelope config = ConfigEnvelope.newBuilder()
                .setConfig(Config.newBuilder().setSequence(0).setChannelGroup(channelGroup)).build();
        byte[] nonce = new byte[24];
        new SecureRandom().nextBytes(nonce);
        ByteString creator = Endorser.serialize(orderer);
        Instant now = Instant.now();
        ChannelHeader ch = ChannelHeader.newBuilder().setType(HeaderType.CONFIG_VALUE).setChannelId(channel)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setTxId(Endorser.computeTxId(ByteString.copyFrom(nonce), creator)).build();
        Payload payload = Payload.newBuilder().setHeader(Header.newBuilder().setChannelHeader(ch.toByteString())
                .setSignatureHeader(SignatureHeader.newBuilder().setCreator(creator).setNonce(ByteString.copyFrom(nonce))
                        .build().toByteString()))
                .setData(config.toByteString()).build();
        Envelope env = Envelope.newBuilder().setPayload(payload.toByteString())
                .setSignature(ByteString.copyFrom(orderer.sign(payload.toByteArray()))).build();
        return factory.build(0, new byte[0], List.of(env.toByteString()), new byte[] {(byte) TxValidationCode.VALID_VALUE});
    }

    private static ConfigValue value(ByteString bytes) {
        return ConfigValue.newBuilder().setModPolicy("Admins").setValue(bytes).build();
    }

    private static ConfigGroup orgGroup(MspMaterial m) throws GeneralSecurityException {
        FabricMSPConfig.Builder msp = FabricMSPConfig.newBuilder().setName(m.mspId())
                .setCryptoConfig(FabricCryptoConfig.newBuilder().setSignatureHashFamily("SHA2")
                        .setIdentityIdentifierHashFunction("SHA256"));
        for (X509Certificate c : m.rootCerts()) {
            msp.addRootCerts(pem("CERTIFICATE", c.getEncoded()));
        }
        for (X509Certificate c : m.tlsRootCerts()) {
            msp.addTlsRootCerts(pem("CERTIFICATE", c.getEncoded()));
        }
        for (X509CRL crl : m.crls()) {
            msp.addRevocationList(pem("X509 CRL", crl.getEncoded()));
        }
        if (m.nodeOusEnabled() && !m.rootCerts().isEmpty()) {
            ByteString root = pem("CERTIFICATE", m.rootCerts().get(0).getEncoded());
            msp.setFabricNodeOus(FabricNodeOUs.newBuilder().setEnable(true)
                    .setClientOuIdentifier(ou(root, "client")).setPeerOuIdentifier(ou(root, "peer"))
                    .setAdminOuIdentifier(ou(root, "admin")).setOrdererOuIdentifier(ou(root, "orderer")));
        }
        MSPConfig config = MSPConfig.newBuilder().setType(0).setConfig(msp.build().toByteString()).build();
        return ConfigGroup.newBuilder().setModPolicy("Admins").putValues("MSP", value(config.toByteString())).build();
    }

    private static FabricOUIdentifier ou(ByteString root, String name) {
        return FabricOUIdentifier.newBuilder().setCertificate(root).setOrganizationalUnitIdentifier(name).build();
    }

    private static ByteString pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ByteString.copyFromUtf8("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }
}

package org.fundtrail.client.verify;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.ConfigEnvelope;
import org.hyperledger.fabric.protos.common.ConfigGroup;
import org.hyperledger.fabric.protos.common.ConfigPolicy;
import org.hyperledger.fabric.protos.common.ConfigValue;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.ImplicitMetaPolicy;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.Policy;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;
import org.hyperledger.fabric.protos.msp.FabricMSPConfig;
import org.hyperledger.fabric.protos.msp.MSPConfig;

/**
 * What a verifier trusts about a channel: its name, the application orgs' MSPs (creators and
 * endorsers), the orderer orgs' MSPs (block signers), and the chaincode endorsement policy. Read from a
 * config block ({@code Channel/Application/<org>/MSP}, {@code Channel/Orderer/<org>/MSP}, and the
 * {@code Channel/Application} policy {@code Endorsement} when present, signature or implicit-meta).
 *
 * <pre>{@code
 * ChannelConfig config = ChannelConfig.fromConfigBlock(block0)
 *         .withEndorsementPolicy(EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')"));
 * }</pre>
 */
public final class ChannelConfig {
    /** The name of the channel-level endorsement policy in the Application group. */
    public static final String ENDORSEMENT_POLICY = "Endorsement";

    private final String channelId;
    private final Map<String, Msp> applicationMsps;
    private final Map<String, Msp> ordererMsps;
    private final EndorsementPolicy endorsementPolicy;

    private ChannelConfig(String channelId, Map<String, Msp> applicationMsps, Map<String, Msp> ordererMsps,
            EndorsementPolicy endorsementPolicy) {
        this.channelId = channelId;
        this.applicationMsps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(applicationMsps));
        this.ordererMsps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ordererMsps));
        this.endorsementPolicy = endorsementPolicy;
    }

    /**
     * @param channelId the channel name
     * @param applicationMsps the application orgs' MSPs
     * @param ordererMsps the orderer orgs' MSPs
     * @param endorsementPolicy the chaincode endorsement policy, or null when not known yet
     * @return the configuration
     */
    public static ChannelConfig of(String channelId, List<Msp> applicationMsps, List<Msp> ordererMsps,
            EndorsementPolicy endorsementPolicy) {
        Objects.requireNonNull(channelId, "channelId");
        return new ChannelConfig(channelId, byId(applicationMsps), byId(ordererMsps), endorsementPolicy);
    }

    private static Map<String, Msp> byId(List<Msp> msps) {
        Map<String, Msp> map = new LinkedHashMap<>();
        for (Msp m : msps) {
            map.put(m.mspId(), m);
        }
        return map;
    }

    /**
     * Reads the configuration a config block (block 0) carries. Checks no signature.
     *
     * @param configBlock a block whose only envelope is a CONFIG transaction
     * @return the channel configuration
     * @throws MalformedBlockException when the block holds no readable channel configuration
     */
    public static ChannelConfig fromConfigBlock(Block configBlock) throws MalformedBlockException {
        long n = configBlock.getHeader().getNumber();
        if (configBlock.getData().getDataCount() != 1) {
            throw new MalformedBlockException(n, -1, null, "a config block holds exactly one envelope", "1",
                    String.valueOf(configBlock.getData().getDataCount()));
        }
        try {
            Envelope env = Envelope.parseFrom(configBlock.getData().getData(0));
            Payload payload = Payload.parseFrom(env.getPayload());
            ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (ch.getType() != HeaderType.CONFIG_VALUE) {
                throw new MalformedBlockException(n, 0, ch.getTxId(), "not a config transaction",
                        HeaderType.CONFIG.name(), String.valueOf(HeaderType.forNumber(ch.getType())));
            }
            ConfigGroup channel = ConfigEnvelope.parseFrom(payload.getData()).getConfig().getChannelGroup();
            ConfigGroup application = channel.getGroupsOrDefault("Application", ConfigGroup.getDefaultInstance());
            ConfigGroup orderer = channel.getGroupsOrDefault("Orderer", ConfigGroup.getDefaultInstance());
            Map<String, Msp> app = msps(application);
            Map<String, Msp> ord = msps(orderer);
            if (ord.isEmpty()) {
                throw new MalformedBlockException(n, 0, ch.getTxId(), "the configuration names no orderer MSP",
                        "Channel/Orderer/<org>/MSP", "none");
            }
            return new ChannelConfig(ch.getChannelId(), app, ord, endorsementPolicy(application));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new MalformedBlockException(n, 0, null, "unreadable channel configuration: " + e.getMessage(),
                    null, null);
        }
    }

    private static Map<String, Msp> msps(ConfigGroup parent) throws InvalidProtocolBufferException {
        Map<String, Msp> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigGroup> org : new java.util.TreeMap<>(parent.getGroupsMap()).entrySet()) {
            ConfigValue value = org.getValue().getValuesMap().get("MSP");
            if (value == null) {
                continue;
            }
            MSPConfig config = MSPConfig.parseFrom(value.getValue());
            if (config.getType() != 0) {
                throw new IllegalArgumentException("org " + org.getKey() + ": MSP type " + config.getType()
                        + " is not FABRIC (0)");
            }
            Msp msp = Msp.fromConfig(FabricMSPConfig.parseFrom(config.getConfig()));
            out.put(msp.mspId(), msp);
        }
        return out;
    }

    private static EndorsementPolicy endorsementPolicy(ConfigGroup application) throws InvalidProtocolBufferException {
        SignaturePolicyEnvelope envelope = signaturePolicy(application, ENDORSEMENT_POLICY);
        return envelope == null ? null : EndorsementPolicy.fromEnvelope(envelope);
    }

    /** A group's policy as one signature policy; implicit-meta policies are resolved over the sub-groups. */
    private static SignaturePolicyEnvelope signaturePolicy(ConfigGroup group, String name)
            throws InvalidProtocolBufferException {
        ConfigPolicy cp = group.getPoliciesMap().get(name);
        if (cp == null) {
            return null;
        }
        Policy policy = cp.getPolicy();
        if (policy.getType() == Policy.PolicyType.SIGNATURE_VALUE) {
            return SignaturePolicyEnvelope.parseFrom(policy.getValue());
        }
        if (policy.getType() != Policy.PolicyType.IMPLICIT_META_VALUE) {
            return null;
        }
        ImplicitMetaPolicy meta = ImplicitMetaPolicy.parseFrom(policy.getValue());
        List<SignaturePolicyEnvelope> subs = new ArrayList<>();
        for (ConfigGroup sub : new java.util.TreeMap<>(group.getGroupsMap()).values()) {
            SignaturePolicyEnvelope s = signaturePolicy(sub, meta.getSubPolicy());
            if (s == null) {
                return null;
            }
            subs.add(s);
        }
        int n = switch (meta.getRule()) {
            case ANY -> 1;
            case ALL -> subs.size();
            case MAJORITY -> subs.size() / 2 + 1;
            default -> -1;
        };
        return n < 0 || subs.isEmpty() ? null : combine(n, subs);
    }

    private static SignaturePolicyEnvelope combine(int n, List<SignaturePolicyEnvelope> subs) {
        List<MSPPrincipal> identities = new ArrayList<>();
        SignaturePolicy.NOutOf.Builder rule = SignaturePolicy.NOutOf.newBuilder().setN(n);
        for (SignaturePolicyEnvelope s : subs) {
            rule.addRules(shift(s.getRule(), identities.size()));
            identities.addAll(s.getIdentitiesList());
        }
        return SignaturePolicyEnvelope.newBuilder().setRule(SignaturePolicy.newBuilder().setNOutOf(rule))
                .addAllIdentities(identities).build();
    }

    private static SignaturePolicy shift(SignaturePolicy rule, int offset) {
        if (!rule.hasNOutOf()) {
            return SignaturePolicy.newBuilder().setSignedBy(rule.getSignedBy() + offset).build();
        }
        SignaturePolicy.NOutOf.Builder b = SignaturePolicy.NOutOf.newBuilder().setN(rule.getNOutOf().getN());
        for (SignaturePolicy r : rule.getNOutOf().getRulesList()) {
            b.addRules(shift(r, offset));
        }
        return SignaturePolicy.newBuilder().setNOutOf(b).build();
    }

    /**
     * @param policy the chaincode endorsement policy (e.g. the network definition's)
     * @return a copy of this configuration with that policy
     */
    public ChannelConfig withEndorsementPolicy(EndorsementPolicy policy) {
        return new ChannelConfig(channelId, applicationMsps, ordererMsps, Objects.requireNonNull(policy, "policy"));
    }

    /** @return the channel name */
    public String channelId() {
        return channelId;
    }

    /** @return the application orgs' MSPs by MSP ID */
    public Map<String, Msp> applicationMsps() {
        return applicationMsps;
    }

    /** @return the orderer orgs' MSPs by MSP ID */
    public Map<String, Msp> ordererMsps() {
        return ordererMsps;
    }

    /** @return the chaincode endorsement policy, when the configuration defines one or one was given */
    public Optional<EndorsementPolicy> endorsementPolicy() {
        return Optional.ofNullable(endorsementPolicy);
    }

    @Override
    public String toString() {
        return "ChannelConfig[" + channelId + ", application " + applicationMsps.keySet() + ", orderer "
                + ordererMsps.keySet() + ", endorsement " + endorsementPolicy + "]";
    }
}

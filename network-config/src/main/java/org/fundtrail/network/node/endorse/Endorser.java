package org.fundtrail.network.node.endorse;

import org.fundtrail.network.definition.SignaturePolicy;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.fundtrail.network.crypto.SigningIdentity;
import org.fundtrail.network.node.block.BlockHashing;
import org.fundtrail.network.node.chaincode.ChaincodeRunner;
import org.fundtrail.network.node.chaincode.InvocationContext;
import org.fundtrail.network.node.chaincode.SimulationStub;
import org.fundtrail.network.node.msp.ChannelMsps;
import org.fundtrail.network.node.msp.Identity;
import org.fundtrail.network.node.msp.IdentityException;
import org.fundtrail.network.node.store.LedgerStore;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * The endorsing peers of every org, in one: checks a signed proposal as Fabric's endorser does
 * ({@code core/endorser}: header, txId, creator, signature, duplicate), simulates it through the
 * contract, and for a submit signs one endorsement per endorsing org and assembles the transaction
 * the client signs ({@code protoutil.CreateSignedTx}).
 *
 * <pre>{@code
 * Endorser.Endorsed e = endorser.endorse(signedProposal, List.of());
 * Envelope unsigned = e.preparedTransaction();
 * }</pre>
 */
public final class Endorser {
    /** The chaincode version the node reports in its ChaincodeAction. */
    public static final String CHAINCODE_VERSION = "1.0";

    private final String channel;
    private final String chaincode;
    private final ChannelMsps msps;
    private final LedgerStore store;
    private final ChaincodeRunner runner;
    private final Map<String, SigningIdentity> peers;
    private final SignaturePolicy policy;
    private final Predicate<String> pendingTxId;

    /**
     * @param channel the channel name
     * @param chaincode the chaincode name
     * @param msps the channel MSPs
     * @param store committed state
     * @param runner the contract runner
     * @param peers each application org's peer signing identity, by MSP ID
     * @param policy the chaincode's endorsement policy
     * @param pendingTxId tells whether a transaction ID is already submitted but not yet committed
     */
    public Endorser(String channel, String chaincode, ChannelMsps msps, LedgerStore store, ChaincodeRunner runner,
            Map<String, SigningIdentity> peers, SignaturePolicy policy, Predicate<String> pendingTxId) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.chaincode = Objects.requireNonNull(chaincode, "chaincode");
        this.msps = Objects.requireNonNull(msps, "msps");
        this.store = Objects.requireNonNull(store, "store");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.peers = Map.copyOf(peers);
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pendingTxId = Objects.requireNonNull(pendingTxId, "pendingTxId");
    }

    /**
     * A successful endorsement.
     *
     * @param txId the transaction ID
     * @param preparedTransaction the endorsed, unsigned transaction envelope
     * @param response the chaincode's response
     */
    public record Endorsed(String txId, Envelope preparedTransaction, Response response) {
    }

    /**
     * Checks, simulates and endorses a proposal.
     *
     * @param signedProposal the client's signed proposal
     * @param endorsingOrgs MSP IDs the client asked to endorse; empty to follow the policy
     * @return the prepared transaction
     * @throws EndorserException when the proposal is refused or the chaincode returns an error
     */
    public Endorsed endorse(SignedProposal signedProposal, List<String> endorsingOrgs) throws EndorserException {
        Unpacked up = unpackAndCheck(signedProposal, true, false);
        List<String> orgs = endorsingOrgs.isEmpty() ? policy.endorsingOrgs() : endorsingOrgs;
        Simulation sim = simulate(up, orgs.isEmpty() ? "" : orgs.get(0));
        if (sim.stub.usedPagination() && sim.stub.hasWrites()) {
            throw new EndorserException(EndorserException.Kind.CHAINCODE,
                    "chaincode response 500, paginated queries are supported only in a read-only transaction");
        }
        TxReadWriteSet rwset = TxReadWriteSet.newBuilder().setDataModel(TxReadWriteSet.DataModel.KV)
                .addNsRwset(NsReadWriteSet.newBuilder().setNamespace(chaincode).setRwset(sim.stub.readWriteSet().toByteString()))
                .build();
        ChaincodeAction action = ChaincodeAction.newBuilder().setResults(rwset.toByteString())
                .setEvents(sim.stub.getEvent() == null ? ByteString.EMPTY : sim.stub.getEvent().toByteString())
                .setResponse(sim.response)
                .setChaincodeId(ChaincodeID.newBuilder().setName(chaincode).setVersion(CHAINCODE_VERSION)).build();
        ByteString noTransient = ChaincodeProposalPayload.newBuilder().setInput(up.payload.getInput()).build()
                .toByteString();
        ProposalResponsePayload prp = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(BlockHashing.sha256(up.header.getChannelHeader().toByteArray(),
                        up.header.getSignatureHeader().toByteArray(), noTransient.toByteArray())))
                .setExtension(action.toByteString()).build();
        ByteString prpBytes = prp.toByteString();
        ChaincodeEndorsedAction.Builder endorsed = ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(prpBytes);
        for (String mspId : orgs) {
            SigningIdentity peer = peers.get(mspId);
            if (peer == null) {
                throw new EndorserException(EndorserException.Kind.PEER, "no peer of organization " + mspId + " in the network");
            }
            ByteString endorser = serialize(peer);
            byte[] signature = peer.sign(concat(prpBytes, endorser));
            endorsed.addEndorsements(Endorsement.newBuilder().setEndorser(endorser).setSignature(ByteString.copyFrom(signature)));
        }
        ChaincodeActionPayload cap = ChaincodeActionPayload.newBuilder().setChaincodeProposalPayload(noTransient)
                .setAction(endorsed).build();
        Transaction tx = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(up.header.getSignatureHeader()).setPayload(cap.toByteString())).build();
        Payload payload = Payload.newBuilder().setHeader(up.header).setData(tx.toByteString()).build();
        return new Endorsed(up.channelHeader.getTxId(), Envelope.newBuilder().setPayload(payload.toByteString()).build(),
                sim.response);
    }

    /**
     * Checks and simulates a proposal without ordering it. A proposal for the query system chaincode
     * ({@code qscc}) is answered by the node ({@link QuerySystemChaincode}: {@code GetChainInfo}).
     *
     * @param signedProposal the client's signed proposal
     * @return the chaincode's response
     * @throws EndorserException when the proposal is refused or the chaincode returns an error
     */
    public Response evaluate(SignedProposal signedProposal) throws EndorserException {
        Unpacked up = unpackAndCheck(signedProposal, false, true);
        if (ChaincodeHeaderExtensionName.of(up.channelHeader).equals(QuerySystemChaincode.NAME)) {
            return QuerySystemChaincode.invoke(store, channel, up.invocation.getChaincodeSpec().getInput().getArgsList());
        }
        List<String> orgs = policy.endorsingOrgs();
        return simulate(up, orgs.isEmpty() ? "" : orgs.get(0)).response;
    }

    /**
     * @param peer a peer signing identity
     * @return its serialized {@code SerializedIdentity}
     */
    public static ByteString serialize(SigningIdentity peer) {
        return SerializedIdentity.newBuilder().setMspid(peer.mspId())
                .setIdBytes(ByteString.copyFromUtf8(peer.certificatePem())).build().toByteString();
    }

    private record Simulation(SimulationStub stub, Response response) {
    }

    private Simulation simulate(Unpacked up, String peerMspId) throws EndorserException {
        InvocationContext ctx = new InvocationContext(chaincode, channel, up.channelHeader.getTxId(),
                up.invocation.getChaincodeSpec().getInput().getArgsList(), up.signatureHeader.getCreator(),
                Instant.ofEpochSecond(up.channelHeader.getTimestamp().getSeconds(), up.channelHeader.getTimestamp().getNanos()),
                up.signedProposal, up.payload.getTransientMapMap(), binding(up), peerMspId);
        SimulationStub stub = new SimulationStub(ctx, store);
        Chaincode.Response r;
        try {
            r = runner.invoke(stub);
        } catch (UncheckedIOException e) {
            throw new EndorserException(EndorserException.Kind.PEER, "error in simulation: " + e.getMessage());
        }
        Response.Builder response = Response.newBuilder().setStatus(r.getStatusCode());
        if (r.getMessage() != null) {
            response.setMessage(r.getMessage());
        }
        if (r.getPayload() != null) {
            response.setPayload(ByteString.copyFrom(r.getPayload()));
        }
        if (r.getStatusCode() < 200 || r.getStatusCode() >= 400) {
            throw new EndorserException(EndorserException.Kind.CHAINCODE,
                    "chaincode response " + r.getStatusCode() + ", " + (r.getMessage() == null ? "" : r.getMessage()));
        }
        return new Simulation(stub, response.build());
    }

    private static ByteString binding(Unpacked up) {
        byte[] epoch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(up.channelHeader.getEpoch()).array();
        return ByteString.copyFrom(BlockHashing.sha256(up.signatureHeader.getNonce().toByteArray(),
                up.signatureHeader.getCreator().toByteArray(), epoch));
    }

    private record Unpacked(SignedProposal signedProposal, Header header, ChannelHeader channelHeader,
            SignatureHeader signatureHeader, ChaincodeProposalPayload payload, ChaincodeInvocationSpec invocation) {
    }

    /**
     * @param checkDuplicate whether a txId already committed or pending refuses the proposal (endorse)
     * @param systemQuery whether the query system chaincode ({@code qscc}) may be named (evaluate)
     */
    private Unpacked unpackAndCheck(SignedProposal sp, boolean checkDuplicate, boolean systemQuery)
            throws EndorserException {
        Unpacked up;
        try {
            Proposal proposal = Proposal.parseFrom(sp.getProposalBytes());
            Header header = Header.parseFrom(proposal.getHeader());
            ChannelHeader ch = ChannelHeader.parseFrom(header.getChannelHeader());
            SignatureHeader sh = SignatureHeader.parseFrom(header.getSignatureHeader());
            ChaincodeHeaderExtension ext = ChaincodeHeaderExtension.parseFrom(ch.getExtension());
            ChaincodeProposalPayload cpp = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
            ChaincodeInvocationSpec cis = ChaincodeInvocationSpec.parseFrom(cpp.getInput());
            if (ext.getChaincodeId().getName().isEmpty()) {
                throw new EndorserException(EndorserException.Kind.MALFORMED, "ChaincodeHeaderExtension.ChaincodeId.Name is empty");
            }
            if (cis.getChaincodeSpec().getInput().getArgsCount() == 0) {
                throw new EndorserException(EndorserException.Kind.MALFORMED, "chaincode input did not contain any input");
            }
            up = new Unpacked(sp, header, ch, sh, cpp, cis);
        } catch (InvalidProtocolBufferException e) {
            throw new EndorserException(EndorserException.Kind.MALFORMED, "error unmarshalling proposal: " + e.getMessage());
        }
        ChannelHeader ch = up.channelHeader;
        if (!ch.getChannelId().equals(channel)) {
            throw EndorserException.notDeployed(ChaincodeHeaderExtensionName.of(ch), ch.getChannelId());
        }
        String prefix = "error validating proposal: ";
        if (ch.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            throw new EndorserException(EndorserException.Kind.PEER, prefix + "invalid header type " + ch.getType());
        }
        if (ch.getEpoch() != 0) {
            throw new EndorserException(EndorserException.Kind.PEER, prefix + "epoch is non-zero");
        }
        if (up.signatureHeader.getNonce().isEmpty()) {
            throw new EndorserException(EndorserException.Kind.PEER, prefix + "nonce is empty");
        }
        if (up.signatureHeader.getCreator().isEmpty()) {
            throw new EndorserException(EndorserException.Kind.PEER, prefix + "creator is empty");
        }
        String expected = computeTxId(up.signatureHeader.getNonce(), up.signatureHeader.getCreator());
        if (!expected.equals(ch.getTxId())) {
            throw new EndorserException(EndorserException.Kind.PEER,
                    prefix + "incorrectly computed txid '" + ch.getTxId() + "' -- expected '" + expected + "'");
        }
        if (sp.getSignature().isEmpty()) {
            throw new EndorserException(EndorserException.Kind.PEER, prefix + "empty signature bytes");
        }
        Identity creator;
        try {
            creator = msps.deserialize(up.signatureHeader.getCreator());
        } catch (IdentityException e) {
            if (e.mspId() == null || !msps.mspIds().contains(e.mspId())) {
                throw new EndorserException(EndorserException.Kind.PEER,
                        prefix + "access denied: channel [" + channel + "] creator org unknown, creator is malformed");
            }
            throw new EndorserException(EndorserException.Kind.PEER,
                    prefix + "access denied: channel [" + channel + "] creator org [" + e.mspId() + "]");
        }
        if (!msps.verify(creator, sp.getProposalBytes().toByteArray(), sp.getSignature().toByteArray())) {
            throw new EndorserException(EndorserException.Kind.PEER,
                    prefix + "access denied: channel [" + channel + "] creator org [" + creator.mspId() + "]");
        }
        if (checkDuplicate) {
            boolean duplicate;
            try {
                duplicate = store.transaction(ch.getTxId()).isPresent() || pendingTxId.test(ch.getTxId());
            } catch (IOException e) {
                throw new EndorserException(EndorserException.Kind.PEER, "failed to read the ledger: " + e.getMessage());
            }
            if (duplicate) {
                throw new EndorserException(EndorserException.Kind.PEER, "duplicate transaction found [" + ch.getTxId()
                        + "]. Creator [" + HexFormat.of().formatHex(up.signatureHeader.getCreator().toByteArray()) + "]");
            }
        }
        String cc = ChaincodeHeaderExtensionName.of(ch);
        if (!cc.equals(chaincode) && !(systemQuery && cc.equals(QuerySystemChaincode.NAME))) {
            throw EndorserException.notDeployed(cc, channel);
        }
        return up;
    }

    /**
     * @param nonce the signature header's nonce
     * @param creator the serialized creator
     * @return Fabric's transaction ID: hex SHA-256 of nonce then creator
     */
    public static String computeTxId(ByteString nonce, ByteString creator) {
        return HexFormat.of().formatHex(BlockHashing.sha256(nonce.toByteArray(), creator.toByteArray()));
    }

    private static byte[] concat(ByteString a, ByteString b) {
        return a.concat(b).toByteArray();
    }

    /** Reads the chaincode name from a channel header's extension. */
    private static final class ChaincodeHeaderExtensionName {
        static String of(ChannelHeader ch) {
            try {
                return ChaincodeHeaderExtension.parseFrom(ch.getExtension()).getChaincodeId().getName();
            } catch (InvalidProtocolBufferException e) {
                return "";
            }
        }
    }
}

package org.fundtrail.network.node.order;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fundtrail.network.node.endorse.Endorser;
import org.fundtrail.network.definition.SignaturePolicy;
import org.fundtrail.network.node.msp.ChannelMsps;
import org.fundtrail.network.node.msp.Identity;
import org.fundtrail.network.node.msp.IdentityException;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.common.Status;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The envelope checks of ordering and validation that need no ledger state: the orderer's
 * Writers check (creator valid, envelope signature) and the committer's transaction checks
 * ({@code core/common/validation} and VSCC: header, txId, endorsement signatures, endorsement
 * policy). They run on the submitting thread, so signature work spreads over all cores.
 */
final class TransactionChecker {
    private static final String WRITERS_FAILED = "implicit policy evaluation failed - 0 sub-policies were satisfied,"
            + " but this policy requires 1 of the 'Writers' sub-policies to be satisfied";
    private final String channel;
    private final String chaincode;
    private final ChannelMsps msps;
    private final SignaturePolicy policy;

    TransactionChecker(String channel, String chaincode, ChannelMsps msps, SignaturePolicy policy) {
        this.channel = channel;
        this.chaincode = chaincode;
        this.msps = msps;
        this.policy = policy;
    }

    PendingTransaction check(Envelope envelope) throws SubmitRefusedException {
        Payload payload;
        ChannelHeader ch;
        SignatureHeader sh;
        try {
            payload = Payload.parseFrom(envelope.getPayload());
            ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        } catch (InvalidProtocolBufferException e) {
            throw new SubmitRefusedException(Status.BAD_REQUEST, "bad payload: " + e.getMessage());
        }
        if (!ch.getChannelId().equals(channel)) {
            throw new SubmitRefusedException(Status.NOT_FOUND, "channel " + ch.getChannelId() + " not found");
        }
        if (ch.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            throw new SubmitRefusedException(Status.BAD_REQUEST, "unsupported header type " + ch.getType());
        }
        Identity creator;
        try {
            creator = msps.deserialize(sh.getCreator());
        } catch (IdentityException e) {
            throw new SubmitRefusedException(Status.FORBIDDEN, WRITERS_FAILED);
        }
        if (!msps.verify(creator, envelope.getPayload().toByteArray(), envelope.getSignature().toByteArray())) {
            throw new SubmitRefusedException(Status.FORBIDDEN, WRITERS_FAILED);
        }
        Instant ts = Instant.ofEpochSecond(ch.getTimestamp().getSeconds(), ch.getTimestamp().getNanos());
        ByteString bytes = envelope.toByteString();
        if (!Endorser.computeTxId(sh.getNonce(), sh.getCreator()).equals(ch.getTxId())) {
            return new PendingTransaction(bytes, ch.getTxId(), ts, TxValidationCode.BAD_PROPOSAL_TXID, List.of());
        }
        try {
            Transaction tx = Transaction.parseFrom(payload.getData());
            if (tx.getActionsCount() != 1) {
                return new PendingTransaction(bytes, ch.getTxId(), ts, TxValidationCode.BAD_PAYLOAD, List.of());
            }
            ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
            ByteString prpBytes = cap.getAction().getProposalResponsePayload();
            ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(prpBytes);
            ChaincodeAction action = ChaincodeAction.parseFrom(prp.getExtension());
            String cc = ChaincodeHeaderExtension.parseFrom(ch.getExtension()).getChaincodeId().getName();
            if (!cc.equals(chaincode) || !action.getChaincodeId().getName().equals(chaincode)) {
                return new PendingTransaction(bytes, ch.getTxId(), ts, TxValidationCode.INVALID_CHAINCODE, List.of());
            }
            List<Identity> signers = new ArrayList<>();
            Set<ByteString> seen = new HashSet<>();
            for (Endorsement e : cap.getAction().getEndorsementsList()) {
                Identity endorser;
                try {
                    endorser = msps.deserialize(e.getEndorser());
                } catch (IdentityException ex) {
                    continue; // an invalid endorser counts for nothing, as in VSCC
                }
                if (seen.add(e.getEndorser())
                        && msps.verify(endorser, prpBytes.concat(e.getEndorser()).toByteArray(), e.getSignature().toByteArray())) {
                    signers.add(endorser);
                }
            }
            if (!policy.isSatisfiedBy(signers, (signer, principal) -> signer.mspId().equals(principal.mspId())
                    && (principal.role().equals("member") || principal.role().equals(signer.role())))) {
                return new PendingTransaction(bytes, ch.getTxId(), ts, TxValidationCode.ENDORSEMENT_POLICY_FAILURE, List.of());
            }
            TxReadWriteSet rwset = TxReadWriteSet.parseFrom(action.getResults());
            return new PendingTransaction(bytes, ch.getTxId(), ts, TxValidationCode.VALID, rwset.getNsRwsetList());
        } catch (InvalidProtocolBufferException e) {
            return new PendingTransaction(bytes, ch.getTxId(), ts, TxValidationCode.BAD_PAYLOAD, List.of());
        }
    }
}

package org.fundtrail.client.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;

/**
 * The parts of one envelope that verification needs, picked out and nothing checked: its headers,
 * the creator's signed data, and, for an endorser transaction, the proposal hash it claims and the one
 * its own header and proposal payload give, each endorsement's signed data, and the chaincode action.
 *
 * @param channelHeader the channel header
 * @param signatureHeader the signature header (creator, nonce)
 * @param creator the creator's signature over the payload
 * @param computedTxId hex SHA-256 of nonce then creator, what the transaction id must be
 * @param claimedProposalHash the proposal hash in the proposal response payload (null unless endorser tx)
 * @param computedProposalHash SHA-256 of channel header, signature header and proposal payload (null unless endorser tx)
 * @param endorsements each endorsement's signed data (empty unless endorser tx)
 * @param headerChaincode the chaincode named by the channel header extension ("" unless endorser tx)
 * @param action the chaincode action (null unless endorser tx)
 * @param actions the number of transaction actions
 */
record TransactionParts(ChannelHeader channelHeader, SignatureHeader signatureHeader, SignedData creator,
        String computedTxId, byte[] claimedProposalHash, byte[] computedProposalHash, List<SignedData> endorsements,
        String headerChaincode, ChaincodeAction action, int actions) {

    /** @return the transaction's timestamp, as the client set it */
    Instant timestamp() {
        return Instant.ofEpochSecond(channelHeader.getTimestamp().getSeconds(), channelHeader.getTimestamp().getNanos());
    }

    boolean isEndorserTransaction() {
        return channelHeader.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE;
    }

    /** @return the read-write set of the chaincode action */
    TxReadWriteSet readWriteSet() throws InvalidProtocolBufferException {
        return TxReadWriteSet.parseFrom(action.getResults());
    }

    static TransactionParts parse(ByteString envelopeBytes) throws InvalidProtocolBufferException {
        Envelope env = Envelope.parseFrom(envelopeBytes);
        Payload payload = Payload.parseFrom(env.getPayload());
        ChannelHeader ch = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
        SignatureHeader sh = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        SignedData creator = new SignedData("creator", sh.getCreator(), env.getPayload().toByteArray(),
                env.getSignature().toByteArray());
        String txId = HexFormat.of().formatHex(BlockHashes.sha256(sh.getNonce().toByteArray(),
                sh.getCreator().toByteArray()));
        if (ch.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            return new TransactionParts(ch, sh, creator, txId, null, null, List.of(), "", null, 0);
        }
        Transaction tx = Transaction.parseFrom(payload.getData());
        if (tx.getActionsCount() != 1) {
            return new TransactionParts(ch, sh, creator, txId, null, null, List.of(), "", null, tx.getActionsCount());
        }
        ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
        ByteString prpBytes = cap.getAction().getProposalResponsePayload();
        ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(prpBytes);
        byte[] computed = BlockHashes.sha256(payload.getHeader().getChannelHeader().toByteArray(),
                payload.getHeader().getSignatureHeader().toByteArray(), cap.getChaincodeProposalPayload().toByteArray());
        List<SignedData> endorsements = new ArrayList<>();
        for (int i = 0; i < cap.getAction().getEndorsementsCount(); i++) {
            Endorsement e = cap.getAction().getEndorsements(i);
            endorsements.add(new SignedData("endorsement " + i, e.getEndorser(), prpBytes.concat(e.getEndorser())
                    .toByteArray(), e.getSignature().toByteArray()));
        }
        String cc = ChaincodeHeaderExtension.parseFrom(ch.getExtension()).getChaincodeId().getName();
        return new TransactionParts(ch, sh, creator, txId, prp.getProposalHash().toByteArray(), computed,
                List.copyOf(endorsements), cc, ChaincodeAction.parseFrom(prp.getExtension()), 1);
    }
}

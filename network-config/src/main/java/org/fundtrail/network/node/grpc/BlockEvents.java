package org.fundtrail.network.node.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.FilteredBlock;
import org.hyperledger.fabric.protos.peer.FilteredChaincodeAction;
import org.hyperledger.fabric.protos.peer.FilteredTransaction;
import org.hyperledger.fabric.protos.peer.FilteredTransactionActions;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Extracts chaincode events and filtered blocks from committed blocks, as a Fabric peer does. */
final class BlockEvents {
    private BlockEvents() {
    }

    /** @return the chaincode events of the block's valid transactions, in block order */
    static List<ChaincodeEvent> chaincodeEvents(Block block) {
        List<ChaincodeEvent> out = new ArrayList<>();
        byte[] filter = filter(block);
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            if (i >= filter.length || filter[i] != TxValidationCode.VALID_VALUE) {
                continue;
            }
            ChaincodeEvent e = event(block, i, null);
            if (e != null && !e.getEventName().isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    static FilteredBlock filtered(Block block, String channel) {
        FilteredBlock.Builder fb = FilteredBlock.newBuilder().setChannelId(channel).setNumber(block.getHeader().getNumber());
        byte[] filter = filter(block);
        for (int i = 0; i < block.getData().getDataCount(); i++) {
            try {
                Payload p = Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
                ChannelHeader ch = ChannelHeader.parseFrom(p.getHeader().getChannelHeader());
                FilteredTransaction.Builder ft = FilteredTransaction.newBuilder().setTxid(ch.getTxId())
                        .setTypeValue(ch.getType()).setTxValidationCodeValue(i < filter.length ? filter[i] : 0);
                if (ch.getType() == HeaderType.ENDORSER_TRANSACTION_VALUE) {
                    FilteredTransactionActions.Builder actions = FilteredTransactionActions.newBuilder();
                    ChaincodeEvent e = event(block, i, p);
                    if (e != null) {
                        actions.addChaincodeActions(FilteredChaincodeAction.newBuilder()
                                .setChaincodeEvent(e.toBuilder().clearPayload()));
                    }
                    ft.setTransactionActions(actions);
                }
                fb.addFilteredTransactions(ft);
            } catch (InvalidProtocolBufferException e) {
                fb.addFilteredTransactions(FilteredTransaction.newBuilder().setTxValidationCodeValue(
                        TxValidationCode.BAD_PAYLOAD_VALUE));
            }
        }
        return fb.build();
    }

    private static ChaincodeEvent event(Block block, int i, Payload payload) {
        try {
            Payload p = payload != null ? payload : Payload.parseFrom(Envelope.parseFrom(block.getData().getData(i)).getPayload());
            ChannelHeader ch = ChannelHeader.parseFrom(p.getHeader().getChannelHeader());
            if (ch.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
                return null;
            }
            Transaction tx = Transaction.parseFrom(p.getData());
            if (tx.getActionsCount() == 0) {
                return null;
            }
            ChaincodeActionPayload cap = ChaincodeActionPayload.parseFrom(tx.getActions(0).getPayload());
            ProposalResponsePayload prp = ProposalResponsePayload.parseFrom(cap.getAction().getProposalResponsePayload());
            ChaincodeAction action = ChaincodeAction.parseFrom(prp.getExtension());
            if (action.getEvents().isEmpty()) {
                return null;
            }
            return ChaincodeEvent.parseFrom(action.getEvents());
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static byte[] filter(Block block) {
        if (block.getMetadata().getMetadataCount() <= BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE) {
            return new byte[0];
        }
        return block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
    }
}

package org.fundtrail.client.readmodel;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.BlockMetadata;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** Makes blocks in Fabric's format whose endorser transactions carry chaincode events, for tests. */
final class BlockBuilder {
    static final String CHAINCODE = "fundtrail";
    static final byte[] CERT = load("officer-cert.pem");
    static final String CERT_SUBJECT = "CN=officer1@health,OU=client,O=Ministry of Health,C=XX";

    private BlockBuilder() {
    }

    /**
     * One transaction to put in a block.
     *
     * @param eventName the chaincode event, or null for none
     * @param payload the event payload
     */
    record Tx(String txId, Instant timestamp, String mspId, String eventName, byte[] payload, TxValidationCode code,
              HeaderType headerType) {
        static Tx endorser(String txId, Instant timestamp, String mspId, String eventName, byte[] payload) {
            return new Tx(txId, timestamp, mspId, eventName, payload, TxValidationCode.VALID,
                    HeaderType.ENDORSER_TRANSACTION);
        }

        Tx withCode(TxValidationCode value) {
            return new Tx(txId, timestamp, mspId, eventName, payload, value, headerType);
        }
    }

    static Tx config(String txId, Instant timestamp) {
        return new Tx(txId, timestamp, "OrdererMSP", null, null, TxValidationCode.VALID, HeaderType.CONFIG);
    }

    /** @return the block after {@code previous}, chained to it by its header hash */
    static Block after(Block previous, List<Tx> txs) {
        Block b = block(previous.getHeader().getNumber() + 1, txs);
        return b.toBuilder().setHeader(b.getHeader().toBuilder().setPreviousHash(ByteString.copyFrom(
                org.fundtrail.client.verify.BlockHashes.headerHash(previous.getHeader())))).build();
    }

    static Block block(long number, List<Tx> txs) {
        BlockData.Builder data = BlockData.newBuilder();
        byte[] filter = new byte[txs.size()];
        for (int i = 0; i < txs.size(); i++) {
            data.addData(envelope(txs.get(i)).toByteString());
            filter[i] = (byte) txs.get(i).code().getNumber();
        }
        List<ByteString> metadata = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            metadata.add(ByteString.EMPTY);
        }
        metadata.set(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE, ByteString.copyFrom(filter));
        return Block.newBuilder()
                .setHeader(BlockHeader.newBuilder().setNumber(number).setDataHash(ByteString.copyFrom(
                        org.fundtrail.client.verify.BlockHashes.dataHash(data.build()))))
                .setData(data)
                .setMetadata(BlockMetadata.newBuilder().addAllMetadata(metadata))
                .build();
    }

    static Envelope envelope(Tx tx) {
        ChannelHeader channelHeader = ChannelHeader.newBuilder()
                .setType(tx.headerType().getNumber())
                .setChannelId("fundtrail")
                .setTxId(tx.txId())
                .setTimestamp(Timestamp.newBuilder().setSeconds(tx.timestamp().getEpochSecond())
                        .setNanos(tx.timestamp().getNano()))
                .build();
        SignatureHeader signatureHeader = SignatureHeader.newBuilder()
                .setCreator(SerializedIdentity.newBuilder().setMspid(tx.mspId())
                        .setIdBytes(ByteString.copyFrom(CERT)).build().toByteString())
                .setNonce(ByteString.copyFromUtf8(tx.txId()))
                .build();
        Payload.Builder payload = Payload.newBuilder().setHeader(Header.newBuilder()
                .setChannelHeader(channelHeader.toByteString())
                .setSignatureHeader(signatureHeader.toByteString()));
        if (tx.headerType() == HeaderType.ENDORSER_TRANSACTION) {
            ChaincodeAction.Builder action = ChaincodeAction.newBuilder();
            if (tx.eventName() != null) {
                action.setEvents(ChaincodeEvent.newBuilder().setChaincodeId(CHAINCODE).setTxId(tx.txId())
                        .setEventName(tx.eventName()).setPayload(ByteString.copyFrom(tx.payload())).build()
                        .toByteString());
            }
            ProposalResponsePayload response = ProposalResponsePayload.newBuilder()
                    .setProposalHash(ByteString.copyFromUtf8("hash"))
                    .setExtension(action.build().toByteString())
                    .build();
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                    .setAction(ChaincodeEndorsedAction.newBuilder()
                            .setProposalResponsePayload(response.toByteString()))
                    .build();
            Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                    .setHeader(signatureHeader.toByteString())
                    .setPayload(actionPayload.toByteString())).build();
            payload.setData(transaction.toByteString());
        } else {
            payload.setData(ByteString.copyFromUtf8("config"));
        }
        return Envelope.newBuilder().setPayload(payload.build().toByteString())
                .setSignature(ByteString.copyFromUtf8("sig")).build();
    }

    private static byte[] load(String name) {
        try (InputStream in = BlockBuilder.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.fundtrail.client.readmodel;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.client.LedgerRecords;
import org.fundtrail.chaincode.domain.Transfer;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Turns a committed block in Fabric's format into what the read model needs: per transaction its
 * header facts, validation code and, for a valid Fundtrail transaction, the records its chaincode
 * event carries. Not thread-safe (it caches certificate subjects).
 */
final class BlockDecoder {
    /** The events the Fundtrail contract emits, one per submit function. */
    static final Set<String> EVENTS = Set.of("RegisterOrganization", "Appropriate", "Transfer", "RecordExpenditure",
            "RecordOutcome", "ReturnFunds", "Reverse");
    private static final int SUBJECT_CACHE = 1024;

    private final String chaincode;
    private final CertificateFactory x509;
    private final Map<ByteString, String> subjects = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteString, String> eldest) {
            return size() > SUBJECT_CACHE;
        }
    };

    /** @param chaincode the chaincode whose events are projected, or null for any */
    BlockDecoder(String chaincode) {
        this.chaincode = chaincode;
        try {
            this.x509 = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("no X.509 certificate factory", e);
        }
    }

    /** A decoded block, with its bytes as committed and its header hash (the next block's previous_hash). */
    record DecodedBlock(long number, List<DecodedTx> transactions, byte[] raw, byte[] headerHash,
                        byte[] previousHash) {
        int recordCount() {
            int n = 0;
            for (DecodedTx tx : transactions) {
                n += tx.records().size();
            }
            return n;
        }
    }

    /** A decoded transaction; {@code records} is empty unless it is valid and carries a Fundtrail event. */
    record DecodedTx(int index, String txId, String headerType, String eventName, String chaincode,
                     String timestamp, String creatorMsp, String creatorSubject, String validationCode,
                     List<LedgerRecord> records) {
    }

    DecodedBlock decode(Block block) throws ProjectionException {
        long number = block.getHeader().getNumber();
        List<ByteString> data = block.getData().getDataList();
        ByteString filter = block.getMetadata().getMetadataCount() > BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE
                ? block.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE)
                : ByteString.EMPTY;
        if (filter.size() != data.size()) {
            throw new ProjectionException(number, null, "the transactions filter has " + filter.size()
                    + " entries for " + data.size() + " transactions", null);
        }
        if (!java.util.Arrays.equals(org.fundtrail.client.verify.BlockHashes.dataHash(block.getData()),
                block.getHeader().getDataHash().toByteArray())) {
            throw new ProjectionException(number, null, "its data hash does not match its transactions: the "
                    + "block was altered after it was cut", null);
        }
        List<DecodedTx> txs = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            txs.add(decodeTx(number, i, data.get(i), filter.byteAt(i) & 0xff));
        }
        return new DecodedBlock(number, txs, block.toByteArray(),
                org.fundtrail.client.verify.BlockHashes.headerHash(block.getHeader()),
                block.getHeader().getPreviousHash().toByteArray());
    }

    private DecodedTx decodeTx(long block, int index, ByteString envelopeBytes, int code)
            throws ProjectionException {
        TxValidationCode validation = TxValidationCode.forNumber(code);
        String validationName = validation == null ? "UNKNOWN_" + code : validation.name();
        boolean valid = validation == TxValidationCode.VALID;
        ChannelHeader channelHeader;
        Payload payload;
        SignatureHeader signatureHeader;
        try {
            Envelope envelope = Envelope.parseFrom(envelopeBytes);
            payload = Payload.parseFrom(envelope.getPayload());
            channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        } catch (InvalidProtocolBufferException e) {
            if (valid) {
                throw new ProjectionException(block, null, "transaction " + index + " is not a Fabric envelope", e);
            }
            return new DecodedTx(index, "", "UNKNOWN", null, null, null, null, null, validationName, List.of());
        }
        HeaderType headerType = HeaderType.forNumber(channelHeader.getType());
        String typeName = headerType == null ? "UNKNOWN_" + channelHeader.getType() : headerType.name();
        String txId = channelHeader.getTxId();
        String timestamp = channelHeader.hasTimestamp()
                ? Instant.ofEpochSecond(channelHeader.getTimestamp().getSeconds(),
                        channelHeader.getTimestamp().getNanos()).toString()
                : null;
        String msp = null;
        String subject = null;
        if (!signatureHeader.getCreator().isEmpty()) {
            try {
                SerializedIdentity creator = SerializedIdentity.parseFrom(signatureHeader.getCreator());
                msp = creator.getMspid();
                subject = subject(creator.getIdBytes());
            } catch (InvalidProtocolBufferException e) {
                msp = null;
            }
        }
        if (headerType != HeaderType.ENDORSER_TRANSACTION) {
            return new DecodedTx(index, txId, typeName, null, null, timestamp, msp, subject, validationName,
                    List.of());
        }
        ChaincodeEvent event;
        try {
            event = event(payload);
        } catch (InvalidProtocolBufferException e) {
            if (valid) {
                throw new ProjectionException(block, txId, "the endorser transaction does not parse", e);
            }
            return new DecodedTx(index, txId, typeName, null, null, timestamp, msp, subject, validationName,
                    List.of());
        }
        if (event == null || !EVENTS.contains(event.getEventName())
                || (chaincode != null && !chaincode.equals(event.getChaincodeId()))) {
            return new DecodedTx(index, txId, typeName, event == null ? null : event.getEventName(),
                    event == null ? null : event.getChaincodeId(), timestamp, msp, subject, validationName,
                    List.of());
        }
        List<LedgerRecord> records = valid ? records(block, txId, event.getPayload()) : List.of();
        return new DecodedTx(index, txId, typeName, event.getEventName(), event.getChaincodeId(), timestamp, msp,
                subject, validationName, records);
    }

    /** @return the (last) chaincode event of the transaction's actions, or null when there is none */
    private static ChaincodeEvent event(Payload payload) throws InvalidProtocolBufferException {
        Transaction transaction = Transaction.parseFrom(payload.getData());
        ChaincodeEvent found = null;
        for (TransactionAction action : transaction.getActionsList()) {
            ChaincodeActionPayload actionPayload = ChaincodeActionPayload.parseFrom(action.getPayload());
            ProposalResponsePayload response = ProposalResponsePayload.parseFrom(
                    actionPayload.getAction().getProposalResponsePayload());
            ChaincodeAction chaincodeAction = ChaincodeAction.parseFrom(response.getExtension());
            if (!chaincodeAction.getEvents().isEmpty()) {
                ChaincodeEvent event = ChaincodeEvent.parseFrom(chaincodeAction.getEvents());
                if (!event.getEventName().isEmpty()) {
                    found = event;
                }
            }
        }
        return found;
    }

    private static List<LedgerRecord> records(long block, String txId, ByteString payload)
            throws ProjectionException {
        try {
            return LedgerRecords.parseWritten(payload.toByteArray());
        } catch (IllegalArgumentException e) {
            throw new ProjectionException(block, txId, "the event payload is not a list of Fundtrail records: "
                    + e.getMessage(), e);
        }
    }

    private String subject(ByteString pem) {
        String cached = subjects.get(pem);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        String subject;
        try {
            X509Certificate cert = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                    pem.toByteArray()));
            subject = cert.getSubjectX500Principal().getName();
        } catch (CertificateException | ClassCastException e) {
            subject = "";
        }
        subjects.put(pem, subject);
        return subject.isEmpty() ? null : subject;
    }
}

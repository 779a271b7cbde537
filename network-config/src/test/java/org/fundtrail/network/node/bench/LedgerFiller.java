package org.fundtrail.network.node.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fundtrail.network.crypto.CryptoGenerator;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.block.BlockFactory;
import org.fundtrail.network.node.block.BlockHashing;
import org.fundtrail.network.node.block.GenesisBlock;
import org.fundtrail.network.node.store.BlockCommit;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.StateWrite;
import org.fundtrail.network.node.store.Version;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Pre-fills a ledger with synthetic transactions (one key write each, in 1,000-transaction blocks)
 * straight through the store, to show that the node's memory does not grow with the ledger. The
 * envelopes are well-formed Fabric transactions but unsigned; blocks are orderer-signed and
 * hash-chained. Benchmark data only.
 */
final class LedgerFiller {
    private LedgerFiller() {
    }

    static void fill(Path data, NetworkDefinition def, long transactions) throws Exception {
        NetworkCrypto crypto = CryptoGenerator.generate(def, data.resolve("crypto"));
        BlockFactory factory = new BlockFactory(crypto.orderer());
        ByteString creator = org.hyperledger.fabric.protos.msp.SerializedIdentity.newBuilder().setMspid("FinanceMSP")
                .setIdBytes(ByteString.copyFromUtf8("synthetic benchmark filler")).build().toByteString();
        try (LedgerStore store = LedgerStore.open(data.resolve("ledger"))) {
            if (store.height() == 0) {
                List<org.fundtrail.network.crypto.MspMaterial> app = new ArrayList<>();
                def.organizations().forEach(o -> app.add(crypto.msp(o.mspId())));
                Block genesis = GenesisBlock.create(def.channel(), app, crypto.msp(def.orderer().mspId()), crypto.orderer(),
                        factory);
                store.commit(new BlockCommit(genesis, BlockHashing.headerHash(genesis.getHeader()), List.of(""),
                        List.of(TxValidationCode.VALID_VALUE), List.of()));
            }
            long done = 0;
            long started = System.nanoTime();
            while (done < transactions) {
                long number = store.height();
                int n = (int) Math.min(1000, transactions - done);
                List<ByteString> envelopes = new ArrayList<>(n);
                List<String> txIds = new ArrayList<>(n);
                List<Integer> codes = new ArrayList<>(n);
                List<StateWrite> writes = new ArrayList<>(n);
                byte[] filter = new byte[n];
                Instant now = Instant.now();
                for (int i = 0; i < n; i++) {
                    long seq = done + i;
                    String txId = HexFormat.of().formatHex(BlockHashing.sha256(("fill-" + seq).getBytes()));
                    String key = "fill-" + seq;
                    byte[] value = ("{\"amount\":\"" + seq + ".00\",\"currency\":\"EUR\"}").getBytes();
                    envelopes.add(envelope(def, creator, txId, now, key, value));
                    txIds.add(txId);
                    codes.add(TxValidationCode.VALID_VALUE);
                    writes.add(new StateWrite(def.chaincode(), key, value, new Version(number, i), txId, now));
                }
                Block block = factory.build(number, store.lastHeaderHash(), envelopes, filter);
                store.commit(new BlockCommit(block, BlockHashing.headerHash(block.getHeader()), txIds, codes, writes));
                done += n;
                if (done % 100_000 == 0) {
                    System.out.printf("filled %,d transactions (%.0f s)%n", done, (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    private static ByteString envelope(NetworkDefinition def, ByteString creator, String txId, Instant now, String key,
            byte[] value) {
        KVRWSet kv = KVRWSet.newBuilder().addWrites(KVWrite.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)))
                .build();
        TxReadWriteSet rwset = TxReadWriteSet.newBuilder().setDataModel(TxReadWriteSet.DataModel.KV)
                .addNsRwset(NsReadWriteSet.newBuilder().setNamespace(def.chaincode()).setRwset(kv.toByteString())).build();
        ProposalResponsePayload prp = ProposalResponsePayload.newBuilder()
                .setExtension(ChaincodeAction.newBuilder().setResults(rwset.toByteString()).build().toByteString()).build();
        ChaincodeActionPayload cap = ChaincodeActionPayload.newBuilder()
                .setAction(ChaincodeEndorsedAction.newBuilder().setProposalResponsePayload(prp.toByteString())).build();
        Transaction tx = Transaction.newBuilder().addActions(TransactionAction.newBuilder().setPayload(cap.toByteString()))
                .build();
        ChannelHeader ch = ChannelHeader.newBuilder().setType(HeaderType.ENDORSER_TRANSACTION_VALUE)
                .setChannelId(def.channel()).setTxId(txId)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano())).build();
        Payload payload = Payload.newBuilder().setHeader(Header.newBuilder().setChannelHeader(ch.toByteString())
                .setSignatureHeader(SignatureHeader.newBuilder().setCreator(creator).build().toByteString()))
                .setData(tx.toByteString()).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build().toByteString();
    }
}

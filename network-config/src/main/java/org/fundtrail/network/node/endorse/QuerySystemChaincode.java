package org.fundtrail.network.node.endorse;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.List;
import org.fundtrail.network.node.block.BlockHashing;
import org.fundtrail.network.node.store.LedgerStore;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.Response;

/**
 * The part of Fabric's query system chaincode ({@code qscc}, {@code core/scc/qscc}) the embedded node
 * answers, for evaluation only: {@code GetChainInfo <channel>}, whose payload is a
 * {@code common.BlockchainInfo} (height, the newest block's header hash and its previous hash), as a
 * Fabric 2.5 peer returns it through the Gateway. The other qscc functions are refused with qscc's own
 * message; the caller's channel membership is checked before, as for any proposal (qscc's ACL for
 * these functions is the channel's Readers).
 *
 * <pre>{@code Response r = QuerySystemChaincode.invoke(store, "fundtrail", List.of("GetChainInfo", "fundtrail"));}</pre>
 */
final class QuerySystemChaincode {
    /** The system chaincode's name. */
    static final String NAME = "qscc";
    private static final String GET_CHAIN_INFO = "GetChainInfo";
    private static final List<String> FUNCTIONS = List.of("GetTransactionByID", "GetBlockByNumber",
            "GetBlockByHash", GET_CHAIN_INFO, "GetBlockByTxID");

    private QuerySystemChaincode() {
    }

    /**
     * @param store the channel's ledger
     * @param channel the channel the node serves
     * @param args the proposal's arguments, function first
     * @return the chaincode's successful response
     * @throws EndorserException CHAINCODE with qscc's message when it answers with an error; PEER when the
     *     ledger cannot be read
     */
    static Response invoke(LedgerStore store, String channel, List<ByteString> args) throws EndorserException {
        if (args.size() < 2) {
            throw error("Incorrect number of arguments, " + args.size());
        }
        String function = args.get(0).toStringUtf8();
        String channelArg = args.get(1).toStringUtf8();
        if (!function.equals(GET_CHAIN_INFO) && args.size() < 3) {
            throw error("missing 3rd argument for " + function);
        }
        if (!channelArg.equals(channel)) {
            throw error("Invalid chain ID, " + channelArg);
        }
        if (!function.equals(GET_CHAIN_INFO)) {
            throw error(FUNCTIONS.contains(function) ? function + " is not supported by the embedded node"
                    : "Requested function " + function + " not found.");
        }
        try {
            long height = store.height();
            BlockchainInfo.Builder info = BlockchainInfo.newBuilder().setHeight(height);
            if (height > 0) {
                Block newest = store.block(height - 1).orElseThrow(() -> new IOException("block " + (height - 1)
                        + " is missing from the store"));
                info.setCurrentBlockHash(ByteString.copyFrom(BlockHashing.headerHash(newest.getHeader())))
                        .setPreviousBlockHash(newest.getHeader().getPreviousHash());
            }
            return Response.newBuilder().setStatus(200).setPayload(info.build().toByteString()).build();
        } catch (IOException e) {
            throw new EndorserException(EndorserException.Kind.PEER, "failed to read the ledger: " + e.getMessage());
        }
    }

    private static EndorserException error(String message) {
        return new EndorserException(EndorserException.Kind.CHAINCODE, "chaincode response 500, " + message);
    }
}

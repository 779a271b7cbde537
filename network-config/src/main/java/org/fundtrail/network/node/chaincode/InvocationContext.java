package org.fundtrail.network.node.chaincode;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * What a chaincode invocation sees of its proposal.
 *
 * <pre>{@code new InvocationContext("spending", "fundtrail", txId, args, creator, ts, sp, Map.of(), binding, "FinanceMSP");}</pre>
 *
 * @param chaincodeName the chaincode (state namespace)
 * @param channelId the channel
 * @param txId the transaction ID
 * @param args the arguments, function name first
 * @param creator the serialized creator identity
 * @param timestamp the channel header's timestamp
 * @param signedProposal the signed proposal
 * @param transientData the transient map
 * @param binding SHA-256(nonce, creator, epoch)
 * @param peerMspId the MSP ID of the simulating peer
 */
public record InvocationContext(String chaincodeName, String channelId, String txId, List<ByteString> args,
    ByteString creator, Instant timestamp, SignedProposal signedProposal, Map<String, ByteString> transientData,
    ByteString binding, String peerMspId) {
}

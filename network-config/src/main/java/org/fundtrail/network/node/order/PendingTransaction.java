package org.fundtrail.network.node.order;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A submitted transaction waiting to be cut into a block, with the result of the checks that depend
 * only on the envelope (signatures, endorsement policy), made in parallel on the submitting thread.
 *
 * @param envelope the signed envelope bytes, as they go into the block
 * @param txId the transaction ID
 * @param timestamp the channel header's timestamp
 * @param staticCode VALID, or the code the envelope alone already earns
 * @param rwsets the parsed read/write sets (namespace + KVRWSet bytes) when VALID
 */
record PendingTransaction(ByteString envelope, String txId, Instant timestamp, TxValidationCode staticCode,
    List<NsReadWriteSet> rwsets) {
}

package org.fundtrail.client.verify;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.CollectionHashedReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;

/**
 * The endorsement a Fabric chaincode-lifecycle ({@code _lifecycle}) transaction needs, as a real
 * channel's committing peers require it with the channel configuration {@code configtxgen} writes
 * ({@code LifecycleEndorsement: MAJORITY Endorsement}, each org's {@code Endorsement: OR('Org.peer')}):
 * <ul>
 *   <li>a transaction writing public {@code _lifecycle} state (a chaincode definition committed):
 *       peers of a majority of the channel's application orgs;</li>
 *   <li>a transaction writing only orgs' implicit collections (an org approving a definition): a
 *       peer of every org whose collection it writes.</li>
 * </ul>
 * Channels configured with other lifecycle policies are outside what this verifier checks.
 */
final class LifecyclePolicy {
    /** The namespace of Fabric's chaincode lifecycle. */
    static final String NAMESPACE = "_lifecycle";
    private static final String IMPLICIT_COLLECTION = "_implicit_org_";

    private LifecyclePolicy() {
    }

    /**
     * @param config the channel's configuration
     * @param rwset the transaction's read/write set
     * @return the policy its endorsements must satisfy
     * @throws InvalidProtocolBufferException when a namespace's writes cannot be read
     */
    static EndorsementPolicy of(ChannelConfig config, TxReadWriteSet rwset) throws InvalidProtocolBufferException {
        boolean publicWrites = false;
        TreeSet<String> collectionOrgs = new TreeSet<>();
        for (NsReadWriteSet ns : rwset.getNsRwsetList()) {
            if (!ns.getNamespace().equals(NAMESPACE)) {
                continue;
            }
            publicWrites |= KVRWSet.parseFrom(ns.getRwset()).getWritesCount() > 0;
            for (CollectionHashedReadWriteSet c : ns.getCollectionHashedRwsetList()) {
                if (c.getCollectionName().startsWith(IMPLICIT_COLLECTION)) {
                    collectionOrgs.add(c.getCollectionName().substring(IMPLICIT_COLLECTION.length()));
                }
            }
        }
        if (publicWrites || collectionOrgs.isEmpty()) {
            List<String> peers = new ArrayList<>();
            new TreeSet<>(config.applicationMsps().keySet()).forEach(msp -> peers.add("'" + msp + ".peer'"));
            return EndorsementPolicy.parse("OutOf(" + (peers.size() / 2 + 1) + ", " + String.join(", ", peers) + ")");
        }
        List<String> peers = new ArrayList<>();
        collectionOrgs.forEach(msp -> peers.add("'" + msp + ".peer'"));
        return EndorsementPolicy.parse("AND(" + String.join(", ", peers) + ")");
    }
}

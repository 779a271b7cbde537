package org.fundtrail.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.node.block.ChainVerifier;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadataIndex;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * What clients were told about their transactions while a node was being killed, and what the
 * ledger holds afterwards: submitted, reported committed, reported failed (definitely not written),
 * uncertain (the node went away mid-call); then found, lost, and reported-failed-but-committed.
 */
final class CommitTally {
    final Set<String> submitted = ConcurrentHashMap.newKeySet();
    final Set<String> committed = ConcurrentHashMap.newKeySet();
    final Set<String> failed = ConcurrentHashMap.newKeySet();
    final Set<String> uncertain = ConcurrentHashMap.newKeySet();

    /** Submits one {@code Put} and records what the client was told. */
    void submitOne(Contract contract) {
        Proposal proposal = contract.newProposal("Put").addArguments("crash-" + UUID.randomUUID(), "v").build();
        String txId = proposal.getTransactionId();
        submitted.add(txId);
        try {
            SubmittedTransaction tx = proposal.endorse().submitAsync();
            (tx.getStatus().isSuccessful() ? committed : failed).add(txId);
        } catch (EndorseException e) {
            failed.add(txId); // never reached the orderer
        } catch (Exception e) {
            uncertain.add(txId);
        }
    }

    /** The valid transactions of the ledger, each with how many times it is in a block as valid. */
    static Map<String, Integer> validTransactions(Network network, NetworkCrypto crypto, long height) throws Exception {
        ChainVerifier verifier = new ChainVerifier(crypto.orderer().certificate().getPublicKey());
        Map<String, Integer> valid = new HashMap<>();
        try (CloseableIterator<Block> blocks = network.newBlockEventsRequest().startBlock(0).build().getEvents()) {
            for (long n = 0; n < height; n++) {
                Block b = blocks.next();
                verifier.accept(b);
                byte[] filter = b.getMetadata().getMetadata(BlockMetadataIndex.TRANSACTIONS_FILTER_VALUE).toByteArray();
                for (int i = 0; i < b.getData().getDataCount(); i++) {
                    if (filter[i] == TxValidationCode.VALID_VALUE) {
                        Payload p = Payload.parseFrom(Envelope.parseFrom(b.getData().getData(i)).getPayload());
                        valid.merge(ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getTxId(), 1, Integer::sum);
                    }
                }
            }
        }
        return valid;
    }

    /**
     * Prints the counts and asserts: nothing reported committed is lost or duplicated, nothing reported
     * failed is committed.
     */
    void check(String label, Map<String, Integer> valid) {
        Set<String> found = new HashSet<>(committed);
        found.retainAll(valid.keySet());
        Set<String> lost = new HashSet<>(committed);
        lost.removeAll(valid.keySet());
        Set<String> failedButCommitted = new HashSet<>(failed);
        failedButCommitted.retainAll(valid.keySet());
        Set<String> uncertainCommitted = new HashSet<>(uncertain);
        uncertainCommitted.retainAll(valid.keySet());
        long duplicated = valid.values().stream().filter(c -> c > 1).count();
        System.out.printf("%s: submitted %d, reported committed %d, found %d, lost %d, reported failed %d, "
                + "reported-failed-but-committed %d, uncertain %d (of which committed %d), duplicated %d%n", label,
                submitted.size(), committed.size(), found.size(), lost.size(), failed.size(),
                failedButCommitted.size(), uncertain.size(), uncertainCommitted.size(), duplicated);
        assertThat(lost).as(label + ": reported committed, missing from the ledger").isEmpty();
        assertThat(failedButCommitted).as(label + ": reported failed, yet committed").isEmpty();
        assertThat(duplicated).as(label + ": transactions valid more than once").isZero();
    }
}

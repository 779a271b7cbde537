package org.fundtrail.chaincode.ledger;

import java.util.List;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The world state as one transaction sees it: reads return committed values (never this
 * transaction's own writes, as in Fabric), writes are buffered until commit.
 */
public interface WorldState {
    /**
     * @param key a composite key
     * @return the committed value, or null when absent
     */
    byte[] get(String key);

    /**
     * @param key a composite key
     * @param value a non-empty value
     */
    void put(String key, byte[] value);

    /**
     * Lists the keys under a partial composite key, in key order.
     *
     * @param partial the partial key
     * @param limit at most this many keys
     * @param bookmark where a previous page stopped, or empty
     * @return the page
     */
    Page keysUnder(CompositeKey partial, int limit, String bookmark);

    /**
     * A page of keys.
     *
     * @param keys the keys, in order
     * @param bookmark where to continue, empty when there is no more
     */
    record Page(List<String> keys, String bookmark) {
        /** Copies the list. */
        public Page {
            keys = List.copyOf(keys);
        }
    }
}

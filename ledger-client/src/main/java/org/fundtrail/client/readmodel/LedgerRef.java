package org.fundtrail.client.readmodel;

import java.util.Objects;

/**
 * Where a record (version) is on the ledger: the transaction that wrote it and its block. Anyone can
 * fetch that block and check the record with the verifier.
 *
 * <pre>{@code
 * LedgerRef ref = row.ref();   // {txId: "8e5c…", blockNumber: 42}
 * }</pre>
 *
 * @param txId the Fabric transaction id
 * @param blockNumber the number of the block holding the transaction
 */
public record LedgerRef(String txId, long blockNumber) {
    /** Validates the components. */
    public LedgerRef {
        Objects.requireNonNull(txId, "txId");
        if (blockNumber < 0) {
            throw new IllegalArgumentException("blockNumber must not be negative: " + blockNumber);
        }
    }
}

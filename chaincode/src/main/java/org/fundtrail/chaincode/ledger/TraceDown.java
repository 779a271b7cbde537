package org.fundtrail.chaincode.ledger;

import java.util.List;

/**
 * A downstream trace: the tree below an allocation, read from ledger state up to a node bound.
 *
 * @param root the allocation traced
 * @param nodes how many allocations the tree holds
 * @param truncated whether the bound stopped the walk; then {@code pending} lists the allocations
 *     whose children were not read, each of which can be traced in turn
 * @param pending allocations whose children were not read, in walk order
 */
public record TraceDown(TraceNode root, int nodes, boolean truncated, List<String> pending) {
    /** Copies the list. */
    public TraceDown {
        pending = List.copyOf(pending);
    }
}

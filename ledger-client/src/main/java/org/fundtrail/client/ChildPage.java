package org.fundtrail.client;

import java.util.List;

/**
 * One page of an allocation's children.
 *
 * @param children the child allocations with their balances, in id order
 * @param bookmark pass it to get the next page; empty when there are no more
 */
public record ChildPage(List<AllocationView> children, String bookmark) {
    /** Copies the list. */
    public ChildPage {
        children = List.copyOf(children);
    }
}

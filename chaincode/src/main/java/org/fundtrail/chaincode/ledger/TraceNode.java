package org.fundtrail.chaincode.ledger;

import java.util.List;

/**
 * One allocation in a downstream trace, with what happened to its money and the outcomes reported
 * against it. Amounts are canonical decimals of {@code currency}.
 *
 * @param allocationId the allocation
 * @param holderOrgId who holds it
 * @param parentAllocationId its parent, or null for an appropriation
 * @param fiscalYear the fiscal year
 * @param currency the currency of the tree
 * @param received the amount received
 * @param transferred transferred on to children
 * @param spent spent
 * @param returnedIn returned by children
 * @param returned returned to the parent
 * @param reversed taken back by a reversed transfer
 * @param available still available
 * @param expenditures how many expenditures were recorded against it
 * @param outcomes the outcomes reported against it
 * @param children the child allocations, in id order
 * @param complete false when the trace's node bound stopped before this node's children were read
 */
public record TraceNode(String allocationId, String holderOrgId, String parentAllocationId, int fiscalYear,
                        String currency, String received, String transferred, String spent, String returnedIn,
                        String returned, String reversed, String available, int expenditures,
                        List<OutcomeSummary> outcomes, List<TraceNode> children, boolean complete) {
    /** Copies the lists. */
    public TraceNode {
        outcomes = List.copyOf(outcomes);
        children = List.copyOf(children);
    }

    /**
     * An outcome as shown in a trace.
     *
     * @param id the outcome id
     * @param indicator what is measured
     * @param unit its unit
     * @param target the target
     * @param actual the actual value
     * @param period the period
     */
    public record OutcomeSummary(String id, String indicator, String unit, String target, String actual,
                                 String period) {
    }
}

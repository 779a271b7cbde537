package org.fundtrail.chaincode.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;

/**
 * Follows money through ledger state: down from an allocation to every child, expenditure count
 * and outcome, and up from any record to its appropriation. Used by evaluate transactions only.
 *
 * <pre>{@code
 * TraceDown tree = new Tracer(state).down("APP-2026-07", 1000);
 * }</pre>
 */
public final class Tracer {
    /** The largest node bound a caller may ask for. */
    public static final int MAX_NODES = 10_000;

    private final Records records;

    /** @param state the world state to read */
    public Tracer(WorldState state) {
        this.records = new Records(state);
    }

    /**
     * Traces down from an allocation, reading at most {@code maxNodes} allocations (breadth first).
     *
     * @param allocationId the allocation
     * @param maxNodes 1 to {@link #MAX_NODES}
     * @return the tree
     * @throws Refusal NOT_FOUND for an unknown allocation, INVALID_ARGUMENT for a bad bound
     */
    public TraceDown down(String allocationId, int maxNodes) {
        if (maxNodes < 1 || maxNodes > MAX_NODES) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "maxNodes", maxNodes + " is not from 1 to " + MAX_NODES);
        }
        Allocation root = records.allocation("allocationId", allocationId);
        int[] count = {1};
        List<String> pending = new ArrayList<>();
        TraceNode tree = node(root, maxNodes, count, pending);
        return new TraceDown(tree, count[0], !pending.isEmpty(), pending);
    }

    private TraceNode node(Allocation allocation, int maxNodes, int[] count, List<String> pending) {
        Balance balance = records.balance(allocation.id());
        List<TraceNode.OutcomeSummary> outcomes = new ArrayList<>();
        for (String outcomeId : records.linked(Keys.OUTCOME, allocation.id())) {
            Outcome o = records.require("outcomeId", RecordType.OUTCOME, outcomeId, Outcome.class);
            outcomes.add(new TraceNode.OutcomeSummary(o.id(), o.indicator(), o.unit(), o.target(), o.actual(),
                    o.period()));
        }
        int expenditures = records.linked(Keys.SPENDING, allocation.id()).size();
        List<String> childIds = records.linked(Keys.CHILD, allocation.id());
        List<TraceNode> children = new ArrayList<>();
        boolean complete = true;
        if (count[0] + childIds.size() > maxNodes) {
            complete = childIds.isEmpty();
            if (!complete) {
                pending.add(allocation.id());
            }
        } else {
            count[0] += childIds.size();
            for (String childId : childIds) {
                children.add(node(records.allocation("childId", childId), maxNodes, count, pending));
            }
        }
        return new TraceNode(allocation.id(), allocation.holderOrgId(), allocation.parentAllocationId(),
                allocation.fiscalYear(), allocation.currency(), balance.received(), balance.transferred(),
                balance.spent(), balance.returnedIn(), balance.returnedOut(), balance.reversed(),
                balance.available(), expenditures, outcomes, children, complete);
    }

    /**
     * Traces up from any money record to its appropriation.
     *
     * @param recordId an allocation, transfer, expenditure, outcome, return or reversal id
     * @return the path(s)
     * @throws Refusal NOT_FOUND for an unknown id, INVALID_ARGUMENT for an organisation
     */
    public TraceUp up(String recordId) {
        RecordType type = records.typeOf(recordId).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, "recordId",
                "no record with id '" + recordId + "'"));
        List<String> starts = switch (type) {
            case ALLOCATION -> List.of(recordId);
            case TRANSFER -> List.of(records.require("recordId", type, recordId, Transfer.class).toAllocationId());
            case EXPENDITURE -> List.of(records.require("recordId", type, recordId, Expenditure.class)
                    .allocationId());
            case OUTCOME -> records.require("recordId", type, recordId, Outcome.class).allocationIds();
            case RETURN -> List.of(records.require("recordId", type, recordId, FundsReturn.class).allocationId());
            case REVERSAL -> List.of(records.require("recordId", type, recordId, Reversal.class).allocationId());
            default -> throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "recordId", "'" + recordId + "' is an "
                    + type.name().toLowerCase(Locale.ROOT) + ", which holds no money to trace");
        };
        List<List<TraceUp.Step>> paths = new ArrayList<>();
        for (String start : starts) {
            List<TraceUp.Step> path = new ArrayList<>();
            String current = start;
            while (current != null) {
                Allocation allocation = records.allocation("allocationId", current);
                path.add(new TraceUp.Step(allocation.id(), allocation.holderOrgId(), allocation.amount(),
                        allocation.currency(), allocation.fiscalYear(), allocation.transferId()));
                current = allocation.parentAllocationId();
            }
            paths.add(path);
        }
        return new TraceUp(recordId, type, paths);
    }

    /**
     * Lists one page of an allocation's children.
     *
     * @param allocationId the parent allocation
     * @param pageSize 1 to 1000
     * @param bookmark empty for the first page, else the bookmark of the previous page
     * @return the child allocation ids and the bookmark of the next page (empty when done)
     */
    public WorldState.Page children(String allocationId, int pageSize, String bookmark) {
        if (pageSize < 1 || pageSize > 1000) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "pageSize", pageSize + " is not from 1 to 1000");
        }
        records.allocation("allocationId", allocationId);
        return records.linkedPage(Keys.CHILD, allocationId, pageSize, bookmark == null ? "" : bookmark);
    }
}

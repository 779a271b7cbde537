package org.fundtrail.client.readmodel;

/**
 * Money moving between organisations, or ending in what they did with it, over a fiscal year: the
 * bands of the year's flow chart (ministry → departments → agencies → spent, unspent, returned).
 *
 * <p>Per allocation with a parent, a {@link Kind#TRANSFER} from the parent's holder to its holder of
 * what the allocation kept of what it received (received − reversed − returned up); per allocation,
 * {@link Kind#SPENT} its spending, {@link Kind#RETURNED} the part of what it still holds that came
 * back to it from below (the smaller of available and returned in), and {@link Kind#UNSPENT} the rest
 * of what it holds. Amounts are summed per year, currency, organisation pair and kind, leaving out
 * zero and negative ones. So what flows into an organisation equals what flows out of it, and the
 * SPENT, RETURNED and UNSPENT bands add up to what was appropriated.
 *
 * <pre>{@code
 * for (FlowRow f : readModel.summary(2026, Duration.ofSeconds(30)).flows()) {
 *     System.out.println(f.fromOrg() + " -> " + (f.kind() == FlowRow.Kind.TRANSFER ? f.toOrg() : f.kind())
 *             + ": " + Money.decimal(f.amountMinor(), f.currency()));
 * }
 * }</pre>
 *
 * @param fiscalYear the fiscal year
 * @param currency the ISO 4217 currency
 * @param fromOrg the organisation the money flows from
 * @param kind where it flows
 * @param toOrg the receiving organisation for a transfer, else null
 * @param amountMinor the amount, in minor units, positive
 */
public record FlowRow(int fiscalYear, String currency, String fromOrg, Kind kind, String toOrg, long amountMinor) {
    /** Where money flows. */
    public enum Kind {
        /** To an organisation one tier down. */
        TRANSFER,
        /** Spent. */
        SPENT,
        /** Held, having been returned from below. */
        RETURNED,
        /** Held, never passed on or spent. */
        UNSPENT
    }
}

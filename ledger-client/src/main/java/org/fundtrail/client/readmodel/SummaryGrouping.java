package org.fundtrail.client.readmodel;

/**
 * How {@link ReadModel#summary} groups allocations. Every grouping is also per fiscal year and
 * currency.
 *
 * <pre>{@code
 * List<SummaryRow> rows = readModel.summary(2026, Duration.ofSeconds(30)).byDepartment();
 * }</pre>
 */
public enum SummaryGrouping {
    /**
     * One row per fiscal year over every allocation of the year: {@code appropriated} and
     * {@code transferred} are the appropriations' (what the ministry received and moved on).
     */
    FISCAL_YEAR,
    /**
     * One row per department over its own allocations and its agencies' ({@link SummaryRow#group()}
     * is the department's id, {@link SummaryRow#name()} its name): {@code appropriated} is what the
     * department received from the ministry, {@code transferred} what it moved on to its agencies,
     * {@code returned} what it sent back to the ministry, {@code returnedIn} what its agencies sent
     * back to it.
     */
    DEPARTMENT,
    /**
     * One row per COFOG division (the first two digits, {@link SummaryRow#group()} e.g. {@code "07"}),
     * over the whole trees of the appropriations classified under it, as {@link #FISCAL_YEAR}.
     */
    COFOG
}

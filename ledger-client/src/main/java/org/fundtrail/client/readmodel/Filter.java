package org.fundtrail.client.readmodel;

import java.time.LocalDate;
import org.fundtrail.chaincode.domain.Tier;

/**
 * What a list keeps. Every criterion is optional (null means "any"); criteria combine with AND.
 * Not every criterion applies to every record type: {@link ReadModel#list} refuses a criterion
 * that does not (e.g. {@code tier} on expenditures) with an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * Filter f = Filter.all().fiscalYear(2026).org("HEALTH", true).cofog("07").minAmount(1_000_00L).text("hospital");
 * }</pre>
 *
 * @param fiscalYear the fiscal year (all but organisations)
 * @param orgId the organisation: an allocation's holder, the holder of the allocation a record
 *     draws on (for transfers also the receiving organisation); for organisations, the organisation itself
 * @param orgSubtree whether {@code orgId} includes the organisations below it
 * @param tier the tier (organisations only)
 * @param cofog a COFOG function; {@code "07"} also matches {@code "07.3"} and {@code "07.3.1"}
 * @param minAmountMinor the smallest amount, in minor units of the record's currency (inclusive)
 * @param maxAmountMinor the largest amount, in minor units (inclusive)
 * @param fromDate the first date (an expenditure's payment date, else the day it was recorded, UTC)
 * @param toDate the last date (inclusive)
 * @param text words that must all occur in the record's names, purposes, payee or indicator
 * @param allocationId the allocation a record draws on (transfers: the source; outcomes: any of theirs)
 * @param parentAllocationId the parent allocation (allocations only)
 */
public record Filter(Integer fiscalYear, String orgId, boolean orgSubtree, Tier tier, String cofog,
                     Long minAmountMinor, Long maxAmountMinor, LocalDate fromDate, LocalDate toDate, String text,
                     String allocationId, String parentAllocationId) {
    private static final Filter ALL = new Filter(null, null, false, null, null, null, null, null, null, null, null,
            null);

    /** @return a filter that keeps everything */
    public static Filter all() {
        return ALL;
    }

    /** @return this filter restricted to a fiscal year */
    public Filter fiscalYear(int year) {
        return new Filter(year, orgId, orgSubtree, tier, cofog, minAmountMinor, maxAmountMinor, fromDate, toDate,
                text, allocationId, parentAllocationId);
    }

    /**
     * @param id the organisation
     * @param includeDescendants whether organisations below it count too
     * @return this filter restricted to an organisation
     */
    public Filter org(String id, boolean includeDescendants) {
        return new Filter(fiscalYear, id, includeDescendants, tier, cofog, minAmountMinor, maxAmountMinor, fromDate,
                toDate, text, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to a tier */
    public Filter tier(Tier value) {
        return new Filter(fiscalYear, orgId, orgSubtree, value, cofog, minAmountMinor, maxAmountMinor, fromDate,
                toDate, text, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to a COFOG function and its sub-functions */
    public Filter cofog(String code) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, code, minAmountMinor, maxAmountMinor, fromDate,
                toDate, text, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to amounts of at least {@code minor} minor units */
    public Filter minAmount(long minor) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minor, maxAmountMinor, fromDate, toDate, text,
                allocationId, parentAllocationId);
    }

    /** @return this filter restricted to amounts of at most {@code minor} minor units */
    public Filter maxAmount(long minor) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmountMinor, minor, fromDate, toDate, text,
                allocationId, parentAllocationId);
    }

    /** @return this filter restricted to dates from {@code from} to {@code to}, inclusive (either may be null) */
    public Filter dates(LocalDate from, LocalDate to) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmountMinor, maxAmountMinor, from, to, text,
                allocationId, parentAllocationId);
    }

    /** @return this filter restricted to records whose text holds every word of {@code words} */
    public Filter text(String words) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmountMinor, maxAmountMinor, fromDate,
                toDate, words, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to records drawing on an allocation */
    public Filter allocation(String id) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmountMinor, maxAmountMinor, fromDate,
                toDate, text, id, parentAllocationId);
    }

    /** @return this filter restricted to the children of an allocation */
    public Filter parentAllocation(String id) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmountMinor, maxAmountMinor, fromDate,
                toDate, text, allocationId, id);
    }
}

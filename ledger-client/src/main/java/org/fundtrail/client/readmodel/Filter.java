package org.fundtrail.client.readmodel;

import java.time.LocalDate;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Tier;

/**
 * What a list keeps. Every criterion is optional (null means "any"); criteria combine with AND.
 * Not every criterion applies to every record type: {@link ReadModel#list} refuses a criterion
 * that does not (e.g. {@code tier} on expenditures) with an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * Filter f = Filter.all().fiscalYear(2026).org("HEALTH", true).cofog("07").minAmount(Money.parseLimit("minAmount", "1000", "EUR")).text("hospital");
 * }</pre>
 *
 * @param fiscalYear the fiscal year (all but organisations)
 * @param orgId the organisation: an allocation's holder, the holder of the allocation a record
 *     draws on (for transfers also the receiving organisation); for organisations, the organisation itself
 * @param orgSubtree whether {@code orgId} includes the organisations below it
 * @param tier the tier (organisations only)
 * @param cofog a COFOG function; {@code "07"} also matches {@code "07.3"} and {@code "07.3.1"}
 * @param minAmount the smallest amount (inclusive); amounts compare within one currency, so an amount
 *     criterion keeps only records in its currency
 * @param maxAmount the largest amount (inclusive), in the same currency as {@code minAmount}
 * @param fromDate the first date (an expenditure's payment date, else the day it was recorded, UTC)
 * @param toDate the last date (inclusive)
 * @param text words that must all occur in the record's names, purposes, payee or indicator
 * @param allocationId the allocation a record draws on (transfers: the source; outcomes: any of theirs)
 * @param parentAllocationId the parent allocation (allocations only)
 */
public record Filter(Integer fiscalYear, String orgId, boolean orgSubtree, Tier tier, String cofog,
                     Money minAmount, Money maxAmount, LocalDate fromDate, LocalDate toDate, String text,
                     String allocationId, String parentAllocationId) {
    private static final Filter ALL = new Filter(null, null, false, null, null, null, null, null, null, null, null,
            null);

    /**
     * @throws IllegalArgumentException when the two amounts are in different currencies
     */
    public Filter {
        if (minAmount != null && maxAmount != null && !minAmount.currency().equals(maxAmount.currency())) {
            throw new IllegalArgumentException("amount: the smallest amount is in " + minAmount.currency()
                    + " and the largest in " + maxAmount.currency() + "; give both in one currency");
        }
    }

    /** @return a filter that keeps everything */
    public static Filter all() {
        return ALL;
    }

    /** @return this filter restricted to a fiscal year */
    public Filter fiscalYear(int year) {
        return new Filter(year, orgId, orgSubtree, tier, cofog, minAmount, maxAmount, fromDate, toDate,
                text, allocationId, parentAllocationId);
    }

    /**
     * @param id the organisation
     * @param includeDescendants whether organisations below it count too
     * @return this filter restricted to an organisation
     */
    public Filter org(String id, boolean includeDescendants) {
        return new Filter(fiscalYear, id, includeDescendants, tier, cofog, minAmount, maxAmount, fromDate,
                toDate, text, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to a tier */
    public Filter tier(Tier value) {
        return new Filter(fiscalYear, orgId, orgSubtree, value, cofog, minAmount, maxAmount, fromDate,
                toDate, text, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to a COFOG function and its sub-functions */
    public Filter cofog(String code) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, code, minAmount, maxAmount, fromDate,
                toDate, text, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to records in {@code min}'s currency of at least that amount */
    public Filter minAmount(Money min) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, min, maxAmount, fromDate, toDate, text,
                allocationId, parentAllocationId);
    }

    /** @return this filter restricted to records in {@code max}'s currency of at most that amount */
    public Filter maxAmount(Money max) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmount, max, fromDate, toDate, text,
                allocationId, parentAllocationId);
    }

    /** @return this filter restricted to dates from {@code from} to {@code to}, inclusive (either may be null) */
    public Filter dates(LocalDate from, LocalDate to) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmount, maxAmount, from, to, text,
                allocationId, parentAllocationId);
    }

    /** @return this filter restricted to records whose text holds every word of {@code words} */
    public Filter text(String words) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmount, maxAmount, fromDate,
                toDate, words, allocationId, parentAllocationId);
    }

    /** @return this filter restricted to records drawing on an allocation */
    public Filter allocation(String id) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmount, maxAmount, fromDate,
                toDate, text, id, parentAllocationId);
    }

    /** @return this filter restricted to the children of an allocation */
    public Filter parentAllocation(String id) {
        return new Filter(fiscalYear, orgId, orgSubtree, tier, cofog, minAmount, maxAmount, fromDate,
                toDate, text, allocationId, id);
    }
}

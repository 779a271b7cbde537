package org.fundtrail.chaincode.domain;

import java.time.LocalDate;

/**
 * The fiscal-year rule: fiscal year {@code Y} is calendar year {@code Y}, 1 January to 31 December,
 * so money of an allocation for fiscal year {@code Y} is spent on a date in that year. Pure: no clock.
 *
 * <pre>{@code
 * FiscalYear.requireWithin("date", "2027-03-14", allocation.fiscalYear());
 * }</pre>
 */
public final class FiscalYear {
    private FiscalYear() {
    }

    /**
     * @param fiscalYear a fiscal year
     * @return its first day
     */
    public static LocalDate firstDay(int fiscalYear) {
        return LocalDate.of(fiscalYear, 1, 1);
    }

    /**
     * @param fiscalYear a fiscal year
     * @return its last day
     */
    public static LocalDate lastDay(int fiscalYear) {
        return LocalDate.of(fiscalYear, 12, 31);
    }

    /**
     * @param field the field name used in a refusal
     * @param date an ISO date {@code yyyy-MM-dd}, already checked to be one
     * @param fiscalYear the fiscal year the date must fall in
     * @return the date
     * @throws Refusal INVALID_ARGUMENT naming the field when the date is outside the fiscal year
     */
    public static String requireWithin(String field, String date, int fiscalYear) {
        LocalDate day = LocalDate.parse(date);
        if (day.isBefore(firstDay(fiscalYear)) || day.isAfter(lastDay(fiscalYear))) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + date + "' is outside fiscal year " + fiscalYear
                    + " of the allocation (" + firstDay(fiscalYear) + " to " + lastDay(fiscalYear) + ")");
        }
        return date;
    }
}

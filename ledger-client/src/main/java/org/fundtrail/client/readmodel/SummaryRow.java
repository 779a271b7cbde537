package org.fundtrail.client.readmodel;

import java.util.Objects;

/**
 * The totals of one group of allocations for one fiscal year and currency (see
 * {@link SummaryGrouping} for what each total covers per grouping). Amounts are minor units of
 * {@link #currency()}; format them with {@link org.fundtrail.chaincode.domain.Money#decimal}.
 * {@code spent} and {@code available} are over every allocation of the group, so
 * {@code appropriated - spent = available} when nothing was reversed; {@code transferred} and
 * {@code spent} are already net of reversals.
 *
 * <pre>{@code
 * for (SummaryRow row : readModel.summary(null, Duration.ofSeconds(30)).byFiscalYear()) {
 *     System.out.println(row.fiscalYear() + " " + Money.decimal(row.spent(), row.currency()));
 * }
 * }</pre>
 *
 * @param fiscalYear the fiscal year
 * @param group the department's id or the COFOG division; null when grouped by fiscal year only
 * @param name the department's name; null unless grouped by department
 * @param currency ISO 4217 code of every amount in the row
 * @param appropriated what the group received from above
 * @param transferred what the group moved on one level down
 * @param spent the expenditures drawing on the group's allocations
 * @param returned what the group's allocations sent back up
 * @param returnedIn what was sent back to the group's allocations from below
 * @param reversed reversed transfers and expenditures drawing on the group's allocations
 * @param available what the group's allocations can still spend or transfer
 * @param allocations how many allocations the row covers
 */
public record SummaryRow(int fiscalYear, String group, String name, String currency, long appropriated,
                         long transferred, long spent, long returned, long returnedIn, long reversed, long available,
                         long allocations) {
    /** Validates the components. */
    public SummaryRow {
        Objects.requireNonNull(currency, "currency");
    }
}

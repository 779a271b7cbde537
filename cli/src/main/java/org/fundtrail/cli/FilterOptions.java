package org.fundtrail.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.client.readmodel.Filter;
import org.fundtrail.client.readmodel.ListOrder;
import picocli.CommandLine.Option;

/** The filters and order of {@code list} and {@code export}. */
final class FilterOptions {
    /** The currency of amounts when {@code --currency} is not given (as the API's {@code currency}). */
    static final String DEFAULT_CURRENCY = "EUR";

    @Option(names = "--fiscal-year", paramLabel = "YEAR", description = "Only this fiscal year.")
    Integer fiscalYear;

    @Option(names = "--org", paramLabel = "ORG", description = "Only records of this organisation.")
    String org;

    @Option(names = {"--include-descendants", "--below"},
            description = "With --org: also the organisations below it (the API's includeDescendants).")
    boolean below;

    @Option(names = "--tier", paramLabel = "TIER", description = "Organisations of this tier.")
    Tier tier;

    @Option(names = "--cofog", paramLabel = "CODE", description = "COFOG function (07 also matches 07.3).")
    String cofog;

    @Option(names = "--min-amount", paramLabel = "DECIMAL", description = "Amount at least this.")
    String minAmount;

    @Option(names = "--max-amount", paramLabel = "DECIMAL", description = "Amount at most this.")
    String maxAmount;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "The currency of --min-amount/--max-amount (default: EUR); amounts compare within one "
                    + "currency, so only records in it are kept.")
    String currency;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "On or after this date.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "On or before this date.")
    String to;

    @Option(names = {"--text", "-q"}, paramLabel = "WORDS",
            description = "Names, purposes, payees containing all words, each as a word prefix (the API's q).")
    String text;

    @Option(names = "--allocation", paramLabel = "ID", description = "Records drawing on this allocation.")
    String allocation;

    @Option(names = "--sort", paramLabel = "ORDER", description = "id (default), amount, -amount (largest first), "
            + "date, -date (newest first; an expenditure's payment date, else when recorded); the API's sort.")
    String sort;

    /** @return the order {@code --sort} names */
    ListOrder order() {
        if (sort == null) {
            return ListOrder.ID;
        }
        return ListOrder.ofText(sort).orElseThrow(() -> new UserError(ExitCode.USAGE, "--sort: '" + sort
                + "' is not one of " + java.util.Arrays.stream(ListOrder.values()).map(ListOrder::text).toList()));
    }

    /** @return the read model filter */
    Filter filter() {
        Filter f = Filter.all();
        if (fiscalYear != null) {
            f = f.fiscalYear(fiscalYear);
        }
        if (org != null) {
            f = f.org(org, below);
        }
        if (tier != null) {
            f = f.tier(tier);
        }
        if (cofog != null) {
            f = f.cofog(cofog);
        }
        if (minAmount != null) {
            f = f.minAmount(minor("--min-amount", minAmount));
        }
        if (maxAmount != null) {
            f = f.maxAmount(minor("--max-amount", maxAmount));
            if (f.minAmount() != null && f.maxAmount().minorUnits() < f.minAmount().minorUnits()) {
                throw new UserError(ExitCode.USAGE, "--max-amount: " + maxAmount + " is below --min-amount "
                        + minAmount);
            }
        }
        if (currency != null && minAmount == null && maxAmount == null) {
            throw new UserError(ExitCode.USAGE, "--currency: is the currency of --min-amount and --max-amount; "
                    + "give one of them too");
        }
        if (from != null || to != null) {
            f = f.dates(date("--from", from), date("--to", to));
        }
        if (text != null) {
            f = f.text(text);
        }
        if (allocation != null) {
            f = f.allocation(allocation);
        }
        return f;
    }

    /** @return the filters as the public API's query parameters (already URL-encoded), e.g. {@code &fiscalYear=2026} */
    String queryParameters() {
        StringBuilder q = new StringBuilder();
        filter();
        add(q, "fiscalYear", fiscalYear == null ? null : fiscalYear.toString());
        add(q, "org", org);
        add(q, "includeDescendants", org != null && below ? "true" : null);
        add(q, "tier", tier == null ? null : tier.name());
        add(q, "cofog", cofog);
        add(q, "minAmount", minAmount);
        add(q, "maxAmount", maxAmount);
        add(q, "currency", currency);
        add(q, "from", from);
        add(q, "to", to);
        add(q, "q", text);
        add(q, "allocation", allocation);
        add(q, "sort", sort == null ? null : order().text());
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private Money minor(String option, String value) {
        try {
            return Money.parseLimit(option, value, currency == null ? DEFAULT_CURRENCY : currency);
        } catch (Refusal e) {
            throw UserError.usage(e);
        }
    }

    private static LocalDate date(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UserError(ExitCode.USAGE, option + ": '" + value + "' is not a date YYYY-MM-DD");
        }
    }
}

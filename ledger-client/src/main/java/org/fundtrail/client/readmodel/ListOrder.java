package org.fundtrail.client.readmodel;

import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;

/**
 * The order of a list. Every order ends with the id, in the order's direction, so pages never
 * overlap or skip a record. Amounts compare within one currency: an amount order sorts by currency
 * first (in the same direction), then by amount.
 *
 * <pre>{@code
 * Page<RecordRow> biggest = readModel.list(RecordType.EXPENDITURE, Filter.all(), ListOrder.AMOUNT_DESCENDING, null, 10);
 * }</pre>
 */
public enum ListOrder {
    /** By id: the default. */
    ID("id"),
    /** Smallest amount first (records with an amount). */
    AMOUNT("amount"),
    /** Largest amount first (records with an amount). */
    AMOUNT_DESCENDING("-amount"),
    /** Oldest first: an expenditure's payment date, else the time it was recorded. */
    DATE("date"),
    /** Newest first. */
    DATE_DESCENDING("-date");

    private final String text;

    ListOrder(String text) {
        this.text = text;
    }

    /** @return the name users type: {@code id}, {@code amount}, {@code -amount}, {@code date}, {@code -date} */
    public String text() {
        return text;
    }

    /**
     * @param text a name as {@link #text()} gives it
     * @return the order, or empty when there is none of that name
     */
    public static java.util.Optional<ListOrder> ofText(String text) {
        return java.util.Arrays.stream(values()).filter(o -> o.text.equals(text)).findFirst();
    }

    /** @return whether this order runs from the largest or newest */
    public boolean descending() {
        return this == AMOUNT_DESCENDING || this == DATE_DESCENDING;
    }

    /** @return whether this order sorts by amount */
    public boolean byAmount() {
        return this == AMOUNT || this == AMOUNT_DESCENDING;
    }

    /**
     * @param record a record with an amount
     * @return its amount
     * @throws IllegalArgumentException for a record without one
     */
    static Money amountOf(LedgerRecord record) {
        if (record instanceof Allocation a) {
            return Money.ofStored(a.amount(), a.currency());
        } else if (record instanceof Transfer t) {
            return Money.ofStored(t.amount(), t.currency());
        } else if (record instanceof Expenditure e) {
            return Money.ofStored(e.amount(), e.currency());
        } else if (record instanceof FundsReturn r) {
            return Money.ofStored(r.amount(), r.currency());
        } else if (record instanceof Reversal r) {
            return Money.ofStored(r.amount(), r.currency());
        }
        throw new IllegalArgumentException("order: a " + record.type() + " has no amount");
    }

    /** @return the date the {@link #DATE} orders sort a record by */
    static String dateOf(LedgerRecord record) {
        return record instanceof Expenditure e ? e.date() : record.recordedAt();
    }
}

package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What has happened to an allocation's money: the one record the ledger rewrites in place, because
 * it is derived from the others. All amounts are canonical decimals of {@code currency}; always
 * {@code available = received + returnedIn - transferred - spent - returnedOut - reversed ≥ 0}.
 *
 * @param allocationId the allocation
 * @param currency its currency
 * @param received the allocation's amount
 * @param transferred transferred on to child allocations (net of reversed transfers)
 * @param spent spent (net of reversed expenditures)
 * @param returnedIn returned up by child allocations
 * @param returnedOut returned up to the parent allocation
 * @param reversed taken back because the transfer that created this allocation was reversed
 * @param available what may still be transferred, spent or returned
 * @param txId the last transaction that changed it
 * @param recordedAt when that transaction happened
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Balance(String allocationId, String currency, String received, String transferred, String spent,
                      String returnedIn, String returnedOut, String reversed, String available, String txId,
                      String recordedAt) implements LedgerRecord {

    /**
     * The balance of a new allocation: everything available.
     *
     * @param allocation the allocation
     * @return its opening balance
     */
    public static Balance opening(Allocation allocation) {
        long received = allocation.money().minorUnits();
        return of(allocation.id(), allocation.currency(), received, 0, 0, 0, 0, 0,
                new TxStamp(allocation.txId(), allocation.recordedAt()));
    }

    private static Balance of(String allocationId, String currency, long received, long transferred, long spent,
                              long returnedIn, long returnedOut, long reversed, TxStamp stamp) {
        long available = received + returnedIn - transferred - spent - returnedOut - reversed;
        if (available < 0) {
            throw new IllegalStateException("negative balance for " + allocationId);
        }
        return new Balance(allocationId, currency, Money.decimal(received, currency),
                Money.decimal(transferred, currency), Money.decimal(spent, currency),
                Money.decimal(returnedIn, currency), Money.decimal(returnedOut, currency),
                Money.decimal(reversed, currency), Money.decimal(available, currency), stamp.txId(),
                stamp.recordedAt());
    }

    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.BALANCE;
    }

    @Override
    @JsonIgnore
    public String id() {
        return allocationId;
    }

    /** @return the available amount in minor units */
    public long availableMinor() {
        return minor(available);
    }

    /** @return the transferred amount in minor units */
    public long transferredMinor() {
        return minor(transferred);
    }

    /** @return the spent amount in minor units */
    public long spentMinor() {
        return minor(spent);
    }

    /** @return the amount returned by children, in minor units */
    public long returnedInMinor() {
        return minor(returnedIn);
    }

    /** @return the amount returned to the parent, in minor units */
    public long returnedOutMinor() {
        return minor(returnedOut);
    }

    /** @return the reversed amount in minor units */
    public long reversedMinor() {
        return minor(reversed);
    }

    /** @return the received amount in minor units */
    public long receivedMinor() {
        return minor(received);
    }

    /** @return whether any money has left or come back to this allocation */
    @JsonIgnore
    public boolean isUntouched() {
        return transferredMinor() == 0 && spentMinor() == 0 && returnedInMinor() == 0 && returnedOutMinor() == 0
                && reversedMinor() == 0;
    }

    /**
     * Returns the balance after changing its counters by the given deltas (minor units).
     *
     * @throws Refusal LIMIT_EXCEEDED when a counter would overflow
     * @throws IllegalStateException when the result would be negative (callers check funds first)
     */
    Balance adjust(long dTransferred, long dSpent, long dReturnedIn, long dReturnedOut, long dReversed,
                   TxStamp stamp) {
        try {
            long transferredNew = Math.addExact(transferredMinor(), dTransferred);
            long spentNew = Math.addExact(spentMinor(), dSpent);
            long returnedInNew = Math.addExact(returnedInMinor(), dReturnedIn);
            long returnedOutNew = Math.addExact(returnedOutMinor(), dReturnedOut);
            long reversedNew = Math.addExact(reversedMinor(), dReversed);
            Math.addExact(Math.addExact(receivedMinor(), returnedInNew),
                    Math.addExact(Math.addExact(transferredNew, spentNew), returnedOutNew));
            return of(allocationId, currency, receivedMinor(), transferredNew, spentNew, returnedInNew,
                    returnedOutNew, reversedNew, stamp);
        } catch (ArithmeticException e) {
            throw Refusal.of(ErrorCode.LIMIT_EXCEEDED, "amount",
                    "the running totals of allocation '" + allocationId + "' would exceed what can be held exactly");
        }
    }

    /** Adds a transfer out. */
    public Balance withTransferOut(long amount, TxStamp stamp) {
        return adjust(amount, 0, 0, 0, 0, stamp);
    }

    /** Adds spending. */
    public Balance withSpending(long amount, TxStamp stamp) {
        return adjust(0, amount, 0, 0, 0, stamp);
    }

    /** Adds money returned by a child. */
    public Balance withReturnIn(long amount, TxStamp stamp) {
        return adjust(0, 0, amount, 0, 0, stamp);
    }

    /** Adds money returned to the parent. */
    public Balance withReturnOut(long amount, TxStamp stamp) {
        return adjust(0, 0, 0, amount, 0, stamp);
    }

    /** Undoes a transfer out (its transfer was reversed). */
    public Balance withTransferReversed(long amount, TxStamp stamp) {
        return adjust(-amount, 0, 0, 0, 0, stamp);
    }

    /** Undoes spending (its expenditure was reversed). */
    public Balance withSpendingReversed(long amount, TxStamp stamp) {
        return adjust(0, -amount, 0, 0, 0, stamp);
    }

    /** Takes back everything received (the creating transfer was reversed). */
    public Balance withReceiptReversed(TxStamp stamp) {
        return adjust(0, 0, 0, 0, receivedMinor(), stamp);
    }

    private long minor(String decimal) {
        return Money.ofStored(decimal, currency).minorUnits();
    }
}

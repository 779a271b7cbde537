package org.fundtrail.client.readmodel;

import java.util.Objects;
import org.fundtrail.chaincode.domain.Balance;

/**
 * One version of an allocation's balance and the transaction that wrote it.
 *
 * <pre>{@code
 * for (BalanceVersion v : readModel.balanceHistory("A-1")) {
 *     System.out.println(v.ref().blockNumber() + " " + v.balance().available());
 * }
 * }</pre>
 *
 * @param balance the balance as written by that transaction
 * @param ref the transaction and block
 */
public record BalanceVersion(Balance balance, LedgerRef ref) {
    /** Validates the components. */
    public BalanceVersion {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(ref, "ref");
    }
}

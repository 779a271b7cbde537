package org.fundtrail.client;

import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;

/**
 * An allocation with its current balance.
 *
 * @param allocation the immutable allocation
 * @param balance what has happened to its money
 */
public record AllocationView(Allocation allocation, Balance balance) {
}

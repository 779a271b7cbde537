package org.fundtrail.network.node.store;

/**
 * Where a transaction ID was committed and with which validation code.
 *
 * <pre>{@code store.transaction(txId).map(TxLocation::validationCode);}</pre>
 *
 * @param blockNumber the block holding the transaction
 * @param txNumber its position in the block
 * @param validationCode the {@code TxValidationCode} number written in the block's transaction filter
 */
public record TxLocation(long blockNumber, int txNumber, int validationCode) {
}

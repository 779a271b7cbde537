package org.fundtrail.client.readmodel;

/**
 * One transaction of a committed block, valid or not, as the projector saw it.
 *
 * <pre>{@code
 * LedgerTransaction tx = readModel.transaction(txId).orElseThrow();
 * if (!tx.isValid()) System.out.println("rejected: " + tx.validationCode());
 * }</pre>
 *
 * @param blockNumber the block
 * @param txIndex the position in the block, from 0
 * @param txId the transaction id (empty for some config transactions)
 * @param headerType the channel header type, e.g. {@code ENDORSER_TRANSACTION}, {@code CONFIG}
 * @param eventName the Fundtrail chaincode event (the transaction function, e.g. {@code Transfer}), or null
 * @param chaincode the chaincode that emitted the event, or null
 * @param timestamp the transaction timestamp, ISO-8601 UTC, or null when the header has none
 * @param creatorMsp the MSP ID of the submitter, or null
 * @param creatorSubject the subject of the submitter's certificate (RFC 2253), or null
 * @param validationCode the peer's validation code name, e.g. {@code VALID}, {@code MVCC_READ_CONFLICT}
 * @param recordCount how many records the read model took from it (0 unless valid)
 */
public record LedgerTransaction(long blockNumber, int txIndex, String txId, String headerType, String eventName,
                                String chaincode, String timestamp, String creatorMsp, String creatorSubject,
                                String validationCode, int recordCount) {
    /** @return whether the peer marked the transaction valid */
    public boolean isValid() {
        return "VALID".equals(validationCode);
    }
}

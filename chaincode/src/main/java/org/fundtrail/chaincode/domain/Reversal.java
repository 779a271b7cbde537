package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A correction: a new record that undoes a transfer (whose child allocation was untouched) or an
 * expenditure, naming the original and why. The original stays on the ledger as it was.
 *
 * @param id the reversal id
 * @param originalId the reversed record
 * @param originalType TRANSFER or EXPENDITURE
 * @param allocationId the allocation credited back
 * @param amount canonical decimal
 * @param currency ISO 4217 code
 * @param reasonCode why
 * @param reason free text
 * @param txId the transaction
 * @param recordedAt when
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Reversal(String id, String originalId, RecordType originalType, String allocationId, String amount,
                       String currency, ReasonCode reasonCode, String reason, String txId, String recordedAt)
        implements LedgerRecord {
    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.REVERSAL;
    }
}

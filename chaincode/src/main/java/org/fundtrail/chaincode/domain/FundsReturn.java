package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Unspent money sent back from an allocation to its parent: the only way money moves up.
 *
 * @param id the return id
 * @param allocationId the allocation returning money
 * @param toAllocationId its parent, receiving the money
 * @param amount canonical decimal
 * @param currency ISO 4217 code
 * @param reasonCode why
 * @param reason free text
 * @param txId the transaction
 * @param recordedAt when
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record FundsReturn(String id, String allocationId, String toAllocationId, String amount, String currency,
                          ReasonCode reasonCode, String reason, String txId, String recordedAt)
        implements LedgerRecord {
    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.RETURN;
    }
}

package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Money moved from one allocation to a new child allocation held by an organisation of the next
 * tier down.
 *
 * @param id the transfer id
 * @param fromAllocationId the source allocation
 * @param toOrgId the receiving organisation
 * @param toAllocationId the child allocation created with it
 * @param amount canonical decimal
 * @param currency ISO 4217 code
 * @param purpose what the money is for
 * @param reference an external reference (payment order, decision), or null
 * @param txId the transaction
 * @param recordedAt when
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Transfer(String id, String fromAllocationId, String toOrgId, String toAllocationId, String amount,
                       String currency, String purpose, String reference, String txId, String recordedAt)
        implements LedgerRecord {
    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.TRANSFER;
    }
}

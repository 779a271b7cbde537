package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Money spent from an allocation.
 *
 * @param id the expenditure id
 * @param allocationId the allocation spent from
 * @param amount canonical decimal
 * @param currency ISO 4217 code
 * @param payee who was paid
 * @param category spending category (e.g. economic classification)
 * @param date the payment date, ISO {@code yyyy-MM-dd}
 * @param evidence the invoice or payment document
 * @param txId the transaction
 * @param recordedAt when
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Expenditure(String id, String allocationId, String amount, String currency, Payee payee,
                          String category, String date, Evidence evidence, String txId, String recordedAt)
        implements LedgerRecord {
    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.EXPENDITURE;
    }
}

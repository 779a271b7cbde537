package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Transfers money to a new child allocation one tier down. The fields are those of the chaincode's {@code Transfer} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransferRequest(String id, String fromAllocationId, String toOrgId, String toAllocationId,
        String amount, String currency, String purpose, String reference) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "Transfer";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.TRANSFER;
    }
}

package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Returns unspent money to the parent allocation. The fields are those of the chaincode's {@code ReturnFunds} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReturnRequest(String id, String allocationId, String amount, String currency, ReasonCode reasonCode,
        String reason) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "ReturnFunds";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.RETURN;
    }
}

package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Reverses a transfer or an expenditure with a correcting record. The fields are those of the chaincode's {@code Reverse} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReversalRequest(String id, String originalId, ReasonCode reasonCode, String reason) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "Reverse";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.REVERSAL;
    }
}

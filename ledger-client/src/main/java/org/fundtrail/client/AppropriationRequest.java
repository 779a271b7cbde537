package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Appropriates money to the finance ministry. The fields are those of the chaincode's {@code Appropriate} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppropriationRequest(String id, int fiscalYear, String amount, String currency,
        Classification classification, String purpose, String legalReference) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "Appropriate";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.ALLOCATION;
    }
}

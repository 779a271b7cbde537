package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Records money spent from an allocation. The fields are those of the chaincode's {@code RecordExpenditure} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpenditureRequest(String id, String allocationId, String amount, String currency, Payee payee,
        String category, String date, Evidence evidence) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "RecordExpenditure";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.EXPENDITURE;
    }
}

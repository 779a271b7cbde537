package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.Evidence;
import java.util.List;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Records an outcome against allocations. The fields are those of the chaincode's {@code RecordOutcome} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutcomeRequest(String id, List<String> allocationIds, String indicator, String unit,
        String baseline, String target, String actual, String period, Evidence evidence) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "RecordOutcome";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.OUTCOME;
    }
}

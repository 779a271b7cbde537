package org.fundtrail.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Registers an organisation (finance ministry only). The fields are those of the chaincode's {@code RegisterOrganization} request; amounts are decimal
 * strings in the currency's minor digits (e.g. {@code "1250000.00"}), optional fields may be null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationRequest(String id, String name, Tier tier, String parentId, String mspId,
        String orgIdentifier) implements SubmitRequest {
    @Override
    @JsonIgnore
    public String transactionName() {
        return "RegisterOrganization";
    }

    @Override
    @JsonIgnore
    public RecordType recordType() {
        return RecordType.ORGANIZATION;
    }
}

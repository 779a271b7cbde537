package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An organisation taking part in the budget: the finance ministry, a department, an agency or an
 * audit office, bound to the Fabric MSP whose members may act for it.
 *
 * @param id the organisation id, as in certificates' {@code fundtrail.org} attribute
 * @param name display name
 * @param tier its tier
 * @param parentId the parent organisation (a department's ministry, an agency's department), or null
 * @param mspId the Fabric MSP ID whose members act for it
 * @param orgIdentifier an external organisation identifier (e.g. IATI org-id), or null
 * @param txId the registering transaction
 * @param recordedAt when it was registered
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Organization(String id, String name, Tier tier, String parentId, String mspId, String orgIdentifier,
                           String txId, String recordedAt) implements LedgerRecord {
    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.ORGANIZATION;
    }
}

package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Money given to one organisation for one purpose: an appropriation (no parent) or the receiving
 * end of a transfer. Immutable; what has happened to the money since is its {@link Balance}.
 *
 * @param id the allocation id
 * @param holderOrgId the organisation holding the money
 * @param parentAllocationId the allocation it was transferred from, null for an appropriation
 * @param transferId the transfer that created it, null for an appropriation
 * @param fiscalYear the fiscal year
 * @param currency ISO 4217 code, the same for the whole tree
 * @param amount the amount received, canonical decimal
 * @param classification budget classification (inherited from the parent)
 * @param purpose what the money is for
 * @param legalReference the budget law or decision, or null
 * @param txId the creating transaction
 * @param recordedAt when it was created
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Allocation(String id, String holderOrgId, String parentAllocationId, String transferId, int fiscalYear,
                         String currency, String amount, Classification classification, String purpose,
                         String legalReference, String txId, String recordedAt) implements LedgerRecord {
    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.ALLOCATION;
    }

    /** @return whether this is an appropriation, the root of a tree */
    @JsonIgnore
    public boolean isAppropriation() {
        return parentAllocationId == null;
    }

    /** @return the amount as money */
    @JsonIgnore
    public Money money() {
        return Money.ofStored(amount, currency);
    }
}

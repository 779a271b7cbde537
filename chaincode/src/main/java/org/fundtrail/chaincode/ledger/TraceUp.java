package org.fundtrail.chaincode.ledger;

import java.util.List;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * An upstream trace: from a record to the appropriation(s) its money came from.
 *
 * @param recordId the record traced
 * @param recordType its type
 * @param paths one path per allocation the record concerns (an outcome may concern several),
 *     each from the record's allocation up to its appropriation
 */
public record TraceUp(String recordId, RecordType recordType, List<List<Step>> paths) {
    /** Copies the lists. */
    public TraceUp {
        paths = paths.stream().map(List::copyOf).toList();
    }

    /**
     * One allocation on the way up.
     *
     * @param allocationId the allocation
     * @param holderOrgId who holds it
     * @param amount the amount it received
     * @param currency its currency
     * @param fiscalYear its fiscal year
     * @param transferId the transfer that created it, null for the appropriation
     */
    public record Step(String allocationId, String holderOrgId, String amount, String currency, int fiscalYear,
                       String transferId) {
    }
}

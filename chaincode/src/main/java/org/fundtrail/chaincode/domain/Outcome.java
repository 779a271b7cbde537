package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A result reported against one or more allocations: an indicator with its baseline, target and
 * actual value. Measures are exact decimals written as strings.
 *
 * @param id the outcome id
 * @param allocationIds the allocations it reports on (sorted, distinct)
 * @param indicator what is measured
 * @param unit the unit of measure
 * @param baseline the value before
 * @param target the value aimed for
 * @param actual the value achieved
 * @param period the period reported, e.g. {@code "2026"}, {@code "2026-Q3"}, {@code "2026-07"}
 * @param evidence the report backing it
 * @param txId the transaction
 * @param recordedAt when
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record Outcome(String id, List<String> allocationIds, String indicator, String unit, String baseline,
                      String target, String actual, String period, Evidence evidence, String txId,
                      String recordedAt) implements LedgerRecord {
    /** Copies the list so the record is immutable. */
    public Outcome {
        allocationIds = List.copyOf(allocationIds);
    }

    @Override
    @JsonProperty("type")
    public RecordType type() {
        return RecordType.OUTCOME;
    }
}

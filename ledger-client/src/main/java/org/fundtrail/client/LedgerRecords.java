package org.fundtrail.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.RecordType;

/** Reads ledger records from the chaincode's JSON by their {@code "type"}. */
public final class LedgerRecords {
    private LedgerRecords() {
    }

    /**
     * @param json one record, with its {@code "type"}
     * @return the typed record
     * @throws IllegalArgumentException when the JSON is not a ledger record
     */
    public static LedgerRecord parse(JsonNode json) {
        JsonNode type = json == null ? null : json.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("not a ledger record (no \"type\"): " + json);
        }
        try {
            return CanonicalJson.mapper().treeToValue(json, RecordType.valueOf(type.asText()).recordClass());
        } catch (Exception e) {
            throw new IllegalArgumentException("not a " + type.asText() + " record: " + e.getMessage(), e);
        }
    }

    /**
     * @param payload a submit result or chaincode event: {@code {"records":[…]}}
     * @return the records, in order
     */
    public static List<LedgerRecord> parseWritten(byte[] payload) {
        JsonNode root;
        try {
            root = CanonicalJson.mapper().readTree(payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        JsonNode array = root == null ? null : root.get("records");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("no \"records\" array");
        }
        List<LedgerRecord> records = new ArrayList<>(array.size());
        for (JsonNode record : array) {
            records.add(parse(record));
        }
        return records;
    }
}

package org.fundtrail.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;

/** Reads ledger records from the chaincode's JSON by their {@code "type"}. */
public final class LedgerRecords {
    private LedgerRecords() {
    }

    /**
     * @param type a record type
     * @return the class of its records
     */
    public static Class<? extends LedgerRecord> classOf(RecordType type) {
        return switch (type) {
            case ORGANIZATION -> Organization.class;
            case ALLOCATION -> Allocation.class;
            case BALANCE -> Balance.class;
            case TRANSFER -> Transfer.class;
            case EXPENDITURE -> Expenditure.class;
            case OUTCOME -> Outcome.class;
            case RETURN -> FundsReturn.class;
            case REVERSAL -> Reversal.class;
        };
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
            return CanonicalJson.mapper().treeToValue(json, classOf(RecordType.valueOf(type.asText())));
        } catch (Exception e) {
            throw new IllegalArgumentException("not a " + type.asText() + " record: " + e.getMessage(), e);
        }
    }

    /**
     * @param payload a submit result or chaincode event: {@code {"records":[…]}}
     * @return the records, in order
     */
    public static List<LedgerRecord> parseWritten(byte[] payload) {
        try {
            JsonNode root = CanonicalJson.mapper().readTree(payload);
            List<LedgerRecord> records = new ArrayList<>();
            for (JsonNode record : root.get("records")) {
                records.add(parse(record));
            }
            return records;
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalArgumentException("not a {\"records\":[…]} payload", e);
        }
    }
}

package org.fundtrail.chaincode.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds request JSON for tests: {@code Requests.of("id", "T-1", "amount", "10.00")}. */
final class Requests {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Requests() {
    }

    /** @return a mutable map of alternating keys and values */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** @return the JSON text of a value */
    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

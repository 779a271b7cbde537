package org.fundtrail.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.client.readmodel.LedgerRef;

/** JSON of the API: records as the ledger writes them (canonical), envelopes in declared order. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** @return a ledger value (record, balance, trace) as the canonical mapper writes it */
    static ObjectNode canonical(Object value) {
        return CanonicalJson.mapper().valueToTree(value);
    }

    static ObjectNode ref(LedgerRef ref) {
        ObjectNode node = object();
        node.put("txId", ref.txId());
        node.put("blockNumber", ref.blockNumber());
        return node;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * @param first a JSON object's bytes
     * @param second another JSON object's bytes
     * @return one object with the members of both (the first's first)
     */
    static byte[] merge(byte[] first, byte[] second) {
        if (first.length < 2 || first[0] != '{' || first[first.length - 1] != '}' || second.length < 2
                || second[0] != '{' || second[second.length - 1] != '}') {
            throw new IllegalArgumentException("not JSON objects");
        }
        boolean firstEmpty = first.length == 2;
        boolean secondEmpty = second.length == 2;
        byte[] out = new byte[first.length + second.length - (firstEmpty || secondEmpty ? 2 : 1)];
        System.arraycopy(first, 0, out, 0, first.length - 1);
        int at = first.length - 1;
        if (!firstEmpty && !secondEmpty) {
            out[at++] = ',';
        }
        System.arraycopy(second, 1, out, at, second.length - 1);
        return out;
    }

    /** @return the one error body shape */
    static ObjectNode error(int status, String error, String parameter, String message) {
        ObjectNode node = object();
        node.put("status", status);
        node.put("error", error);
        if (parameter != null) {
            node.put("parameter", parameter);
        }
        node.put("message", message);
        return node;
    }
}

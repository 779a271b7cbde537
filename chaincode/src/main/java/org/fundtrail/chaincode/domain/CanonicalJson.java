package org.fundtrail.chaincode.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper of the ledger: properties and map keys in alphabetical order, nulls left
 * out, no indentation — so every endorsing peer writes identical bytes for the same record.
 *
 * <pre>{@code
 * byte[] bytes = CanonicalJson.bytes(transfer);
 * Transfer back = CanonicalJson.read(bytes, Transfer.class);
 * }</pre>
 */
public final class CanonicalJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private CanonicalJson() {
    }

    /** @return the canonical mapper (do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param value a record or tree
     * @return its canonical JSON text
     */
    public static String write(Object value) {
        try {
            if (value instanceof JsonNode node) {
                return MAPPER.writeValueAsString(MAPPER.treeToValue(node, Object.class));
            }
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical JSON of " + value.getClass(), e);
        }
    }

    /**
     * @param value a record or tree
     * @return its canonical JSON as UTF-8 bytes
     */
    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads JSON written by the ledger.
     *
     * @param json canonical JSON bytes
     * @param type the record type
     * @param <T> the record type
     * @return the record
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    /**
     * Reads JSON written by the ledger.
     *
     * @param json canonical JSON text
     * @param type the record type
     * @param <T> the record type
     * @return the record
     */
    public static <T> T read(String json, Class<T> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }
}

package org.fundtrail.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void writes_properties_and_map_keys_in_alphabetical_order_without_nulls() {
        Transfer t = new Transfer("T-1", "A", "HEALTH", "D", "10.00", "EUR", "Grant", null, "tx1",
                "2026-01-01T00:00:01Z");
        assertThat(CanonicalJson.write(t)).isEqualTo("{\"amount\":\"10.00\",\"currency\":\"EUR\","
                + "\"fromAllocationId\":\"A\",\"id\":\"T-1\",\"purpose\":\"Grant\",\"recordedAt\":"
                + "\"2026-01-01T00:00:01Z\",\"toAllocationId\":\"D\",\"toOrgId\":\"HEALTH\",\"txId\":\"tx1\","
                + "\"type\":\"TRANSFER\"}");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", List.of(Map.of("y", 2, "b", 3)));
        assertThat(CanonicalJson.write(map)).isEqualTo("{\"a\":[{\"b\":3,\"y\":2}],\"z\":1}");
    }

    @Test
    void records_read_back_equal_to_what_was_written() {
        Outcome o = new Outcome("O-1", List.of("A", "B"), "Pupils", "persons", "0", "10", "9.5", "2026",
                new Evidence("ab".repeat(32), "https://example.org/r.pdf"), "tx", "2026-01-01T00:00:00Z");
        assertThat(CanonicalJson.read(CanonicalJson.bytes(o), Outcome.class)).isEqualTo(o);
        Balance b = Balance.opening(new Allocation("A", "MOF", null, null, 2026, "EUR", "5.00",
                new Classification("07", "P", null), "p", null, "tx", "2026-01-01T00:00:00Z"));
        assertThat(CanonicalJson.write(b)).isEqualTo("{\"allocationId\":\"A\",\"available\":\"5.00\","
                + "\"currency\":\"EUR\",\"received\":\"5.00\",\"recordedAt\":\"2026-01-01T00:00:00Z\","
                + "\"returnedIn\":\"0.00\",\"returnedOut\":\"0.00\",\"reversed\":\"0.00\",\"spent\":\"0.00\","
                + "\"transferred\":\"0.00\",\"txId\":\"tx\",\"type\":\"BALANCE\"}");
        assertThat(CanonicalJson.read(CanonicalJson.bytes(b), Balance.class)).isEqualTo(b);
    }
}

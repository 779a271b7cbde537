package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The numbers a journalist adds up must be the ledger's: reversed transfers and expenditures are
 * marked as reversed in lists and CSV, the summary shows what was reversed and what agencies
 * returned to their department, and search matches word prefixes. Runs against the real read
 * model of {@link LedgerFixture} (a reversed expenditure V-1, a reversed transfer V-2, a return R-1).
 */
class CorrectNumbersTest {
    static ApiServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = ApiServer.newInstance().readModel(LedgerFixture.get().readModel).port(0)
                .rateLimit(0, java.time.Duration.ofMinutes(1)).build();
        server.start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void reversed_records_name_their_reversal_in_json() throws Exception {
        JsonNode e = http.json("/api/v1/expenditures/E-00-00");
        assertThat(e.get("reversedBy").asText()).isEqualTo("V-1");
        assertThat(e.at("/links/reversal").asText()).isEqualTo("/api/v1/reversals/V-1");
        JsonNode t = http.json("/api/v1/transfers/T-S");
        assertThat(t.get("reversedBy").asText()).isEqualTo("V-2");
        JsonNode kept = http.json("/api/v1/expenditures/E-00-01");
        assertThat(kept.has("reversedBy")).isTrue();
        assertThat(kept.get("reversedBy").isNull()).isTrue();
        assertThat(kept.at("/links/reversal").isMissingNode()).isTrue();
        List<JsonNode> reversedInList = http.all("/api/v1/transfers?limit=1000").stream()
                .filter(n -> !n.get("reversedBy").isNull()).toList();
        assertThat(reversedInList).extracting(n -> n.get("id").asText()).containsExactly("T-S");
    }

    @Test
    void expenditure_csv_minus_reversed_rows_sums_to_the_summary_spending() throws Exception {
        HttpResponse<String> csv = http.get("/api/v1/expenditures.csv?fiscalYear=2026");
        List<List<String>> rows = Http.parseCsv(csv.body());
        List<String> header = rows.get(0);
        int amount = header.indexOf("amount");
        int reversedBy = header.indexOf("reversedBy");
        assertThat(reversedBy).as("reversedBy column").isNotNegative();
        BigDecimal all = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        int reversed = 0;
        for (List<String> row : rows.subList(1, rows.size())) {
            BigDecimal a = new BigDecimal(row.get(amount));
            all = all.add(a);
            if (row.get(reversedBy).isEmpty()) {
                net = net.add(a);
            } else {
                reversed++;
                assertThat(row.get(reversedBy)).isEqualTo("V-1");
            }
        }
        assertThat(reversed).isEqualTo(1);
        JsonNode y2026 = http.json("/api/v1/summary?fiscalYear=2026").at("/byFiscalYear/0");
        assertThat(new BigDecimal(y2026.get("spent").asText())).isEqualByComparingTo(net)
                .isLessThan(all);
        List<List<String>> tcsv = Http.parseCsv(http.get("/api/v1/transfers.csv?fiscalYear=2026").body());
        int tRev = tcsv.get(0).indexOf("reversedBy");
        assertThat(tcsv.stream().skip(1).filter(r -> !r.get(tRev).isEmpty()).map(r -> r.get(0)))
                .containsExactly("T-S");
    }

    @Test
    void summary_shows_reversed_amounts_and_what_agencies_returned_to_their_department() throws Exception {
        JsonNode s = http.json("/api/v1/summary?fiscalYear=2026");
        JsonNode year = s.at("/byFiscalYear/0");
        // V-1 reversed E-00-00 (100.00), V-2 reversed T-S (7000.00)
        assertThat(year.get("reversed").asText()).isEqualTo("7100.00");
        assertThat(year.get("returnedIn").asText()).isEqualTo("5.00");
        JsonNode health = find(s.get("byDepartment"), "HEALTH");
        assertThat(health.get("returnedIn").asText()).as("G-03 returned 5.00 to D-H").isEqualTo("5.00");
        assertThat(health.get("returned").asText()).isEqualTo("0.00");
        assertThat(health.get("reversed").asText()).isEqualTo("100.00");
        JsonNode edu = find(s.get("byDepartment"), "EDU");
        assertThat(edu.get("transferred").asText()).as("net of the reversed transfer").isEqualTo("0.00");
        assertThat(edu.get("reversed").asText()).isEqualTo("7000.00");
        // the department's money adds up: received + returned to it - spent - returned up = available
        for (JsonNode d : List.of(health, edu)) {
            BigDecimal available = dec(d, "appropriated").subtract(dec(d, "spent")).subtract(dec(d, "returned"));
            assertThat(dec(d, "available")).as(d.get("department").asText()).isEqualByComparingTo(available);
        }
    }

    @Test
    void q_matches_word_prefixes_but_not_word_middles() throws Exception {
        assertThat(http.all("/api/v1/transfers?q=hosp&limit=1000")).hasSize(1 + 20);
        assertThat(http.all("/api/v1/organisations?q=minis&limit=1000")).hasSize(3);
        assertThat(http.all("/api/v1/transfers?q=ospital&limit=1000")).isEmpty();
        assertThat(http.all("/api/v1/expenditures?q=medsup%20ltd&limit=1000")).hasSize(75);
    }

    private static BigDecimal dec(JsonNode n, String field) {
        return new BigDecimal(n.get(field).asText());
    }

    private static JsonNode find(JsonNode rows, String department) {
        for (JsonNode r : rows) {
            if (r.get("department").asText().equals(department)) {
                return r;
            }
        }
        throw new AssertionError("no department " + department + " in " + rows);
    }

    /**
     * The summary's flows (the year page's Sankey) are what one gets by walking the year's allocations:
     * each sends its holder what it kept of what it received, then spent, held-returned and unspent.
     */
    @Test
    void the_summary_s_flows_are_the_allocations_walked_one_by_one() throws Exception {
        java.util.Map<String, BigDecimal> expected = new java.util.TreeMap<>();
        List<JsonNode> allocations = http.all("/api/v1/allocations?fiscalYear=2026&limit=1000");
        java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
        allocations.forEach(a -> byId.put(a.get("id").asText(), a));
        java.util.function.BiConsumer<String, BigDecimal> add = (key, v) -> {
            if (v.signum() > 0) {
                expected.merge(key, v, BigDecimal::add);
            }
        };
        for (JsonNode a : allocations) {
            JsonNode b = a.get("balance");
            String holder = a.get("holderOrgId").asText();
            BigDecimal available = new BigDecimal(b.get("available").asText());
            BigDecimal returned = available.min(new BigDecimal(b.get("returnedIn").asText()));
            if (a.hasNonNull("parentAllocationId")) {
                String from = byId.get(a.get("parentAllocationId").asText()).get("holderOrgId").asText();
                add.accept(from + " transfer " + holder, new BigDecimal(b.get("received").asText())
                        .subtract(new BigDecimal(b.get("reversed").asText()))
                        .subtract(new BigDecimal(b.get("returnedOut").asText())));
            }
            add.accept(holder + " spent", new BigDecimal(b.get("spent").asText()));
            add.accept(holder + " returned", returned);
            add.accept(holder + " unspent", available.subtract(returned));
        }
        JsonNode summary = http.json("/api/v1/summary?fiscalYear=2026");
        java.util.Map<String, BigDecimal> flows = new java.util.TreeMap<>();
        BigDecimal sinks = BigDecimal.ZERO;
        for (JsonNode f : summary.get("flows")) {
            String kind = f.get("kind").asText();
            flows.put(f.get("from").asText() + " " + kind + (f.has("to") ? " " + f.get("to").asText() : ""),
                    new BigDecimal(f.get("amount").asText()));
            sinks = kind.equals("transfer") ? sinks : sinks.add(new BigDecimal(f.get("amount").asText()));
        }
        assertThat(flows).isNotEmpty().isEqualTo(expected);
        assertThat(expected.keySet()).anyMatch(k -> k.contains(" returned")).anyMatch(k -> k.contains(" transfer "));
        assertThat(sinks).isEqualByComparingTo(summary.at("/byFiscalYear/0/appropriated").asText());
    }
}

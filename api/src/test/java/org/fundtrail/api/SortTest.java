package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sort}: the largest payments first, page after page, in JSON and CSV; refusals name the parameter. */
class SortTest {
    static ApiServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = LedgerFixture.startServer();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Follows {@code next} links from the first page. */
    private static List<JsonNode> pages(String first) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String url = first;
        while (url != null) {
            JsonNode page = http.json(url);
            page.get("items").forEach(items::add);
            url = page.get("next").isNull() ? null : page.get("next").asText();
        }
        return items;
    }

    private static BigDecimal amount(JsonNode item) {
        return new BigDecimal(item.get("amount").asText());
    }

    @Test
    void largest_first_pages_through_every_payment_once() throws Exception {
        List<JsonNode> byId = pages("/api/v1/expenditures?limit=1000");
        List<JsonNode> largest = pages("/api/v1/expenditures?sort=-amount&limit=7");
        assertThat(largest).hasSameSizeAs(byId).hasSizeGreaterThan(100);
        assertThat(largest.stream().map(i -> i.get("id").asText()).distinct().count()).isEqualTo(byId.size());
        Comparator<JsonNode> expected = Comparator.comparing(SortTest::amount)
                .thenComparing(i -> i.get("id").asText()).reversed();
        assertThat(largest).isSortedAccordingTo(expected);
        assertThat(pages("/api/v1/expenditures?sort=amount&limit=50")).isSortedAccordingTo(
                Comparator.comparing(SortTest::amount).thenComparing(i -> i.get("id").asText()));
        assertThat(pages("/api/v1/expenditures?sort=-date&limit=50")).isSortedAccordingTo(
                Comparator.comparing((JsonNode i) -> i.get("date").asText())
                        .thenComparing(i -> i.get("id").asText()).reversed());
    }

    @Test
    void every_collection_sorts_by_date_newest_first() throws Exception {
        for (String collection : List.of("organisations", "allocations", "transfers", "outcomes", "returns",
                "reversals")) {
            List<JsonNode> newest = pages("/api/v1/" + collection + "?sort=-date&limit=3");
            assertThat(newest).as(collection).isNotEmpty().hasSameSizeAs(pages("/api/v1/" + collection + "?limit=1000"))
                    .isSortedAccordingTo(Comparator.comparing((JsonNode i) -> i.get("recordedAt").asText())
                            .thenComparing(i -> i.get("id").asText()).reversed());
        }
    }

    @Test
    void csv_export_follows_the_order() throws Exception {
        List<List<String>> rows = Http.parseCsv(http.get("/api/v1/expenditures.csv?sort=-amount&limit=20").body());
        int amount = rows.get(0).indexOf("amount");
        List<BigDecimal> amounts = rows.subList(1, rows.size()).stream().map(r -> new BigDecimal(r.get(amount))).toList();
        assertThat(amounts).hasSize(20).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(amounts.get(0)).isEqualByComparingTo(amount(pages("/api/v1/expenditures?sort=-amount&limit=1000")
                .get(0)));
    }

    @Test
    void refusals_name_the_parameter() throws Exception {
        HttpResponse<String> organisations = http.get("/api/v1/organisations?sort=-amount");
        assertThat(organisations.statusCode()).isEqualTo(400);
        assertThat(organisations.body()).contains("\"parameter\":\"sort\"");
        String cursor = http.json("/api/v1/expenditures?sort=-amount&limit=2").get("nextCursor").asText();
        HttpResponse<String> other = http.get("/api/v1/expenditures?limit=2&cursor=" + cursor);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("\"parameter\":\"cursor\"", "AMOUNT_DESCENDING");
    }
}

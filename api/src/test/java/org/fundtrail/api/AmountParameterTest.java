package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API reads {@code minAmount}/{@code maxAmount} by the ledger's own rule ({@link Money}) in the
 * request's {@code currency}: the API once had a copy that allowed 2 decimals and scaled by 100 for
 * every currency, so {@code minAmount=1} meant 100 JPY in the API and 1 JPY in the CLI.
 */
class AmountParameterTest {
    static final List<String> TEXTS = List.of("0", "1", "1.5", "1.25", "1.125", "1.1234", "007", "1e3", "-1",
            "999999999999999", "1000000000000000", "1000000000000000.00", "1000000000000000.01", "10000000000000000");

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

    private static Route expenditures() {
        return Route.of("/api/v1/expenditures", "listExpenditures", "expenditures", "", "",
                Routes.listParams(Resource.EXPENDITURES), List.of(Route.JSON), null, Route.Caching.NONE, List.of(),
                (ctx, p) -> { });
    }

    @Test
    void the_api_reads_an_amount_exactly_as_the_ledger_does_in_every_currency() {
        Route route = expenditures();
        for (String currency : List.of("EUR", "JPY", "KWD")) {
            for (String text : TEXTS) {
                Map<String, String> values = new HashMap<>(Map.of("minAmount", text, "currency", currency));
                Params params = Params.ofValues(route, values);
                Money expected;
                try {
                    expected = Money.parseLimit("minAmount", text, currency);
                } catch (Refusal r) {
                    assertThatThrownBy(() -> params.money("minAmount")).as(text + " " + currency)
                            .isInstanceOf(ApiException.class).hasMessageContaining("minAmount");
                    continue;
                }
                assertThat(params.money("minAmount")).as(text + " " + currency).isEqualTo(expected);
            }
        }
    }

    @Test
    void an_amount_without_a_currency_is_in_euro_as_in_the_cli() {
        Params params = Params.ofValues(expenditures(), Map.of("minAmount", "1"));
        assertThat(params.money("minAmount")).isEqualTo(new Money("EUR", 100));
    }

    @Test
    void an_amount_filter_keeps_only_records_in_its_currency() throws Exception {
        // The fixture's budget is in euro: 1 JPY would match every expenditure if currencies were ignored.
        List<JsonNode> euro = http.all("/api/v1/expenditures?minAmount=1&limit=1000");
        assertThat(euro).hasSizeGreaterThan(100).allMatch(i -> i.get("currency").asText().equals("EUR"));
        assertThat(http.all("/api/v1/expenditures?minAmount=1&currency=JPY&limit=1000")).isEmpty();
        assertThat(http.all("/api/v1/expenditures?minAmount=0&currency=EUR&limit=1000")).hasSize(
                http.all("/api/v1/expenditures?limit=1000").size());
    }
}

package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile and malformed input: always a 4xx in the one error shape, never a 500, never SQL; the server stays healthy. */
class HostileInputTest {
    static LedgerFixture fixture;
    static ApiServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        fixture = LedgerFixture.get();
        server = ApiServer.newInstance().readModel(fixture.readModel).port(0).rateLimit(0, Duration.ofMinutes(1))
                .accessLog(false).build();
        server.start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String cursorOf(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    record Hostile(String url, int status, String parameter) {
    }

    @Test
    void hostile_inputs_answer_4xx_with_the_error_shape_naming_the_parameter() throws Exception {
        String a = "/api/v1/allocations";
        String e = "/api/v1/expenditures";
        List<Hostile> cases = List.of(
                new Hostile(a + "?fiscalYear=" + q("2026' OR '1'='1"), 400, "fiscalYear"),
                new Hostile(a + "?fiscalYear=" + q("2026; DROP TABLE allocations; --"), 400, "fiscalYear"),
                new Hostile(a + "?fiscalYear=99999999999999999999999999", 400, "fiscalYear"),
                new Hostile(a + "?fiscalYear=9223372036854775808", 400, "fiscalYear"),
                new Hostile(a + "?fiscalYear=-9223372036854775809", 400, "fiscalYear"),
                new Hostile(a + "?fiscalYear=0x7E9", 400, "fiscalYear"),
                new Hostile(a + "?fiscalYear=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96", 400, "fiscalYear"),
                new Hostile(a + "?limit=0", 400, "limit"),
                new Hostile(a + "?limit=1001", 400, "limit"),
                new Hostile(a + "?limit=-1", 400, "limit"),
                new Hostile(a + "?limit=1e3", 400, "limit"),
                new Hostile(a + "?limit=", 400, "limit"),
                new Hostile(a + "?limit=1&limit=2", 400, "limit"),
                new Hostile(a + "?cursor=!!!", 400, "cursor"),
                new Hostile(a + "?cursor=AAAA", 400, "cursor"),
                new Hostile(a + "?cursor=" + cursorOf("v2:A-H-2026"), 400, "cursor"),
                new Hostile(a + "?cursor=" + cursorOf("v1:" + "X".repeat(70)), 400, "cursor"),
                new Hostile(a + "?cursor=" + "A".repeat(5000), 400, "cursor"),
                new Hostile(a + "?minAmount=-5", 400, "minAmount"),
                new Hostile(a + "?minAmount=1.234", 400, "minAmount"),
                new Hostile(a + "?minAmount=1e9", 400, "minAmount"),
                new Hostile(a + "?minAmount=NaN", 400, "minAmount"),
                new Hostile(a + "?maxAmount=99999999999999999999", 400, "maxAmount"),
                new Hostile(a + "?minAmount=10&maxAmount=5", 400, "maxAmount"),
                new Hostile(a + "?minAmount=1.5&currency=JPY", 400, "minAmount"),
                new Hostile(a + "?minAmount=1.2345&currency=KWD", 400, "minAmount"),
                new Hostile(a + "?minAmount=1&currency=XYZ", 400, "currency"),
                new Hostile(a + "?minAmount=1&currency=eur", 400, "currency"),
                new Hostile(a + "?currency=JPY", 400, "currency"),
                new Hostile(a + "?from=2026-02-30", 400, "from"),
                new Hostile(a + "?from=2026-13-01", 400, "from"),
                new Hostile(a + "?from=yesterday", 400, "from"),
                new Hostile(a + "?from=%2B12026-01-01", 400, "from"),
                new Hostile(a + "?from=2026-03-02&to=2026-03-01", 400, "to"),
                new Hostile(a + "?cofog=" + q("07;DROP TABLE allocations"), 400, "cofog"),
                new Hostile(a + "?cofog=7", 400, "cofog"),
                new Hostile(a + "?cofog=" + q("07%"), 400, "cofog"),
                new Hostile(a + "?org=" + q("HEALTH' OR 1=1 --"), 400, "org"),
                new Hostile(a + "?org=HEALTH%00", 400, "org"),
                new Hostile(a + "?org=" + q("../../etc/passwd"), 400, "org"),
                new Hostile(a + "?org=" + "A".repeat(65), 400, "org"),
                new Hostile(a + "?org=.", 400, "org"),
                new Hostile(a + "?org=..", 400, "org"),
                new Hostile(e + "?allocation=..", 400, "allocation"),
                new Hostile(a + "?includeDescendants=yes", 400, "includeDescendants"),
                new Hostile(a + "?q=" + "x".repeat(201), 400, "q"),
                new Hostile(a + "?q=%0D%0AX-Injected:%20yes", 400, "q"),
                new Hostile(a + "?tier=AGENCY", 400, "tier"),
                new Hostile("/api/v1/organisations?tier=agency", 400, "tier"),
                new Hostile("/api/v1/organisations?tier=" + q("MINISTRY'--"), 400, "tier"),
                new Hostile("/api/v1/organisations?fiscalYear=2026", 400, "fiscalYear"),
                new Hostile(a + "?fiscalyear=2026", 400, "fiscalyear"),
                new Hostile(a + "?" + "x".repeat(900) + "=1", 400, null),
                new Hostile(a + "?allocation=G-01", 400, "allocation"),
                new Hostile(e + "?parent=G-01", 400, "parent"),
                new Hostile(e + "?allocation=" + q("G-01\"; --"), 400, "allocation"),
                new Hostile(a + "/" + q("' OR 1=1 --"), 400, "id"),
                new Hostile(a + "/" + "A".repeat(65), 400, "id"),
                new Hostile(a + "/" + q("ÄÖÜ"), 400, "id"),
                new Hostile(a + "/" + q("💩"), 400, "id"),
                new Hostile(a + "/" + q("A B"), 400, "id"),
                new Hostile(a + "/VALID-BUT-UNKNOWN", 404, "id"),
                new Hostile("/api/v1/blocks/-1", 400, "number"),
                new Hostile("/api/v1/blocks/99999999999999999999", 400, "number"),
                new Hostile("/api/v1/blocks/abc", 400, "number"),
                new Hostile("/api/v1/blocks/1.5/transactions", 400, "number"),
                new Hostile("/api/v1/trace/A-H-2026?depth=99999999999", 400, "depth"),
                new Hostile("/api/v1/trace/A-H-2026?depth=-1", 400, "depth"),
                new Hostile("/api/v1/transactions/" + q("<script>alert(1)</script>"), 400, "txId"),
                new Hostile("/api/v1/summary?fiscalYear=" + q("2026 UNION SELECT * FROM organizations"), 400,
                        "fiscalYear"),
                new Hostile("/api/v1/health?verbose=true", 400, "verbose"),
                new Hostile("/assets/" + q("app.js;.css"), 400, "file"),
                new Hostile("/no/such/route", 404, null),
                new Hostile(a + "?q=" + "y".repeat(20_000), 414, null));
        List<String> failures = new ArrayList<>();
        for (Hostile c : cases) {
            HttpResponse<String> r = http.get(c.url());
            try {
                JsonNode body = Http.error(r, c.status());
                if (c.parameter() != null) {
                    assertThat(body.path("parameter").asText()).as(c.url()).isEqualTo(c.parameter());
                }
            } catch (AssertionError err) {
                failures.add(c.url().substring(0, Math.min(120, c.url().length())) + " -> " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        assertThat(failures).isEmpty();
        Http.error(http.get(a, "X-Padding", "z".repeat(20_000)), 431);
        assertThat(http.json("/api/v1/health").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void text_that_looks_like_sql_or_search_syntax_is_just_searched_for() throws Exception {
        for (String text : List.of("\" OR 1=1", "MedSupply OR x", "NEAR(a b)", "a*", "'; DROP TABLE x; --", "^x",
                "col:val", "-x")) {
            HttpResponse<String> r = http.get("/api/v1/expenditures?q=" + q(text));
            assertThat(r.statusCode()).as(text + ": " + r.body()).isEqualTo(200);
        }
        HttpResponse<String> injected = http.get("/api/v1/allocations?cursor=" + cursorOf("v1:' OR 1=1 --"));
        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(injected.body()).doesNotContain("SQL");
    }

    @Test
    void every_line_of_the_big_list_of_naughty_strings_is_refused_or_searched_never_a_fault() throws Exception {
        Path blns = Path.of("/work/shared/data/blns.txt");
        if (!Files.exists(blns)) {
            blns = Path.of("../../shared/data/blns.txt");
        }
        List<String> lines = Files.readAllLines(blns, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(lines).hasSizeGreaterThan(400);
        List<String> failures = new ArrayList<>();
        for (String line : lines) {
            check(failures, "/api/v1/allocations?fiscalYear=" + q(line), 400, 200);
            check(failures, "/api/v1/allocations?cursor=" + q(line), 400, 200);
            check(failures, "/api/v1/expenditures?q=" + q(line), 200, 400);
            check(failures, "/api/v1/records/" + q(line).replace("+", "%20"), 400, 404);
            check(failures, "/api/v1/trace/A-H-2026?direction=" + q(line), 400, 400);
        }
        assertThat(failures).isEmpty();
        assertThat(http.json("/api/v1/health").get("status").asText()).isEqualTo("UP");
    }

    private static void check(List<String> failures, String url, int expected, int alsoAllowed) throws Exception {
        HttpResponse<String> r = http.get(url);
        try {
            assertThat(r.statusCode()).isIn(expected, alsoAllowed);
            if (r.statusCode() >= 400) {
                Http.error(r, r.statusCode());
            }
        } catch (AssertionError err) {
            failures.add(url + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
        }
    }

    @Test
    void a_request_body_is_refused_with_413_even_for_an_answer_already_cached() throws Exception {
        String url = "/api/v1/allocations/G-01";
        assertThat(http.get(url).statusCode()).isEqualTo(200);
        assertThat(http.get(url).statusCode()).as("now cached").isEqualTo(200);
        java.net.http.HttpRequest withBody = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + url))
                .method("GET", java.net.http.HttpRequest.BodyPublishers.ofString("x".repeat(4096))).build();
        HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(withBody,
                HttpResponse.BodyHandlers.ofString());
        assertThat(Http.error(refused, 413).get("error").asText()).isEqualTo("REQUEST_TOO_LARGE");
        assertThat(http.get(url).statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_over_its_rate_limit_gets_429_with_retry_after() throws Exception {
        try (ApiServer limited = ApiServer.newInstance().readModel(fixture.readModel).port(0)
                .rateLimit(5, Duration.ofMinutes(1)).build()) {
            limited.start();
            Http h = new Http(limited.port());
            for (int i = 0; i < 5; i++) {
                assertThat(h.get("/api/v1/allocations/G-01").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> refused = h.get("/api/v1/allocations/G-01");
            JsonNode body = Http.error(refused, 429);
            assertThat(body.get("error").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(1L, 60L);
            assertThat(http.json("/api/v1/health").get("status").asText()).as("other servers unaffected")
                    .isEqualTo("UP");
        }
    }
}

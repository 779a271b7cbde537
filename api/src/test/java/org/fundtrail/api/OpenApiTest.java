package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists exactly the server's routes and the parameters each reads, and is valid OpenAPI 3.1. */
class OpenApiTest {
    static LedgerFixture fixture;
    static ApiServerImpl server;
    static Http http;
    static JsonNode doc;
    static String docText;

    @BeforeAll
    static void start() throws Exception {
        fixture = LedgerFixture.get();
        server = (ApiServerImpl) ApiServer.newInstance().readModel(fixture.readModel).port(0)
                .rateLimit(0, Duration.ofMinutes(1)).accessLog(false).responseCache(0).build();
        server.start();
        http = new Http(server.port());
        HttpResponse<String> r = http.get("/openapi.json");
        assertThat(r.statusCode()).isEqualTo(200);
        docText = r.body();
        doc = Http.MAPPER.readTree(docText);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_document_lists_every_route_the_router_has_and_no_other() {
        Set<String> get = new TreeSet<>();
        Set<String> head = new TreeSet<>();
        for (ParsedEndpoint p : server.javalin().unsafe.internalRouter.allHttpHandlers()) {
            if (p.endpoint.method.equals(HandlerType.GET)) {
                get.add(p.endpoint.path);
            } else if (p.endpoint.method.equals(HandlerType.HEAD)) {
                head.add(p.endpoint.path);
            } else if (!(p.endpoint.method.equals(HandlerType.BEFORE) && p.endpoint.path.equals("*"))) {
                throw new AssertionError("a route that is not GET or HEAD: " + p.endpoint.method + " "
                        + p.endpoint.path);
            }
        }
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(get).isNotEmpty().isEqualTo(documented).isEqualTo(head);
        for (String path : documented) {
            Set<String> ops = new TreeSet<>();
            doc.get("paths").get(path).fieldNames().forEachRemaining(ops::add);
            assertThat(ops).as(path).containsExactly("get");
        }
        assertThat(documented).contains("/api/v1/allocations", "/api/v1/allocations.csv", "/api/v1/allocations/{id}",
                "/api/v1/trace/{id}", "/api/v1/records/{id}/history", "/api/v1/summary",
                "/api/v1/transactions/{txId}", "/api/v1/blocks/{number}", "/api/v1/health", "/openapi.json");
    }

    @Test
    void the_document_lists_every_parameter_each_route_reads_and_each_route_reads_every_parameter_listed()
            throws Exception {
        String txId = http.json("/api/v1/transfers/T-H").at("/ledger/txId").asText();
        Map<String, String> sample = new HashMap<>(Map.ofEntries(
                Map.entry("limit", "5"),
                Map.entry("cursor", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString("v1:A".getBytes(StandardCharsets.UTF_8))),
                Map.entry("fiscalYear", "2026"), Map.entry("org", "HEALTH"), Map.entry("includeDescendants", "true"),
                Map.entry("tier", "AGENCY"), Map.entry("cofog", "07"), Map.entry("minAmount", "1"),
                Map.entry("maxAmount", "99999999"), Map.entry("currency", "EUR"), Map.entry("sort", "id"),
                Map.entry("from", "2020-01-01"), Map.entry("to", "2099-01-01"),
                Map.entry("q", "x"), Map.entry("allocation", "G-01"), Map.entry("parent", "D-H"),
                Map.entry("direction", "down"), Map.entry("depth", "2"), Map.entry("number", "1"),
                Map.entry("txId", txId), Map.entry("file", "app.js"),
                Map.entry("year", "2026"), Map.entry("orgId", "HEALTH"), Map.entry("fy", "2026"),
                Map.entry("traceId", "A-H-2026"), Map.entry("recordId", "G-01"),
                Map.entry("vendorFile", "d3-sankey.min.js"), Map.entry("anchor", "0".repeat(64)),
                Map.entry("policy", "AND('FinanceMSP.peer','AuditMSP.peer')"),
                Map.entry("first", "0"), Map.entry("last", "1")));
        Map<String, String> ids = Map.of("organisations", "HEALTH", "allocations", "G-01", "transfers", "T-H",
                "expenditures", "E-01-01", "outcomes", "O-1", "returns", "R-1", "reversals", "V-1", "records", "G-01",
                "trace", "A-H-2026");
        for (Route route : server.routes()) {
            route.reads().clear();
            String path = route.path();
            for (Param p : route.params()) {
                if (p.in() == Param.In.PATH) {
                    String value = p.name().equals("id") ? ids.get(path.split("/")[3]) : sample.get(p.name());
                    path = path.replace("{" + p.name() + "}", value);
                }
            }
            String query = route.params().stream().filter(p -> p.in() == Param.In.QUERY)
                    .map(p -> p.name() + "=" + sample.get(p.name())).collect(Collectors.joining("&"));
            HttpResponse<String> r = http.get(query.isEmpty() ? path : path + "?" + query);
            assertThat(r.statusCode()).as(path + "?" + query + " -> " + r.body()).isIn(200, 501);

            assertThat(mismatches(doc, route.path(), route.reads())).as("parameters of %s: documented vs read",
                    route.path()).isEmpty();
            for (JsonNode p : parameters(doc, route.path())) {
                assertThat(p.get("schema").isObject()).isTrue();
            }
        }
    }

    /**
     * Compares the parameters the served document lists for a path with those its handler read at
     * run time (recorded by {@link Params}), which come from the handler's code, not from the route
     * table the document is generated from. (Comparing the document with the route table held by
     * construction: the one is made from the other.)
     *
     * @return "documented, not read: X" / "read, not documented: Y" lines; empty when they agree
     */
    static Set<String> mismatches(JsonNode document, String path, Set<String> read) {
        Set<String> documented = new TreeSet<>();
        for (JsonNode p : parameters(document, path)) {
            documented.add(p.get("name").asText());
        }
        Set<String> differences = new TreeSet<>();
        documented.stream().filter(n -> !read.contains(n)).forEach(n -> differences.add("documented, not read: " + n));
        read.stream().filter(n -> !documented.contains(n)).forEach(n -> differences.add("read, not documented: " + n));
        return differences;
    }

    private static JsonNode parameters(JsonNode document, String path) {
        return document.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/get/parameters");
    }

    @Test
    void the_comparison_fails_when_the_document_drifts_from_what_the_handlers_read() throws Exception {
        Route route = server.routes().stream().filter(r -> r.path().equals("/api/v1/allocations")).findFirst()
                .orElseThrow();
        Set<String> read = new TreeSet<>();
        route.params().forEach(p -> read.add(p.name()));
        assertThat(mismatches(doc, route.path(), read)).isEmpty();

        JsonNode drifted = Http.MAPPER.readTree(docText);
        ((com.fasterxml.jackson.databind.node.ArrayNode) parameters(drifted, route.path())).remove(0);
        String dropped = parameters(doc, route.path()).get(0).get("name").asText();
        assertThat(mismatches(drifted, route.path(), read)).containsExactly("read, not documented: " + dropped);

        Set<String> notRead = new TreeSet<>(read);
        notRead.remove(dropped);
        assertThat(mismatches(doc, route.path(), notRead)).containsExactly("documented, not read: " + dropped);
    }

    @Test
    void a_handler_cannot_read_a_parameter_its_route_does_not_declare() {
        Route route = server.routes().get(0);
        Params params = Params.ofValues(route, Map.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> params.string("undeclared"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("undeclared");
    }

    @Test
    void the_document_is_valid_openapi_3_1_for_an_independent_parser() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(docText, null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).hasSize(server.routes().size());
        // every $ref points at a schema the document defines
        Set<String> schemas = new TreeSet<>();
        doc.at("/components/schemas").fieldNames().forEachRemaining(schemas::add);
        assertRefs(doc, schemas);
    }

    private static void assertRefs(JsonNode node, Set<String> schemas) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                assertThat(ref.asText()).startsWith("#/components/schemas/");
                assertThat(schemas).contains(ref.asText().substring("#/components/schemas/".length()));
            }
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                assertRefs(it.next(), schemas);
            }
        } else if (node.isArray()) {
            node.forEach(n -> assertRefs(n, schemas));
        }
    }

    @Test
    void record_schemas_come_from_the_ledger_s_record_classes() {
        JsonNode allocation = doc.at("/components/schemas/Allocation/properties");
        assertThat(allocation.has("holderOrgId")).isTrue();
        assertThat(allocation.has("classification")).isTrue();
        assertThat(doc.at("/components/schemas/Error/required").toString()).contains("status", "error", "message");
        List<String> tags = doc.findValuesAsText("operationId");
        assertThat(tags).doesNotHaveDuplicates();
    }
}

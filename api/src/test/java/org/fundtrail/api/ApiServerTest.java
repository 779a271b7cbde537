package org.fundtrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint of the real server, on a random port, over a real read model fed by a real embedded node. */
class ApiServerTest {
    static LedgerFixture fixture;
    static ApiServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        fixture = LedgerFixture.get();
        server = ApiServer.newInstance().readModel(fixture.readModel).port(0).rateLimit(0, java.time.Duration.ofMinutes(1))
                .build();
        server.start();
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<String> ids(List<JsonNode> items) {
        return items.stream().map(i -> i.get("id").asText()).toList();
    }

    private static void assertRecordShape(JsonNode item) {
        assertThat(item.get("id").asText()).isNotBlank();
        assertThat(item.at("/ledger/txId").asText()).isNotBlank();
        assertThat(item.at("/ledger/blockNumber").isIntegralNumber()).isTrue();
        assertThat(item.at("/links/self").asText()).endsWith("/" + item.get("id").asText());
    }

    @Test
    void every_collection_lists_records_with_their_ledger_reference_and_links() throws Exception {
        Map<String, Integer> expected = Map.of("organisations", 7, "allocations", 3 + 3 + 20 + 2,
                "transfers", 3 + 20 + 2, "expenditures", 300, "outcomes", 2, "returns", 1, "reversals", 2);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            List<JsonNode> items = http.all("/api/v1/" + e.getKey() + "?limit=1000");
            assertThat(items).as(e.getKey()).hasSize(e.getValue());
            items.forEach(ApiServerTest::assertRecordShape);
            assertThat(ids(items)).isSorted();
        }
        JsonNode page = http.json("/api/v1/allocations");
        assertThat(page.get("limit").asInt()).isEqualTo(100);
        assertThat(page.get("ledgerHeight").asLong()).isEqualTo(fixture.readModel.height());
    }

    record Case(String query, int count, Predicate<JsonNode> each) {
    }

    @Test
    void every_filter_keeps_exactly_the_matching_records() throws Exception {
        Set<String> health = Set.of("HEALTH", "HEALTH-HOSP", "HEALTH-PH");
        List<Case> cases = List.of(
                new Case("organisations?tier=AGENCY", 3, i -> i.get("tier").asText().equals("AGENCY")),
                new Case("organisations?org=HEALTH&includeDescendants=true", 3,
                        i -> health.contains(i.get("id").asText())),
                new Case("organisations?q=ministry", 3, i -> i.get("name").asText().contains("Ministry")),
                new Case("allocations?fiscalYear=2025", 3, i -> i.get("fiscalYear").asInt() == 2025),
                new Case("allocations?org=HEALTH", 2, i -> i.get("holderOrgId").asText().equals("HEALTH")),
                new Case("allocations?org=HEALTH&includeDescendants=true", 23,
                        i -> health.contains(i.get("holderOrgId").asText())),
                new Case("allocations?org=HEALTH&includeDescendants=false", 2,
                        i -> i.get("holderOrgId").asText().equals("HEALTH")),
                new Case("allocations?cofog=07", 3 + 20 + 2, i -> i.at("/classification/cofog").asText()
                        .startsWith("07")),
                new Case("allocations?cofog=07.4", 3, i -> i.at("/classification/cofog").asText().equals("07.4")),
                new Case("allocations?parent=D-H", 20, i -> i.get("parentAllocationId").asText().equals("D-H")),
                new Case("allocations?minAmount=10010&maxAmount=10015.00", 6, i -> between(i, "10010", "10015")),
                new Case("allocations?q=hospital&fiscalYear=2026", 1 + 1 + 20, i -> true),
                new Case("allocations?from=2020-01-01&to=2099-12-31", 28, i -> true),
                new Case("allocations?from=2099-01-01", 0, i -> true),
                new Case("transfers?allocation=D-H", 20, i -> i.get("fromAllocationId").asText().equals("D-H")),
                new Case("transfers?org=HEALTH-HOSP", 20, i -> i.get("toOrgId").asText().equals("HEALTH-HOSP")),
                new Case("transfers?fiscalYear=2025", 2, i -> true),
                new Case("transfers?cofog=09", 2, i -> true),
                new Case("transfers?minAmount=100000", 3, i -> between(i, "100000", "1000000000")),
                new Case("expenditures?allocation=G-05", 15, i -> i.get("allocationId").asText().equals("G-05")),
                new Case("expenditures?from=2026-03-01&to=2026-03-31", 40,
                        i -> i.get("date").asText().startsWith("2026-03")),
                new Case("expenditures?q=MedSupply", 75, i -> i.at("/payee/name").asText().equals("MedSupply Ltd")),
                new Case("expenditures?q=unicode", 75, i -> i.at("/payee/name").asText().startsWith("Ünïcödé")),
                new Case("expenditures?maxAmount=100.99", 1, i -> between(i, "0", "100.99")),
                new Case("expenditures?org=HEALTH&includeDescendants=true&fiscalYear=2026&cofog=07.3", 300,
                        i -> true),
                new Case("expenditures?org=EDU&includeDescendants=true", 0, i -> true),
                new Case("outcomes?allocation=G-01", 1, i -> i.get("id").asText().equals("O-2")),
                new Case("outcomes?fiscalYear=2026&q=patients", 1, i -> i.get("id").asText().equals("O-1")),
                new Case("returns?allocation=G-03", 1, i -> i.get("id").asText().equals("R-1")),
                new Case("reversals?org=HEALTH-HOSP", 1, i -> i.get("originalId").asText().equals("E-00-00")));
        for (Case c : cases) {
            List<JsonNode> items = http.all("/api/v1/" + c.query() + (c.query().contains("?") ? "&" : "?")
                    + "limit=1000");
            assertThat(items).as(c.query()).hasSize(c.count()).allMatch(c.each(), "matches " + c.query());
        }
    }

    private static boolean between(JsonNode item, String min, String max) {
        BigDecimal amount = new BigDecimal(item.get("amount").asText());
        return amount.compareTo(new BigDecimal(min)) >= 0 && amount.compareTo(new BigDecimal(max)) <= 0;
    }

    @Test
    void pagination_reaches_the_end_of_a_long_list_without_gaps_or_repeats() throws Exception {
        List<JsonNode> items = http.all("/api/v1/expenditures?limit=7");
        List<String> ids = ids(items);
        assertThat(ids).hasSize(300).doesNotHaveDuplicates().isSorted();
        List<String> expected = new ArrayList<>();
        for (int g = 0; g < LedgerFixture.HOSPITAL_ALLOCATIONS; g++) {
            for (int n = 0; n < LedgerFixture.EXPENDITURES_EACH; n++) {
                expected.add(LedgerFixture.expenditureId(g, n));
            }
        }
        assertThat(ids).containsExactlyElementsOf(expected);
        JsonNode first = http.json("/api/v1/expenditures?limit=7&allocation=G-01");
        assertThat(first.get("next").asText()).startsWith("/api/v1/expenditures?").contains("allocation=G-01")
                .contains("limit=7").contains("cursor=" + first.get("nextCursor").asText());
        JsonNode last = http.json("/api/v1/expenditures?limit=1000");
        assertThat(last.get("next").isNull()).isTrue();
        assertThat(last.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void csv_holds_exactly_what_json_holds_for_every_collection() throws Exception {
        for (Resource r : Resource.values()) {
            List<JsonNode> json = http.all("/api/v1/" + r.path + "?limit=13");
            HttpResponse<String> csv = http.get("/api/v1/" + r.path + ".csv");
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            List<List<String>> rows = Http.parseCsv(csv.body());
            assertThat(rows.get(0)).containsExactlyElementsOf(r.columns.stream().map(Resource.Column::header)
                    .toList());
            assertThat(rows).as(r.path).hasSize(json.size() + 1);
            for (int i = 0; i < json.size(); i++) {
                List<String> row = rows.get(i + 1);
                for (int c = 0; c < r.columns.size(); c++) {
                    assertThat(row.get(c)).as(r.path + " row " + i + " " + r.columns.get(c).header())
                            .isEqualTo(RecordController.cell(json.get(i).at(r.columns.get(c).pointer())));
                }
            }
            HttpResponse<String> negotiated = http.get("/api/v1/" + r.path, "Accept", "text/csv");
            assertThat(negotiated.body()).isEqualTo(csv.body());
            assertThat(negotiated.headers().firstValue("Vary")).hasValue("Accept");
        }
        HttpResponse<String> filtered = http.get("/api/v1/expenditures.csv?allocation=G-07&limit=4");
        assertThat(Http.parseCsv(filtered.body())).hasSize(5);
        assertThat(Http.parseCsv(http.get("/api/v1/expenditures.csv?q=Break").body()).get(1).get(4))
                .isEqualTo("Line\nBreak Services");
    }

    @Test
    void one_record_by_id_with_links_to_parent_and_children() throws Exception {
        JsonNode g = http.json("/api/v1/allocations/G-03");
        assertThat(g.get("holderOrgId").asText()).isEqualTo("HEALTH-HOSP");
        assertThat(g.at("/balance/returnedOut").asText()).isEqualTo("5.00");
        assertThat(g.at("/links/parent").asText()).isEqualTo("/api/v1/allocations/D-H");
        assertThat(g.at("/links/children").asText()).isEqualTo("/api/v1/allocations?parent=G-03");
        assertThat(http.all(g.at("/links/expenditures").asText())).hasSize(15);
        JsonNode t = http.json("/api/v1/transfers/T-G-03");
        assertThat(t.at("/links/children").asText()).isEqualTo("/api/v1/allocations/G-03");
        JsonNode o = http.json("/api/v1/outcomes/O-2");
        assertThat(o.at("/links/parents")).hasSize(2);
        assertThat(http.json("/api/v1/organisations/HEALTH-HOSP").at("/links/parent").asText())
                .isEqualTo("/api/v1/organisations/HEALTH");
        assertThat(http.json("/api/v1/expenditures/E-02-03").at("/payee/identifier").asText()).isEqualTo("PAYEE-3");
        assertThat(http.json("/api/v1/returns/R-1").get("reasonCode").asText()).isEqualTo("UNSPENT");
        assertThat(http.json("/api/v1/reversals/V-1").at("/links/original").asText())
                .isEqualTo("/api/v1/expenditures/E-00-00");
        assertThat(http.json("/api/v1/records/T-H").get("type").asText()).isEqualTo("TRANSFER");
        JsonNode notFound = Http.error(http.get("/api/v1/allocations/NOPE"), 404);
        assertThat(notFound.get("parameter").asText()).isEqualTo("id");
        assertThat(Http.error(http.get("/api/v1/allocations/T-H"), 404).get("message").asText())
                .contains("/api/v1/transfers/T-H");
        Http.error(http.get("/api/v1/records/NOPE"), 404);
    }

    @Test
    void trace_down_gives_the_tree_with_totals_and_trace_up_the_path() throws Exception {
        JsonNode down = http.json("/api/v1/trace/A-H-2026?direction=down&depth=5");
        assertThat(down.get("nodes").asInt()).isEqualTo(22);
        assertThat(down.at("/root/children/0/allocationId").asText()).isEqualTo("D-H");
        assertThat(down.at("/root/children/0/children")).hasSize(20);
        assertThat(down.at("/root/children/0/children/0/expenditures").asInt()).isEqualTo(15);
        assertThat(down.at("/root/children/0/children/0/outcomes/0/id").asText()).isEqualTo("O-1");
        JsonNode shallow = http.json("/api/v1/trace/A-H-2026?depth=1");
        assertThat(shallow.get("direction").asText()).isEqualTo("down");
        assertThat(shallow.at("/root/children/0/complete").asBoolean()).isFalse();
        assertThat(shallow.get("pending")).hasSize(1);
        JsonNode up = http.json("/api/v1/trace/E-04-02?direction=up");
        assertThat(StreamSupport.stream(up.at("/paths/0").spliterator(), false)
                .map(s -> s.get("allocationId").asText())).containsExactly("G-04", "D-H", "A-H-2026");
        assertThat(http.json("/api/v1/trace/O-2?direction=up").get("paths")).hasSize(2);
        assertThat(Http.error(http.get("/api/v1/trace/HEALTH?direction=up"), 400).get("parameter").asText())
                .isEqualTo("id");
        assertThat(Http.error(http.get("/api/v1/trace/T-H?direction=down"), 400).get("message").asText())
                .contains("TRANSFER");
        Http.error(http.get("/api/v1/trace/NOPE"), 404);
        Http.error(http.get("/api/v1/trace/NOPE?direction=up"), 404);
        assertThat(Http.error(http.get("/api/v1/trace/E-04-02?direction=up&depth=2"), 400).get("parameter")
                .asText()).isEqualTo("depth");
        assertThat(Http.error(http.get("/api/v1/trace/A-H-2026?depth=101"), 400).get("parameter").asText())
                .isEqualTo("depth");
        assertThat(Http.error(http.get("/api/v1/trace/A-H-2026?direction=sideways"), 400).get("parameter")
                .asText()).isEqualTo("direction");
    }

    @Test
    void history_lists_every_version_with_its_transaction() throws Exception {
        JsonNode h = http.json("/api/v1/records/G-03/history");
        JsonNode versions = h.get("versions");
        assertThat(versions.get(0).get("kind").asText()).isEqualTo("RECORD");
        assertThat(versions.size()).isEqualTo(1 + 1 + 15 + 1);
        JsonNode last = versions.get(versions.size() - 1);
        assertThat(last.at("/balance/returnedOut").asText()).isEqualTo("5.00");
        for (JsonNode v : versions) {
            assertThat(v.at("/ledger/txId").asText()).isNotBlank();
        }
        assertThat(http.json("/api/v1/records/T-H/history").get("versions")).hasSize(1);
        Http.error(http.get("/api/v1/records/NOPE/history"), 404);
    }

    @Test
    void summary_totals_add_up() throws Exception {
        JsonNode s = http.json("/api/v1/summary");
        JsonNode y2026 = find(s.get("byFiscalYear"), "fiscalYear", "2026");
        assertThat(y2026.get("appropriated").asText()).isEqualTo("1500000.00");
        assertThat(y2026.get("transferred").asText()).isEqualTo("1100000.00");
        BigDecimal spent = BigDecimal.ZERO;
        for (JsonNode e : http.all("/api/v1/expenditures?limit=1000")) {
            if (!e.get("id").asText().equals("E-00-00")) {
                spent = spent.add(new BigDecimal(e.get("amount").asText()));
            }
        }
        assertThat(new BigDecimal(y2026.get("spent").asText())).isEqualByComparingTo(spent);
        assertThat(new BigDecimal(y2026.get("available").asText())).isEqualByComparingTo(
                new BigDecimal("1500000.00").subtract(spent));
        JsonNode healthDept = find(s.get("byDepartment"), "department", "HEALTH");
        assertThat(healthDept.get("appropriated").asText()).isIn("800000.00", "100000.00");
        JsonNode cofog07 = find(http.json("/api/v1/summary?fiscalYear=2026").get("byCofog"), "cofog", "07");
        assertThat(cofog07.get("appropriated").asText()).isEqualTo("1000000.00");
        JsonNode outcomes = find(s.get("outcomes"), "fiscalYear", "2026");
        assertThat(outcomes.get("reported").asInt()).isEqualTo(2);
        assertThat(outcomes.get("numericTarget").asInt()).isEqualTo(2);
        assertThat(outcomes.get("actualAtOrAboveTarget").asInt()).isEqualTo(2);
        JsonNode only2025 = http.json("/api/v1/summary?fiscalYear=2025");
        assertThat(only2025.get("byFiscalYear")).hasSize(1);
        assertThat(only2025.at("/byFiscalYear/0/appropriated").asText()).isEqualTo("200000.00");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    @Test
    void transactions_and_blocks_name_where_each_record_is() throws Exception {
        JsonNode t = http.json("/api/v1/transfers/T-H");
        String txId = t.at("/ledger/txId").asText();
        long block = t.at("/ledger/blockNumber").asLong();
        JsonNode tx = http.json("/api/v1/transactions/" + txId);
        assertThat(tx.get("blockNumber").asLong()).isEqualTo(block);
        assertThat(tx.get("valid").asBoolean()).isTrue();
        assertThat(tx.get("eventName").asText()).isNotBlank();
        JsonNode txs = http.json("/api/v1/blocks/" + block + "/transactions");
        assertThat(StreamSupport.stream(txs.get("transactions").spliterator(), false)
                .map(n -> n.get("txId").asText())).contains(txId);
        HttpResponse<String> immutable = http.get("/api/v1/transactions/" + txId);
        assertThat(immutable.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
        Http.error(http.get("/api/v1/transactions/abc123"), 404);
        Http.error(http.get("/api/v1/blocks/999999/transactions"), 404);
        JsonNode none = Http.error(http.get("/api/v1/blocks/" + block), 501);
        assertThat(none.get("error").asText()).isEqualTo("NOT_IMPLEMENTED");
    }

    @Test
    void health_is_degraded_with_the_reason_while_the_projection_is_failing() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> problem = new java.util.concurrent.atomic.AtomicReference<>(
                "the projector stopped: block 9: fork: its previous_hash …");
        try (ApiServer s = ApiServer.newInstance().readModel(fixture.readModel).port(0)
                .projectionHealth(() -> java.util.Optional.ofNullable(problem.get())).build()) {
            s.start();
            Http h = new Http(s.port());
            java.net.http.HttpResponse<String> degraded = h.get("/api/v1/health");
            assertThat(degraded.statusCode()).isEqualTo(503);
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(degraded.body());
            assertThat(body.get("status").asText()).isEqualTo("DEGRADED");
            assertThat(body.get("reason").asText()).contains("fork");
            problem.set(null);
            assertThat(h.get("/api/v1/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void the_endorsement_policy_is_served_as_the_server_states_it_and_501_when_it_states_none() throws Exception {
        JsonNode none = Http.error(http.get("/api/v1/endorsement-policy"), 501);
        assertThat(none.get("error").asText()).isEqualTo("NOT_IMPLEMENTED");
        try (ApiServer s = ApiServer.newInstance().readModel(fixture.readModel).port(0)
                .endorsementPolicy("fundtrail", "AND('FinanceMSP.peer','AuditMSP.peer')").build()) {
            s.start();
            HttpResponse<String> r = new Http(s.port()).get("/api/v1/endorsement-policy");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            assertThat(body.get("chaincode").asText()).isEqualTo("fundtrail");
            assertThat(body.get("policy").asText()).isEqualTo("AND('FinanceMSP.peer','AuditMSP.peer')");
            assertThat(body.get("source").asText()).contains("not the ledger");
        }
    }

    @Test
    void raw_blocks_from_the_read_model_let_anyone_verify_a_record() throws Exception {
        try (ApiServer withBlocks = ApiServer.newInstance().readModel(fixture.readModel).port(0)
                .blocks(fixture.readModel::block).build()) {
            withBlocks.start();
            Http h = new Http(withBlocks.port());
            JsonNode t = h.json("/api/v1/transfers/T-H");
            String txId = t.at("/ledger/txId").asText();
            long number = t.at("/ledger/blockNumber").asLong();
            org.hyperledger.fabric.protos.common.Block genesis = block(h, 0);
            org.hyperledger.fabric.protos.common.Block block = block(h, number);
            assertThat(block.getHeader().getNumber()).isEqualTo(number);
            org.fundtrail.chaincode.domain.LedgerRecord record = fixture.readModel.record("T-H").orElseThrow().record();
            try (org.fundtrail.client.verify.BlockVerifier verifier = org.fundtrail.client.verify.BlockVerifier
                    .newInstance().genesis(genesis).endorsementPolicy(org.fundtrail.client.verify.EndorsementPolicy
                            .parse(org.fundtrail.network.definition.NetworkDefinition.defaults().endorsementPolicy()))
                    .build()) {
                verifier.verifyRecord(block, txId, org.fundtrail.chaincode.ledger.Keys.record(record.type(), "T-H"),
                        org.fundtrail.chaincode.domain.CanonicalJson.bytes(record));
            }
            Http.error(h.get("/api/v1/blocks/" + (fixture.readModel.height() + 5)), 404);
        }
    }

    @Test
    void headers_are_the_blocks_headers_chained_and_only_for_stored_ranges() throws Exception {
        for (BlockStore store : List.of(BlockStore.of(fixture.readModel), (BlockStore) fixture.readModel::block)) {
            try (ApiServer s = ApiServer.newInstance().readModel(fixture.readModel).port(0).blocks(store).build()) {
                s.start();
                Http h = new Http(s.port());
                long top = fixture.readModel.height() - 1;
                HttpResponse<byte[]> r = h.bytes("/api/v1/headers?first=0&last=" + top);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=86400");
                com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(r.body());
                List<org.hyperledger.fabric.protos.common.BlockHeader> headers = new java.util.ArrayList<>();
                for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                    assertThat(tag).isEqualTo(10);
                    headers.add(org.hyperledger.fabric.protos.common.BlockHeader.parseFrom(in.readByteArray()));
                }
                assertThat(headers).hasSize((int) top + 1);
                for (int n = 0; n <= top; n++) {
                    assertThat(headers.get(n)).isEqualTo(block(h, n).getHeader());
                    if (n > 0) {
                        assertThat(headers.get(n).getPreviousHash().toByteArray())
                                .isEqualTo(org.fundtrail.client.verify.BlockHashes.headerHash(headers.get(n - 1)));
                    }
                }
                assertThat(h.bytes("/api/v1/headers?first=1&last=1").body()).isEqualTo(
                        com.google.protobuf.ByteString.copyFrom(new byte[] {10}).concat(
                                com.google.protobuf.ByteString.copyFrom(new byte[] {(byte) headers.get(1).getSerializedSize()}))
                                .concat(headers.get(1).toByteString()).toByteArray());
                Http.error(h.get("/api/v1/headers?first=0&last=" + (top + 1)), 404);
                Http.error(h.get("/api/v1/headers?first=0"), 400);
                Http.error(h.get("/api/v1/headers?first=2&last=1"), 400);
                Http.error(h.get("/api/v1/headers?first=0&last=10000"), 400);
            }
        }
    }

    private static org.hyperledger.fabric.protos.common.Block block(Http h, long number) throws Exception {
        HttpResponse<byte[]> r = h.bytes("/api/v1/blocks/" + number);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        return org.hyperledger.fabric.protos.common.Block.parseFrom(r.body());
    }

    @Test
    void etag_tied_to_the_ledger_height_gives_304() throws Exception {
        HttpResponse<String> first = http.get("/api/v1/allocations?fiscalYear=2026");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).contains("h" + fixture.readModel.height());
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=5");
        HttpResponse<String> again = http.get("/api/v1/allocations?fiscalYear=2026", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> csv = http.get("/api/v1/allocations?fiscalYear=2026", "Accept", "text/csv",
                "If-None-Match", etag);
        assertThat(csv.statusCode()).as("another representation, another ETag").isEqualTo(200);
        HttpResponse<String> stale = http.get("/api/v1/allocations?fiscalYear=2026", "If-None-Match", "W/\"h1-json\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        HttpResponse<String> doc = http.get("/openapi.json");
        assertThat(http.get("/openapi.json", "If-None-Match", doc.headers().firstValue("ETag").orElseThrow())
                .statusCode()).isEqualTo(304);
        assertThat(http.get("/api/v1/health").headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> error = http.get("/api/v1/allocations/NOPE");
        assertThat(error.headers().firstValue("ETag")).isEmpty();
    }

    @Test
    void an_answer_from_the_cache_in_front_of_javalin_equals_the_one_javalin_rendered() throws Exception {
        try (ApiServer fresh = ApiServer.newInstance().readModel(fixture.readModel).port(0)
                .rateLimit(0, java.time.Duration.ofMinutes(1)).build()) {
            fresh.start();
            ApiServerImpl impl = (ApiServerImpl) fresh;
            Http h = new Http(fresh.port());
            List<String> urls = List.of("/api/v1/allocations/G-01", "/api/v1/allocations?fiscalYear=2026&limit=3",
                    "/api/v1/trace/A-H-2026?direction=down", "/api/v1/summary?fiscalYear=2026",
                    "/api/v1/allocations?limit=2&q=%C3%A9cole");
            for (String url : urls) {
                long before = impl.answeredInFront();
                HttpResponse<String> rendered = h.get(url);
                assertThat(impl.answeredInFront()).as("first ask of " + url + " goes to Javalin").isEqualTo(before);
                HttpResponse<String> cached = h.get(url);
                assertThat(impl.answeredInFront()).as("second ask of " + url + " is answered in front")
                        .isEqualTo(before + 1);
                assertThat(cached.statusCode()).isEqualTo(rendered.statusCode()).isEqualTo(200);
                assertThat(cached.body()).isEqualTo(rendered.body());
                assertThat(withoutDate(cached)).as(url).isEqualTo(withoutDate(rendered));

                String etag = cached.headers().firstValue("ETag").orElseThrow();
                HttpResponse<String> notModified = h.get(url, "If-None-Match", "W/\"h0-json\", " + etag);
                assertThat(impl.answeredInFront()).isEqualTo(before + 2);
                // Asking for compression sends the request on to Javalin: its 304 must look the same.
                HttpResponse<String> javalin304 = h.get(url, "If-None-Match", "W/\"h0-json\", " + etag,
                        "Accept-Encoding", "gzip");
                assertThat(impl.answeredInFront()).isEqualTo(before + 2);
                assertThat(notModified.statusCode()).isEqualTo(javalin304.statusCode()).isEqualTo(304);
                assertThat(notModified.body()).isEmpty();
                assertThat(withoutDate(notModified)).as(url).isEqualTo(withoutDate(javalin304));
            }
            HttpResponse<String> csv = h.get("/api/v1/allocations?fiscalYear=2026&limit=3", "Accept", "text/csv");
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).as("a cached JSON answer is not"
                    + " served to a client that wants CSV").startsWith("text/csv");
            assertThat(h.send("HEAD", "/api/v1/allocations/G-01").body()).isEmpty();
        }
    }

    private static java.util.Map<String, List<String>> withoutDate(HttpResponse<String> r) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(r.headers().map());
        headers.remove("date");
        return headers;
    }

    @Test
    void health_head_cors_and_read_only_methods() throws Exception {
        JsonNode health = http.json("/api/v1/health");
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("ledgerHeight").asLong()).isEqualTo(fixture.readModel.height());
        HttpResponse<String> head = http.send("HEAD", "/api/v1/allocations/G-01");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isPresent();
        HttpResponse<String> get = http.get("/api/v1/allocations/G-01");
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        HttpResponse<String> preflight = http.send("OPTIONS", "/api/v1/allocations", "Origin", "https://news.example",
                "Access-Control-Request-Method", "GET");
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            JsonNode e = Http.error(http.send(method, "/api/v1/allocations"), 405);
            assertThat(e.get("error").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        }
        Http.error(http.send("POST", "/api/v1/nothing-here"), 405);
        Http.error(http.get("/api/v1/nothing-here"), 404);
        assertThat(http.get("/api/v1/allocations").body()).contains("A-H-2026");
        assertThat(http.get("/api/v1/allocations?&limit=2&&").statusCode()).as("empty pairs are no parameters")
                .isEqualTo(200);
    }

    @Test
    void pages_and_documentation_are_served_from_the_jar() throws Exception {
        HttpResponse<String> home = http.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(home.body()).contains("/assets/app.js").doesNotContain("https://cdn");
        assertThat(http.get("/assets/app.js").body()).contains("/api/v1");
        HttpResponse<String> docs = http.get("/docs");
        assertThat(docs.body()).contains("/assets/swagger-ui-bundle.js");
        HttpResponse<String> bundle = http.get("/assets/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(http.get("/assets/docs.js").body()).contains("/openapi.json");
        Http.error(http.get("/assets/index.html"), 404);
        for (String page : List.of("/fy/2026", "/org/HEALTH?fy=2026", "/trace/A-H-2026", "/record/E-00-00",
                "/record/E-00-00?anchor=" + "aB".repeat(32))) {
            assertThat(http.get(page).body()).as(page).isEqualTo(home.body());
        }
        Http.error(http.get("/record/E-00-00?anchor=xyz"), 400);
        Http.error(http.get("/record/E-00-00?anchor=" + "a".repeat(63)), 400);
        for (String module : List.of("protobuf.js", "der.js", "fabric.js", "verify.js")) {
            assertThat(http.get("/assets/" + module).statusCode()).as(module).isEqualTo(200);
        }
        Http.error(http.get("/org/HEALTH?fy=abc"), 400);
        Http.error(http.get("/fy/12"), 400);
        assertThat(http.get("/assets/vendor/d3-sankey.min.js").body()).contains("sankey");
        assertThat(http.get("/assets/vendor/d3-sankey.LICENSE.txt").body()).contains("Copyright");
        Http.error(http.get("/assets/vendor/app.js"), 404);
        Http.error(http.get("/assets/..%2Fpom.xml"), 400);
    }

    @Test
    void dates_in_the_expenditure_filter_are_inclusive() throws Exception {
        List<JsonNode> day = http.all("/api/v1/expenditures?from=2026-03-01&to=2026-03-01&limit=1000");
        assertThat(day).isNotEmpty().allMatch(i -> LocalDate.parse(i.get("date").asText())
                .equals(LocalDate.of(2026, 3, 1)));
        Set<String> byAllocation = http.all("/api/v1/expenditures?allocation=G-00&limit=1000").stream()
                .map(i -> i.get("date").asText()).collect(Collectors.toSet());
        assertThat(byAllocation).hasSize(12);
    }
}

package org.fundtrail.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.fundtrail.chaincode.ledger.Ledger.officer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.ledger.Ledger.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every class of bad input is refused with INVALID_ARGUMENT (or NOT_FOUND) naming the field, and writes nothing. */
class BadInputTest {

    static Stream<Arguments> bad_transfers() {
        return Stream.of(
            bad("missing id", r -> r.remove("id"), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("null amount", r -> r.put("amount", null), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("amount as a JSON number", r -> r.put("amount", 10.5), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("negative amount", r -> r.put("amount", "-1.00"), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("zero amount", r -> r.put("amount", "0.00"), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("too precise amount", r -> r.put("amount", "1.001"), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("overlong amount", r -> r.put("amount", "1".repeat(40)), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("exponent amount", r -> r.put("amount", "1e2"), ErrorCode.INVALID_ARGUMENT, "amount"),
            bad("unknown currency", r -> r.put("currency", "EUX"), ErrorCode.INVALID_ARGUMENT, "currency"),
            bad("currency as number", r -> r.put("currency", 978), ErrorCode.INVALID_ARGUMENT, "currency"),
            bad("id with a space", r -> r.put("id", "T 1"), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("id with a slash", r -> r.put("id", "T/1"), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("id of 65 characters", r -> r.put("id", "x".repeat(65)), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("empty id", r -> r.put("id", ""), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("id as number", r -> r.put("id", 12), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("id with a NUL", r -> r.put("id", "T\u00001"), ErrorCode.INVALID_ARGUMENT, "id"),
            bad("unknown field", r -> r.put("bonus", "1"), ErrorCode.INVALID_ARGUMENT, "bonus"),
            bad("blank purpose", r -> r.put("purpose", "  "), ErrorCode.INVALID_ARGUMENT, "purpose"),
            bad("purpose as object", r -> r.put("purpose", Map.of()), ErrorCode.INVALID_ARGUMENT, "purpose"),
            bad("overlong purpose", r -> r.put("purpose", "p".repeat(1001)), ErrorCode.INVALID_ARGUMENT, "purpose"),
            bad("control character", r -> r.put("purpose", "a\u0007b"), ErrorCode.INVALID_ARGUMENT, "purpose"),
            bad("unknown source", r -> r.put("fromAllocationId", "NOPE"), ErrorCode.NOT_FOUND, "fromAllocationId"),
            bad("unknown recipient", r -> r.put("toOrgId", "NOPE"), ErrorCode.NOT_FOUND, "toOrgId"),
            bad("child id equals transfer id", r -> r.put("toAllocationId", r.get("id")), ErrorCode.INVALID_ARGUMENT,
                    "toAllocationId"));
    }

    private static Arguments bad(String what, Consumer<Map<String, Object>> change, ErrorCode code, String field) {
        return Arguments.of(what, change, code, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_transfers")
    void refuses_bad_transfer_requests_naming_the_field(String what, Consumer<Map<String, Object>> change,
                                                        ErrorCode code, String field) {
        Ledger ledger = Ledger.withTree();
        Map<String, Object> request = Ledger.transferRequest("T-X", "D", "HOSP", "X", "1.00");
        change.accept(request);
        Refusal refusal = ledger.refuse(Op.TRANSFER, officer("HEALTH"), request);
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.getMessage()).startsWith(field + ": ");
    }

    @Test
    void refuses_text_that_is_not_a_json_object() {
        Ledger ledger = Ledger.withTree();
        for (String json : List.of("", "   ", "null", "[]", "\"x\"", "42", "{", "{\"id\":}", "{'id':'x'}",
                "{\"id\":\"a\",\"id\":\"b\"}", "{} {}", "x".repeat(70_000))) {
            Refusal refusal = ledger.refuse(Op.TRANSFER, officer("HEALTH"), json);
            assertThat(refusal.code()).as(json).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(refusal.field()).as(json).isEqualTo("request");
        }
    }

    @Test
    void refuses_bad_nested_values_by_their_path() {
        Ledger ledger = Ledger.withTree();
        Map<String, Object> spend = Ledger.spendRequest("E-1", "G", "1.00");
        spend.put("payee", Map.of("name", "X", "vat", "1"));
        assertThat(ledger.refuse(Op.SPEND, officer("HOSP"), spend).field()).isEqualTo("payee.vat");
        spend.put("payee", Map.of("identifier", "1"));
        assertThat(ledger.refuse(Op.SPEND, officer("HOSP"), spend).field()).isEqualTo("payee.name");
        spend = Ledger.spendRequest("E-1", "G", "1.00");
        spend.put("evidence", Map.of("sha256", "ABC", "uri", "https://x"));
        assertThat(ledger.refuse(Op.SPEND, officer("HOSP"), spend).field()).isEqualTo("evidence.sha256");
        spend.put("evidence", Map.of("sha256", Ledger.EVIDENCE_SHA, "uri", "javascript:alert(1)"));
        assertThat(ledger.refuse(Op.SPEND, officer("HOSP"), spend).field()).isEqualTo("evidence.uri");
        spend = Ledger.spendRequest("E-1", "G", "1.00");
        spend.put("date", "2026-02-30");
        assertThat(ledger.refuse(Op.SPEND, officer("HOSP"), spend).field()).isEqualTo("date");
        Map<String, Object> outcome = Ledger.outcomeRequest("O-1", List.of("G", "G"));
        assertThat(ledger.refuse(Op.OUTCOME, officer("HOSP"), outcome).field()).isEqualTo("allocationIds[1]");
        outcome = Ledger.outcomeRequest("O-1", List.of());
        assertThat(ledger.refuse(Op.OUTCOME, officer("HOSP"), outcome).field()).isEqualTo("allocationIds");
        outcome = Ledger.outcomeRequest("O-1", List.of("G"));
        outcome.put("actual", "1.2.3");
        assertThat(ledger.refuse(Op.OUTCOME, officer("HOSP"), outcome).field()).isEqualTo("actual");
        outcome.put("actual", "5");
        outcome.put("period", "Q3");
        assertThat(ledger.refuse(Op.OUTCOME, officer("HOSP"), outcome).field()).isEqualTo("period");
        Map<String, Object> appropriation = Ledger.appropriation("A2", "1.00", "EUR");
        appropriation.put("classification", Map.of("cofog", "11", "programme", "P"));
        assertThat(ledger.refuse(Op.APPROPRIATE, officer("MOF"), appropriation).field())
                .isEqualTo("classification.cofog");
        appropriation = Ledger.appropriation("A2", "1.00", "EUR");
        appropriation.put("fiscalYear", "2026");
        assertThat(ledger.refuse(Op.APPROPRIATE, officer("MOF"), appropriation).field()).isEqualTo("fiscalYear");
        appropriation.put("fiscalYear", 2026.5);
        assertThat(ledger.refuse(Op.APPROPRIATE, officer("MOF"), appropriation).field()).isEqualTo("fiscalYear");
        Map<String, Object> back = Ledger.returnRequest("R-1", "G", "1.00");
        back.put("reasonCode", "BECAUSE");
        assertThat(ledger.refuse(Op.RETURN, officer("HOSP"), back).field()).isEqualTo("reasonCode");
        Map<String, Object> org = Requests.of("id", "X", "name", "X", "tier", "COUNCIL", "mspId", "HealthMSP");
        assertThat(ledger.refuse(Op.REGISTER, Ledger.admin("MOF"), org).field()).isEqualTo("tier");
    }

    @ParameterizedTest(name = "''{0}''")
    @org.junit.jupiter.params.provider.ValueSource(strings = {".", ".."})
    void refuses_dot_ids_in_every_id_field_naming_it(String dots) {
        Ledger ledger = Ledger.withTree();
        assertDotRefused(ledger.refuse(Op.TRANSFER, officer("HEALTH"),
                Ledger.transferRequest(dots, "D", "HOSP", "X", "1.00")), "id");
        assertDotRefused(ledger.refuse(Op.TRANSFER, officer("HEALTH"),
                Ledger.transferRequest("T-X", "D", "HOSP", dots, "1.00")), "toAllocationId");
        assertDotRefused(ledger.refuse(Op.TRANSFER, officer("HEALTH"),
                Ledger.transferRequest("T-X", dots, "HOSP", "X", "1.00")), "fromAllocationId");
        assertDotRefused(ledger.refuse(Op.SPEND, officer("HOSP"), Ledger.spendRequest(dots, "G", "1.00")), "id");
        assertDotRefused(ledger.refuse(Op.SPEND, officer("HOSP"), Ledger.spendRequest("E-X", dots, "1.00")),
                "allocationId");
        assertDotRefused(ledger.refuse(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation(dots, "1.00", "EUR")),
                "id");
        assertDotRefused(ledger.refuse(Op.OUTCOME, officer("HOSP"), Ledger.outcomeRequest(dots, List.of("G"))), "id");
        assertDotRefused(ledger.refuse(Op.RETURN, officer("HOSP"), Ledger.returnRequest(dots, "G", "1.00")), "id");
        assertDotRefused(ledger.refuse(Op.REVERSE, officer("HEALTH"), Ledger.reverseRequest(dots, "T-G")), "id");
        assertDotRefused(ledger.refuse(Op.REGISTER, Ledger.admin("MOF"), Requests.of("id", dots, "name", "X", "tier",
                "AGENCY", "parentId", "HEALTH", "mspId", "HealthMSP")), "id");
    }

    private static void assertDotRefused(Refusal refusal, String field) {
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.getMessage()).startsWith(field + ": ").contains("not '.' or '..'");
    }

    @Test
    void accepts_ids_that_only_contain_dots_among_other_characters() {
        Ledger ledger = Ledger.withTree();
        for (String id : List.of("...", ".a", "a.", "a..b", "._", "-.")) {
            ledger.run(Op.SPEND, officer("HOSP"), Ledger.spendRequest(id, "G", "1.00"));
        }
        assertThat(ledger.balance("G").spent()).isEqualTo("6.00");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1999-05-01", "2025-12-31", "2027-01-01",
        "2100-06-30", "1900-01-01"})
    void refuses_an_expenditure_dated_outside_its_allocation_s_fiscal_year(String date) {
        Ledger ledger = Ledger.withTree();
        for (String allocation : List.of("D", "G")) {
            Map<String, Object> spend = Ledger.spendRequest("E-X", allocation, "1.00");
            spend.put("date", date);
            Refusal refusal = ledger.refuse(Op.SPEND, officer(allocation.equals("D") ? "HEALTH" : "HOSP"), spend);
            assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(refusal.field()).isEqualTo("date");
            assertThat(refusal.getMessage()).startsWith("date: '" + date + "' is outside fiscal year 2026")
                    .contains("2026-01-01 to 2026-12-31");
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2026-01-01", "2026-06-15", "2026-12-31"})
    void accepts_an_expenditure_dated_within_its_allocation_s_fiscal_year(String date) {
        Ledger ledger = Ledger.withTree();
        Map<String, Object> spend = Ledger.spendRequest("E-" + date, "G", "1.00");
        spend.put("date", date);
        ledger.run(Op.SPEND, officer("HOSP"), spend);
        assertThat(ledger.read(org.fundtrail.chaincode.domain.RecordType.EXPENDITURE, "E-" + date,
                org.fundtrail.chaincode.domain.Expenditure.class).date()).isEqualTo(date);
    }

    @Test
    void naughty_strings_are_refused_cleanly_or_stored_exactly() throws IOException {
        Path blns = Path.of("../../shared/data/blns.txt");
        assumeThat(Files.exists(blns)).as("the Big List of Naughty Strings in ../shared/data").isTrue();
        List<String> lines = Files.readAllLines(blns, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        Ledger ledger = Ledger.withTree();
        int stored = 0;
        for (int i = 0; i < lines.size(); i++) {
            String naughty = lines.get(i);
            Map<String, Object> asId = Ledger.spendRequest(naughty, "G", "0.01");
            Refusal idRefusal = ledger.attempt(Op.SPEND, officer("HOSP"), asId);
            if (idRefusal != null) {
                assertThat(idRefusal.field()).as(naughty).isIn("id", "request");
            }
            Map<String, Object> asAmount = Ledger.spendRequest("N-" + i, "G", naughty);
            Refusal amountRefusal = ledger.attempt(Op.SPEND, officer("HOSP"), asAmount);
            if (amountRefusal != null) {
                assertThat(amountRefusal.field()).as(naughty).isIn("amount", "request");
            }
            Map<String, Object> asPayee = Ledger.spendRequest("P-" + i, "G", "0.01");
            asPayee.put("payee", Map.of("name", naughty));
            if (ledger.attempt(Op.SPEND, officer("HOSP"), asPayee) == null) {
                stored++;
                String json = ledger.state.snapshot().get(Keys.record(org.fundtrail.chaincode.domain.RecordType
                        .EXPENDITURE, "P-" + i));
                assertThat(org.fundtrail.chaincode.domain.CanonicalJson.read(json,
                        org.fundtrail.chaincode.domain.Expenditure.class).payee().name()).isEqualTo(naughty);
            }
        }
        assertThat(stored).as("most naughty strings are legitimate names").isGreaterThan(lines.size() / 2);
    }
}

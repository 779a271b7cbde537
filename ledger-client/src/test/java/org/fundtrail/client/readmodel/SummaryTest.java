package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary and the trace's amounts on a small ledger whose numbers are worked out by hand: one
 * EUR appropriation for 2026 with a department, an agency, spending, a reversal and a return; one JPY
 * and one KWD appropriation for 2025.
 */
class SummaryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static ReadModel rm;

    @BeforeAll
    static void project() throws Exception {
        Budget b = Budget.withOrganizations();
        b.submit("Appropriate", Budget.officer("MOF"), Budget.appropriation("APP-E", "1000.00", "07.3"));
        b.submit("Transfer", Budget.officer("MOF"), Budget.transfer("T-D", "APP-E", "HEALTH", "A-D", "400.00"));
        b.submit("Transfer", Budget.officer("HEALTH"), Budget.transfer("T-G", "A-D", "HOSP", "A-G", "100.00"));
        b.submit("RecordExpenditure", Budget.officer("HOSP"), Budget.expenditure("E-1", "A-G", "30.00", "Acme",
                "2026-03-01"));
        b.submit("RecordExpenditure", Budget.officer("HEALTH"), Budget.expenditure("E-2", "A-D", "50.00", "Bauer",
                "2026-03-02"));
        b.submit("Reverse", Budget.officer("HEALTH"), Budget.map("id", "REV-E-2", "originalId", "E-2",
                "reasonCode", "DATA_ENTRY_ERROR", "reason", "entered twice"));
        b.submit("ReturnFunds", Budget.officer("HOSP"), Budget.map("id", "R-G", "allocationId", "A-G", "amount",
                "10.00", "currency", "EUR", "reasonCode", "UNSPENT", "reason", "left over"));
        b.submit("RecordOutcome", Budget.officer("HOSP"), Budget.outcome("O-1", List.of("A-G")));  // 140 of 150
        Map<String, Object> met = Budget.outcome("O-2", List.of("A-D"));
        met.put("target", "10");
        met.put("actual", "12");
        b.submit("RecordOutcome", Budget.officer("HEALTH"), met);

        b.submit("Appropriate", Budget.officer("MOF"), appropriation("APP-J", "700", "JPY", "09.1"));
        b.submit("Transfer", Budget.officer("MOF"), Budget.map("id", "T-J", "fromAllocationId", "APP-J", "toOrgId",
                "EDU", "toAllocationId", "A-J", "amount", "205", "currency", "JPY", "purpose", "schools"));
        b.submit("Appropriate", Budget.officer("MOF"), appropriation("APP-K", "12.345", "KWD", "09.1"));
        b.submit("Transfer", Budget.officer("MOF"), Budget.map("id", "T-K", "fromAllocationId", "APP-K", "toOrgId",
                "EDU", "toAllocationId", "A-K", "amount", "1.005", "currency", "KWD", "purpose", "schools"));

        rm = ReadModel.open("jdbc:sqlite:" + dir.resolve("summary.db"));
        try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(b.blocks(new Random(1), 3)))
                .build()) {
            p.runOnce(Long.MAX_VALUE);
        }
    }

    private static Map<String, Object> appropriation(String id, String amount, String currency, String cofog) {
        Map<String, Object> request = Budget.appropriation(id, amount, cofog);
        request.put("fiscalYear", 2025);
        request.put("currency", currency);
        return request;
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    @Test
    void totals_per_fiscal_year_cover_the_whole_trees() throws Exception {
        assertThat(rm.summary(null, TIMEOUT).byFiscalYear()).containsExactly(
                // appropriated, transferred, spent, returned, returnedIn, reversed, available, allocations
                new SummaryRow(2025, null, null, "JPY", 700, 205, 0, 0, 0, 0, 700, 2),
                new SummaryRow(2025, null, null, "KWD", 12_345, 1_005, 0, 0, 0, 0, 12_345, 2),
                // spent: 30.00 by the agency (the department's 50.00 was reversed); available:
                // 600.00 + (400.00 - 100.00 + 10.00) + (100.00 - 30.00 - 10.00) = 1000.00 - 30.00
                new SummaryRow(2026, null, null, "EUR", 1000_00, 400_00, 30_00, 10_00, 10_00, 50_00, 970_00, 3));
        assertThat(rm.summary(2026, TIMEOUT).byFiscalYear()).extracting(SummaryRow::currency)
                .containsExactly("EUR");
        assertThat(rm.summary(2024, TIMEOUT).byFiscalYear()).isEmpty();
    }

    @Test
    void a_department_row_covers_its_agencies_and_counts_what_they_returned_to_it() throws Exception {
        assertThat(rm.summary(null, TIMEOUT).byDepartment()).containsExactly(
                new SummaryRow(2025, "EDU", "Ministry of Education", "JPY", 205, 0, 0, 0, 0, 0, 205, 1),
                new SummaryRow(2025, "EDU", "Ministry of Education", "KWD", 1_005, 0, 0, 0, 0, 0, 1_005, 1),
                new SummaryRow(2026, "HEALTH", "Ministry of Health", "EUR", 400_00, 100_00, 30_00, 0, 10_00, 50_00,
                        370_00, 2));
    }

    @Test
    void totals_per_cofog_division() throws Exception {
        assertThat(rm.summary(null, TIMEOUT).byCofog()).containsExactly(
                new SummaryRow(2025, "09", null, "JPY", 700, 205, 0, 0, 0, 0, 700, 2),
                new SummaryRow(2025, "09", null, "KWD", 12_345, 1_005, 0, 0, 0, 0, 12_345, 2),
                new SummaryRow(2026, "07", null, "EUR", 1000_00, 400_00, 30_00, 10_00, 10_00, 50_00, 970_00, 3));
    }

    @Test
    void flows_follow_the_money_from_the_ministry_to_what_each_holder_did_with_it() throws Exception {
        FlowRow.Kind transfer = FlowRow.Kind.TRANSFER;
        FlowRow.Kind unspent = FlowRow.Kind.UNSPENT;
        assertThat(rm.summary(null, TIMEOUT).flows()).containsExactly(
                new FlowRow(2025, "JPY", "EDU", unspent, null, 205),
                new FlowRow(2025, "JPY", "MOF", transfer, "EDU", 205),
                new FlowRow(2025, "JPY", "MOF", unspent, null, 495),
                new FlowRow(2025, "KWD", "EDU", unspent, null, 1_005),
                new FlowRow(2025, "KWD", "MOF", transfer, "EDU", 1_005),
                new FlowRow(2025, "KWD", "MOF", unspent, null, 11_340),
                // the department holds 400.00 + 10.00 returned - 100.00 sent on: 10.00 of it came back from below
                new FlowRow(2026, "EUR", "HEALTH", FlowRow.Kind.RETURNED, null, 10_00),
                // the agency kept 90.00 of the 100.00 it received (it returned 10.00)
                new FlowRow(2026, "EUR", "HEALTH", transfer, "HOSP", 90_00),
                new FlowRow(2026, "EUR", "HEALTH", unspent, null, 300_00),
                new FlowRow(2026, "EUR", "HOSP", FlowRow.Kind.SPENT, null, 30_00),
                new FlowRow(2026, "EUR", "HOSP", unspent, null, 60_00),
                new FlowRow(2026, "EUR", "MOF", transfer, "HEALTH", 400_00),
                new FlowRow(2026, "EUR", "MOF", unspent, null, 600_00));
        List<FlowRow> eur = rm.summary(2026, TIMEOUT).flows();
        assertThat(eur).extracting(FlowRow::fiscalYear).containsOnly(2026);
        long sinks = eur.stream().filter(f -> f.kind() != transfer).mapToLong(FlowRow::amountMinor).sum();
        assertThat(sinks).as("what was appropriated").isEqualTo(1000_00);
    }

    @Test
    void outcome_tallies_count_numeric_targets_met() throws Exception {
        assertThat(rm.summary(null, TIMEOUT).outcomes()).containsExactly(new OutcomeTally(2026, 2, 2, 1));
        assertThat(rm.summary(2025, TIMEOUT).outcomes()).isEmpty();
    }

    @Test
    void trace_amounts_are_the_money_decimals_of_jpy_eur_and_kwd() throws Exception {
        TraceNode jpy = rm.traceDown("APP-J", 5).orElseThrow().root();
        assertThat(List.of(jpy.received(), jpy.transferred(), jpy.available())).containsExactly("700", "205", "495");
        TraceNode kwd = rm.traceDown("APP-K", 5).orElseThrow().root();
        assertThat(List.of(kwd.received(), kwd.transferred(), kwd.spent(), kwd.available()))
                .containsExactly("12.345", "1.005", "0.000", "11.340");
        TraceNode eur = rm.traceDown("APP-E", 5).orElseThrow().root();
        assertThat(List.of(eur.received(), eur.returnedIn(), eur.available())).containsExactly("1000.00", "0.00",
                "600.00");
        for (TraceNode root : List.of(jpy, kwd, eur)) {
            for (TraceNode node : walk(root, new ArrayList<>())) {
                Balance b = rm.record(node.allocationId()).orElseThrow().balance();
                String c = b.currency();
                assertThat(List.of(node.received(), node.transferred(), node.spent(), node.returnedIn(),
                        node.returned(), node.reversed(), node.available())).as(node.allocationId()).containsExactly(
                        Money.decimal(b.receivedMinor(), c), Money.decimal(b.transferredMinor(), c),
                        Money.decimal(b.spentMinor(), c), Money.decimal(b.returnedInMinor(), c),
                        Money.decimal(b.returnedOutMinor(), c), Money.decimal(b.reversedMinor(), c),
                        Money.decimal(b.availableMinor(), c));
            }
        }
    }

    private static List<TraceNode> walk(TraceNode node, List<TraceNode> into) {
        into.add(node);
        node.children().forEach(child -> walk(child, into));
        return into;
    }
}

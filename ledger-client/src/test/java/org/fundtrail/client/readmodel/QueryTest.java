package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.chaincode.domain.Transfer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTest {
    @TempDir
    static Path dir;
    static ReadModel rm;

    @BeforeAll
    static void project() throws Exception {
        Budget budget = Budget.generate(3, 3, 4, 5, 3);
        rm = ReadModel.open("jdbc:sqlite:" + dir.resolve("query.db"));
        try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(budget.blocks(new Random(3), 20)))
                .build()) {
            p.runOnce(Long.MAX_VALUE);
        }
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    private static List<RecordRow> all(RecordType type, Filter filter, int pageSize) throws Exception {
        return all(type, filter, ListOrder.ID, pageSize);
    }

    private static List<RecordRow> all(RecordType type, Filter filter, ListOrder order, int pageSize)
            throws Exception {
        List<RecordRow> rows = new ArrayList<>();
        String cursor = null;
        do {
            Page<RecordRow> page = rm.list(type, filter, order, cursor, pageSize);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return rows;
    }

    @Test
    void paging_to_the_end_returns_every_record_once_in_id_order() throws Exception {
        List<RecordRow> small = all(RecordType.EXPENDITURE, Filter.all(), 7);
        List<RecordRow> big = all(RecordType.EXPENDITURE, Filter.all(), 1000);
        assertThat(small).hasSizeGreaterThan(100).isEqualTo(big);
        List<String> ids = small.stream().map(RecordRow::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void pages_in_amount_or_date_order_return_every_record_once_in_that_order() throws Exception {
        List<RecordRow> byId = all(RecordType.EXPENDITURE, Filter.all(), 1000);
        java.util.Comparator<RecordRow> amount = java.util.Comparator.comparing(
                (RecordRow r) -> ListOrder.amountOf(r.record()).minorUnits());
        java.util.Comparator<RecordRow> date = java.util.Comparator.comparing(
                (RecordRow r) -> ((Expenditure) r.record()).date());
        java.util.Comparator<RecordRow> id = java.util.Comparator.comparing(RecordRow::id);
        for (int pageSize : new int[] {1, 7, 1000}) {
            assertThat(all(RecordType.EXPENDITURE, Filter.all(), ListOrder.AMOUNT_DESCENDING, pageSize))
                    .as("page size %d", pageSize).isEqualTo(byId.stream().sorted(amount.thenComparing(id).reversed())
                            .toList());
            assertThat(all(RecordType.EXPENDITURE, Filter.all(), ListOrder.AMOUNT, pageSize))
                    .isEqualTo(byId.stream().sorted(amount.thenComparing(id)).toList());
            assertThat(all(RecordType.EXPENDITURE, Filter.all(), ListOrder.DATE_DESCENDING, pageSize))
                    .isEqualTo(byId.stream().sorted(date.thenComparing(id).reversed()).toList());
        }
        List<RecordRow> transfers = all(RecordType.TRANSFER, Filter.all(), ListOrder.DATE, 3);
        assertThat(transfers).extracting(r -> r.record().recordedAt()).isSorted();
        assertThat(transfers).hasSize(all(RecordType.TRANSFER, Filter.all(), 1000).size());
    }

    @Test
    void a_cursor_continues_only_the_order_it_came_from() throws Exception {
        String cursor = rm.list(RecordType.EXPENDITURE, Filter.all(), ListOrder.AMOUNT_DESCENDING, null, 2)
                .nextCursor();
        assertThatThrownBy(() -> rm.list(RecordType.EXPENDITURE, Filter.all(), cursor, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor: ");
        assertThatThrownBy(() -> rm.list(RecordType.ORGANIZATION, Filter.all(), ListOrder.AMOUNT, null, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("order: ");
    }

    @Test
    void filters_keep_only_matching_records() throws Exception {
        List<RecordRow> health = all(RecordType.ALLOCATION, Filter.all().org("HEALTH", true), 100);
        assertThat(health).isNotEmpty().allSatisfy(row -> assertThat(((Allocation) row.record()).holderOrgId())
                .isIn("HEALTH", "HOSP"));
        assertThat(all(RecordType.ALLOCATION, Filter.all().org("HEALTH", false), 100))
                .allSatisfy(row -> assertThat(((Allocation) row.record()).holderOrgId()).isEqualTo("HEALTH"));

        List<RecordRow> cofog = all(RecordType.ALLOCATION, Filter.all().cofog("07"), 100);
        assertThat(cofog).isNotEmpty().allSatisfy(row -> assertThat(((Allocation) row.record()).classification()
                .cofog()).startsWith("07."));
        assertThat(all(RecordType.ALLOCATION, Filter.all().cofog("07.3").fiscalYear(2026), 100)).isEqualTo(cofog);
        assertThat(all(RecordType.ALLOCATION, Filter.all().fiscalYear(2025), 100)).isEmpty();

        List<RecordRow> big = all(RecordType.EXPENDITURE, Filter.all().minAmount(new Money("EUR", 400_00)).maxAmount(new Money("EUR", 450_00)), 100);
        assertThat(big).isNotEmpty().allSatisfy(row -> {
            Expenditure e = (Expenditure) row.record();
            assertThat(Money.ofStored(e.amount(), e.currency()).minorUnits()).isBetween(400_00L, 450_00L);
        });

        assertThat(all(RecordType.EXPENDITURE, Filter.all().minAmount(new Money("JPY", 1)), 100))
                .as("amounts compare within one currency; the budget is in euro").isEmpty();
        assertThat(all(RecordType.EXPENDITURE, Filter.all().minAmount(new Money("EUR", 0)), 1000))
                .hasSize(all(RecordType.EXPENDITURE, Filter.all(), 1000).size());

        List<RecordRow> march = all(RecordType.EXPENDITURE, Filter.all().dates(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31")), 100);
        assertThat(march).isNotEmpty().allSatisfy(row -> assertThat(((Expenditure) row.record()).date())
                .startsWith("2026-03-"));
        assertThat(all(RecordType.TRANSFER, Filter.all().dates(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-01")), 1000)).hasSize(all(RecordType.TRANSFER, Filter.all(), 1000).size());

        assertThat(all(RecordType.ORGANIZATION, Filter.all().tier(Tier.AGENCY), 10)).extracting(RecordRow::id)
                .containsExactly("HOSP", "SCHOOLS");
        assertThat(all(RecordType.EXPENDITURE, Filter.all().allocation("APP-0-D0-G0"), 10))
                .allSatisfy(row -> assertThat(((Expenditure) row.record()).allocationId()).isEqualTo("APP-0-D0-G0"))
                .isNotEmpty();
        assertThat(rm.children("APP-0", null, 1000).items()).hasSize(4).allSatisfy(row ->
                assertThat(((Allocation) row.record()).parentAllocationId()).isEqualTo("APP-0"));
    }

    @Test
    void text_search_matches_all_words_regardless_of_case_and_accents() throws Exception {
        List<RecordRow> sao = all(RecordType.EXPENDITURE, Filter.all().text("clinica sao"), 1000);
        assertThat(sao).isNotEmpty().allSatisfy(row -> assertThat(((Expenditure) row.record()).payee().name())
                .isEqualTo("Clinica São Paulo"));
        assertThat(all(RecordType.ORGANIZATION, Filter.all().text("ZURICH ost"), 10)).extracting(row ->
                ((Organization) row.record()).id()).containsExactly("HOSP");
        assertThat(all(RecordType.TRANSFER, Filter.all().text("transfer T-APP-0-D1-G3"), 10)).extracting(row ->
                ((Transfer) row.record()).id()).containsExactly("T-APP-0-D1-G3");
        assertThat(all(RecordType.TRANSFER, Filter.all().text("T-APP-0-D1"), 10)).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'; DROP TABLE allocations; --", "\" OR 1=1 --", "NEAR(a b)", "*", "a AND OR NOT",
        "\u0000", "ünïcødé 🙂", "%_%", "))))"})
    void hostile_search_text_is_data_not_syntax(String text) throws Exception {
        assertThat(rm.list(RecordType.ALLOCATION, Filter.all().text(text), null, 10).items()).isEmpty();
        assertThat(rm.list(RecordType.ALLOCATION, Filter.all(), null, 1).items()).hasSize(1);
    }

    @Test
    void bad_cursors_limits_and_criteria_are_refused_with_the_parameter_named() {
        assertThatThrownBy(() -> rm.list(RecordType.ALLOCATION, Filter.all(), "not-a-cursor!", 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor");
        assertThatThrownBy(() -> rm.list(RecordType.ALLOCATION, Filter.all(), "djE6", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit");
        assertThatThrownBy(() -> rm.list(RecordType.ALLOCATION, Filter.all(), null, 1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit");
        assertThatThrownBy(() -> rm.list(RecordType.EXPENDITURE, Filter.all().tier(Tier.AGENCY), null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("tier");
        assertThatThrownBy(() -> rm.list(RecordType.ALLOCATION, Filter.all().cofog("7' OR '1"), null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cofog");
        assertThatThrownBy(() -> rm.list(RecordType.BALANCE, Filter.all(), null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("type");
    }

    @Test
    void balance_history_lists_every_version_with_its_transaction() throws Exception {
        List<BalanceVersion> history = rm.balanceHistory("APP-0-D0");
        RecordRow now = rm.record("APP-0-D0").orElseThrow();
        assertThat(history).hasSizeGreaterThan(2);
        assertThat(history.get(0).balance().transferred()).isEqualTo("0.00");
        assertThat(history.get(history.size() - 1).balance()).isEqualTo(now.balance());
        assertThat(history.get(history.size() - 1).ref()).isEqualTo(now.balanceRef());
        for (BalanceVersion v : history) {
            assertThat(rm.transaction(v.ref().txId()).orElseThrow().blockNumber()).isEqualTo(v.ref().blockNumber());
        }
    }

    @Test
    void trace_text_decodes_to_what_the_columns_hold() throws Exception {
        String sql = "SELECT trace_text, " + String.join(", ", TraceRow.COLUMNS) + " FROM allocations ORDER BY id";
        List<TraceRow> decoded = new ArrayList<>();
        List<TraceRow> read = new ArrayList<>();
        StringBuilder packed = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("query.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                packed.append(packed.length() == 0 ? "" : "\u001e").append(rs.getString("trace_text"));
                read.add(new TraceRow(rs.getString("id"), rs.getString("holder_org_id"),
                        rs.getString("parent_allocation_id"), rs.getLong("received_minor"),
                        rs.getLong("transferred_minor"), rs.getLong("spent_minor"), rs.getLong("returned_in_minor"),
                        rs.getLong("returned_out_minor"), rs.getLong("reversed_minor"), rs.getLong("available_minor"),
                        rs.getInt("expenditure_count"), rs.getInt("outcome_count"), rs.getInt("child_count"),
                        rs.getInt("depth")));
            }
        }
        decoded.addAll(TraceRow.decodeAll(packed.toString()));
        assertThat(read).hasSizeGreaterThan(20)
                .anySatisfy(row -> assertThat(row.parentAllocationId()).isNull())
                .anySatisfy(row -> assertThat(row.reversedMinor()).isPositive())
                .anySatisfy(row -> assertThat(row.outcomeCount()).isPositive());
        assertThat(decoded).isEqualTo(read);
    }
}

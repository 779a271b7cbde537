package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.chaincode.ledger.Tracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {
    @TempDir
    static Path dir;
    static Budget budget;
    static ReadModel rm;

    @BeforeAll
    static void project() throws Exception {
        budget = Budget.generate(7, 4, 6, 8, 4);
        rm = ReadModel.open("jdbc:sqlite:" + dir.resolve("trace.db"));
        try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(budget.blocks(new Random(7), 50)))
                .build()) {
            p.runOnce(Long.MAX_VALUE);
        }
    }

    @AfterAll
    static void close() {
        rm.close();
    }

    static List<String> ids(RecordType type) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<RecordRow> page = rm.list(type, Filter.all(), cursor, 1000);
            page.items().forEach(row -> ids.add(row.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    @Test
    void the_generated_budget_has_thousands_of_records() {
        assertThat(budget.records).isGreaterThan(2000);
    }

    @Test
    void trace_down_from_the_read_model_equals_the_chaincode_trace_for_every_allocation() throws Exception {
        Tracer tracer = new Tracer(budget.state.view());
        List<String> allocations = ids(RecordType.ALLOCATION);
        assertThat(allocations).hasSizeGreaterThan(200);
        for (String id : allocations) {
            assertThat(rm.traceDown(id, 100)).as(id).contains(tracer.down(id, Tracer.MAX_NODES));
        }
    }

    @Test
    void trace_up_from_the_read_model_equals_the_chaincode_trace_for_every_money_record() throws Exception {
        Tracer tracer = new Tracer(budget.state.view());
        int traced = 0;
        for (RecordType type : List.of(RecordType.ALLOCATION, RecordType.TRANSFER, RecordType.EXPENDITURE,
                RecordType.OUTCOME, RecordType.RETURN, RecordType.REVERSAL)) {
            List<String> ids = ids(type);
            assertThat(ids).as(type.name()).isNotEmpty();
            for (String id : ids) {
                assertThat(rm.traceUp(id)).as(id).contains(tracer.up(id));
                traced++;
            }
        }
        assertThat(traced).isGreaterThan(1000);
    }

    @Test
    void a_trace_bounded_by_depth_marks_the_cut_nodes_incomplete_and_lists_them_in_walk_order() throws Exception {
        TraceDown full = rm.traceDown("APP-0", 100).orElseThrow();
        TraceDown one = rm.traceDown("APP-0", 1).orElseThrow();
        assertThat(full.truncated()).isFalse();
        assertThat(one.truncated()).isTrue();
        assertThat(one.nodes()).isEqualTo(1 + full.root().children().size());
        List<String> cut = new ArrayList<>();
        for (TraceNode child : one.root().children()) {
            assertThat(child.children()).isEmpty();
            if (!child.complete()) {
                cut.add(child.allocationId());
            }
        }
        assertThat(one.pending()).isEqualTo(cut).isNotEmpty();
        TraceDown zero = rm.traceDown("APP-0", 0).orElseThrow();
        assertThat(zero.nodes()).isEqualTo(1);
        assertThat(zero.pending()).containsExactly("APP-0");
    }

    @Test
    void unknown_ids_trace_to_nothing_and_organizations_are_refused() throws Exception {
        assertThat(rm.traceDown("NOPE", 5)).isEmpty();
        assertThat(rm.traceUp("NOPE")).isEmpty();
        assertThatThrownBy(() -> rm.traceUp("HEALTH")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recordId");
        assertThatThrownBy(() -> rm.traceDown("APP-0", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

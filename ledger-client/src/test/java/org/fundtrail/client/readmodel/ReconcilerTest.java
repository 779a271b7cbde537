package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconcilerTest {
    @TempDir
    Path dir;

    @Test
    void a_faithful_read_model_agrees_with_ledger_state_and_each_tampering_is_reported() throws Exception {
        Budget budget = Budget.generate(5, 2, 3, 3, 2);
        String url = "jdbc:sqlite:" + dir.resolve("rm.db");
        Set<String> hidden = new HashSet<>();
        LedgerReader ledger = (type, id) -> hidden.contains(id) ? Optional.empty()
                : Optional.ofNullable(budget.state.get(Keys.record(type, id)))
                        .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        try (ReadModel rm = ReadModel.open(url)) {
            try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(budget.blocks(new Random(5),
                    9))).build()) {
                p.runOnce(Long.MAX_VALUE);
            }
            Reconciler reconciler = new Reconciler(rm, ledger);
            Reconciler.Report clean = reconciler.fiscalYear(2026);
            assertThat(clean.agrees()).as("%s", clean.differences()).isTrue();
            assertThat(clean.checked()).isGreaterThan(100);
            assertThat(reconciler.subtree("APP-1").agrees()).isTrue();

            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE expenditures SET amount = '0.01' WHERE id = 'E-APP-1-D0-G0-0'");
                st.executeUpdate("UPDATE allocations SET spent_minor = spent_minor + 1 WHERE id = 'APP-1-D1-G1'");
            }
            hidden.add("T-APP-1-D2");
            Reconciler.Report tampered = reconciler.fiscalYear(2026);
            assertThat(tampered.differences()).extracting(Reconciler.Difference::type, Reconciler.Difference::id,
                    Reconciler.Difference::kind).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(RecordType.EXPENDITURE, "E-APP-1-D0-G0-0",
                            Reconciler.Kind.DIFFERENT),
                    org.assertj.core.groups.Tuple.tuple(RecordType.BALANCE, "APP-1-D1-G1", Reconciler.Kind.DIFFERENT),
                    org.assertj.core.groups.Tuple.tuple(RecordType.TRANSFER, "T-APP-1-D2",
                            Reconciler.Kind.MISSING_IN_LEDGER));
            assertThat(reconciler.subtree("APP-1-D1").differences()).extracting(Reconciler.Difference::id)
                    .containsExactly("APP-1-D1-G1");
            assertThat(reconciler.subtree("APP-0").agrees()).isTrue();
        }
    }
}

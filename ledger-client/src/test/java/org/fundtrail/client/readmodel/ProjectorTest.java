package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.chaincode.ledger.Keys;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectorTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("readmodel.db");
    }

    private static Budget smallTree() {
        Budget b = Budget.withOrganizations();
        b.submit("Appropriate", Budget.officer("MOF"), Budget.appropriation("A", "1000000.00", "07.3"));
        b.submit("Transfer", Budget.officer("MOF"), Budget.transfer("T-D", "A", "HEALTH", "D", "600000.00"));
        b.submit("Transfer", Budget.officer("HEALTH"), Budget.transfer("T-G", "D", "HOSP", "G", "250000.00"));
        b.submit("RecordExpenditure", Budget.officer("HOSP"), Budget.expenditure("E-1", "G", "1200.50",
                "Acme Medical", "2026-03-04"));
        return b;
    }

    @Test
    void projects_every_record_equal_to_the_ledger_state_with_its_ledger_reference() throws Exception {
        Budget budget = smallTree();
        List<Block> blocks = budget.blocks(new Random(1), 3);
        try (ReadModel rm = ReadModel.open(url());
             Projector projector = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            assertThat(projector.runOnce(1000)).isEqualTo(blocks.size());
            assertThat(rm.checkpoint()).isEqualTo(blocks.size() - 1);

            RecordRow g = rm.record("G").orElseThrow();
            Allocation stored = CanonicalJson.read(budget.state.get(Keys.record(RecordType.ALLOCATION, "G")),
                    Allocation.class);
            Balance balance = CanonicalJson.read(budget.state.get(Keys.record(RecordType.BALANCE, "G")),
                    Balance.class);
            assertThat(g.record()).isEqualTo(stored);
            assertThat(g.balance()).isEqualTo(balance);
            assertThat(g.balance().spent()).isEqualTo("1200.50");
            assertThat(g.ref().txId()).isEqualTo(stored.txId());
            assertThat(rm.transaction(stored.txId()).orElseThrow().blockNumber()).isEqualTo(g.ref().blockNumber());

            Transfer transfer = (Transfer) rm.record("T-D").orElseThrow().record();
            assertThat(transfer).isEqualTo(CanonicalJson.read(budget.state.get(Keys.record(RecordType.TRANSFER,
                    "T-D")), Transfer.class));
            assertThat(rm.record("HOSP").orElseThrow().record().id()).isEqualTo("HOSP");
            assertThat(rm.record("nope")).isEmpty();
        }
    }

    @Test
    void records_each_transaction_with_creator_msp_subject_time_and_validation_code() throws Exception {
        Budget budget = smallTree();
        List<Block> blocks = budget.blocks(new Random(2), 2);
        try (ReadModel rm = ReadModel.open(url());
             Projector projector = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            projector.runOnce(1000);
            List<LedgerTransaction> genesis = rm.transactions(0);
            assertThat(genesis).singleElement().satisfies(tx -> {
                assertThat(tx.headerType()).isEqualTo("CONFIG");
                assertThat(tx.recordCount()).isZero();
                assertThat(tx.eventName()).isNull();
            });
            BlockBuilder.Tx first = budget.txs.get(0);
            LedgerTransaction tx = rm.transaction(first.txId()).orElseThrow();
            assertThat(tx.blockNumber()).isEqualTo(1);
            assertThat(tx.txIndex()).isZero();
            assertThat(tx.headerType()).isEqualTo("ENDORSER_TRANSACTION");
            assertThat(tx.eventName()).isEqualTo("RegisterOrganization");
            assertThat(tx.chaincode()).isEqualTo("fundtrail");
            assertThat(tx.creatorMsp()).isEqualTo("FinanceMSP");
            assertThat(tx.creatorSubject()).isEqualTo(BlockBuilder.CERT_SUBJECT);
            assertThat(tx.timestamp()).isEqualTo("2026-01-01T00:00:00Z");
            assertThat(tx.validationCode()).isEqualTo("VALID");
            assertThat(tx.recordCount()).isEqualTo(1);
        }
    }

    @Test
    void an_invalid_transaction_is_recorded_with_its_code_and_changes_nothing_else() throws Exception {
        Budget budget = smallTree();
        budget.invalid("RecordExpenditure", Budget.officer("HOSP"), Budget.expenditure("E-BAD", "G", "99.00",
                "Ghost Ltd", "2026-03-05"), TxValidationCode.MVCC_READ_CONFLICT);
        BlockBuilder.Tx invalid = budget.txs.get(budget.txs.size() - 1);
        List<Block> blocks = budget.blocks(new Random(3), 4);
        try (ReadModel rm = ReadModel.open(url());
             Projector projector = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            projector.runOnce(1000);
            LedgerTransaction tx = rm.transaction(invalid.txId()).orElseThrow();
            assertThat(tx.validationCode()).isEqualTo("MVCC_READ_CONFLICT");
            assertThat(tx.isValid()).isFalse();
            assertThat(tx.recordCount()).isZero();
            assertThat(rm.record("E-BAD")).isEmpty();
            assertThat(rm.record("G").orElseThrow().balance().spent()).isEqualTo("1200.50");
        }
    }

    @Test
    void a_restart_resumes_after_the_checkpoint_and_applies_nothing_twice() throws Exception {
        List<Block> blocks = smallTree().blocks(new Random(4), 1);
        Blocks source = new Blocks(blocks);
        try (ReadModel rm = ReadModel.open(url())) {
            try (Projector p = Projector.newInstance().readModel(rm).source(source).build()) {
                assertThat(p.runOnce(3)).isEqualTo(3);
                assertThat(p.checkpoint()).isEqualTo(2);
            }
            try (Projector p = Projector.newInstance().readModel(rm).source(source).build()) {
                assertThat(p.runOnce(1000)).isEqualTo(blocks.size() - 3);
                assertThat(p.runOnce(1000)).isZero();
            }
            assertThat(rm.height()).isEqualTo(blocks.size());
        }
    }

    @Test
    void a_block_out_of_order_stops_the_projection_naming_the_block() throws Exception {
        List<Block> blocks = new ArrayList<>(smallTree().blocks(new Random(5), 1));
        blocks.remove(2);
        try (ReadModel rm = ReadModel.open(url());
             Projector p = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            assertThatThrownBy(() -> p.runOnce(1000)).isInstanceOf(ProjectionException.class)
                    .hasMessageContaining("expected block 2");
            assertThat(rm.checkpoint()).isEqualTo(1);
        }
    }

    @Test
    void an_event_payload_that_is_not_fundtrail_records_stops_the_projection_before_that_block() throws Exception {
        Budget budget = smallTree();
        List<Block> blocks = new ArrayList<>(budget.blocks(new Random(6), 1));
        BlockBuilder.Tx bad = BlockBuilder.Tx.endorser("bad-tx", Instant.parse("2026-02-01T00:00:00Z"), "HealthMSP",
                "Transfer", "{\"records\":[{\"type\":\"TRANSFER\",\"surprise\":1}]}".getBytes(StandardCharsets.UTF_8));
        blocks.add(BlockBuilder.after(blocks.get(blocks.size() - 1), List.of(bad)));
        try (ReadModel rm = ReadModel.open(url());
             Projector p = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            assertThatThrownBy(() -> p.runOnce(1000)).isInstanceOf(ProjectionException.class)
                    .satisfies(e -> assertThat(((ProjectionException) e).txId()).isEqualTo("bad-tx"));
            assertThat(rm.checkpoint()).isEqualTo(blocks.size() - 2);
            assertThat(rm.transaction("bad-tx")).isEmpty();
        }
    }

    @Test
    void a_block_that_does_not_chain_to_the_last_projected_one_stops_the_projection_as_a_fork() throws Exception {
        List<Block> blocks = smallTree().blocks(new Random(7), 1);
        int last = blocks.size() - 3;
        // Another ledger: the same blocks up to last - 1, then other blocks with the same numbers.
        List<Block> forked = new ArrayList<>(blocks.subList(0, last));
        for (int i = 0; i < 3; i++) {
            forked.add(BlockBuilder.after(forked.get(forked.size() - 1), List.of(BlockBuilder.Tx.endorser(
                    "other-" + i, Instant.parse("2026-03-01T00:00:00Z"), "FinanceMSP", null, null))));
        }
        try (ReadModel rm = ReadModel.open(url())) {
            try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
                assertThat(p.runOnce(last + 1)).isEqualTo(last + 1);
            }
            try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(forked)).build()) {
                assertThatThrownBy(() -> p.runOnce(10)).isInstanceOf(ProjectionException.class)
                        .hasMessageContaining("block " + (last + 1) + ": fork: its previous_hash")
                        .hasMessageContaining("is not the header hash")
                        .hasMessageContaining("of block " + last + " as projected");
                assertThat(rm.checkpoint()).as("nothing of the other ledger applied").isEqualTo(last);
                assertThat(rm.transaction("other-2")).isEmpty();
            }
        }
    }

    @Test
    void retries_back_off_exponentially_up_to_a_minute() {
        java.time.Duration d = java.time.Duration.ofSeconds(2);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(d.toSeconds());
            d = ProjectorImpl.nextDelay(d);
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void a_file_that_is_not_a_database_is_reported_as_damaged_with_its_name_and_the_fix() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("readmodel", ".db");
        java.nio.file.Files.write(file, "garbage, not SQLite ".repeat(300).getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ReadModel.open("jdbc:sqlite:" + file).close())
                .isInstanceOf(DamagedReadModelException.class)
                .hasMessageContaining("the read model file " + file + " is damaged")
                .hasMessageContaining("fundtrail rebuild");
        java.nio.file.Files.delete(file);
    }

    @Test
    void a_block_whose_data_hash_does_not_match_is_not_projected() throws Exception {
        List<Block> blocks = new ArrayList<>(smallTree().blocks(new Random(8), 1));
        Block altered = blocks.get(2);
        blocks.set(2, altered.toBuilder().setData(altered.getData().toBuilder().setData(0,
                blocks.get(3).getData().getData(0))).build());
        try (ReadModel rm = ReadModel.open(url());
             Projector p = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            assertThatThrownBy(() -> p.runOnce(100)).isInstanceOf(ProjectionException.class)
                    .hasMessageContaining("block 2: its data hash does not match");
            assertThat(rm.checkpoint()).isEqualTo(1);
        }
    }

    @Test
    void transactions_without_a_fundtrail_event_are_recorded_and_project_nothing() throws Exception {
        BlockBuilder.Tx lifecycle = BlockBuilder.Tx.endorser("lifecycle-tx", Instant.parse("2026-01-01T00:00:00Z"),
                "FinanceMSP", null, null);
        Block block0 = BlockBuilder.block(0, List.of(BlockBuilder.config("", Instant.EPOCH)));
        List<Block> blocks = List.of(block0, BlockBuilder.after(block0, List.of(lifecycle)));
        try (ReadModel rm = ReadModel.open(url());
             Projector p = Projector.newInstance().readModel(rm).source(new Blocks(blocks)).build()) {
            assertThat(p.runOnce(10)).isEqualTo(2);
            assertThat(rm.transaction("lifecycle-tx").orElseThrow().eventName()).isNull();
        }
    }

    @Test
    void the_background_projector_follows_until_closed() throws Exception {
        List<Block> blocks = smallTree().blocks(new Random(7), 2);
        try (ReadModel rm = ReadModel.open(url())) {
            try (Projector p = Projector.newInstance().readModel(rm).source(new Blocks(blocks))
                    .retryDelay(java.time.Duration.ofMillis(20)).build()) {
                p.start();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (rm.checkpoint() < blocks.size() - 1 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(rm.checkpoint()).isEqualTo(blocks.size() - 1);
                assertThat(p.failure()).isEmpty();
            }
            assertThat(rm.record("E-1")).isPresent();
        }
    }

    @Test
    void a_read_model_has_one_projector_at_a_time() throws Exception {
        try (ReadModel rm = ReadModel.open(url());
             Projector p = Projector.newInstance().readModel(rm).source(new Blocks(List.of())).build()) {
            assertThatThrownBy(() -> Projector.newInstance().readModel(rm).source(new Blocks(List.of())).build())
                    .isInstanceOf(IllegalStateException.class);
            assertThat(p.checkpoint()).isEqualTo(-1);
        }
    }
}

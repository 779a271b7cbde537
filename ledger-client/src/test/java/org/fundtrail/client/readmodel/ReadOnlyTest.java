package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process reads the read model while the projector's process writes it. */
class ReadOnlyTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("readmodel.db");
    }

    @Test
    void a_read_only_model_reads_records_and_the_exact_committed_blocks_but_cannot_be_written() throws Exception {
        Budget budget = Budget.withOrganizations();
        budget.submit("Appropriate", Budget.officer("MOF"), Budget.appropriation("A", "1000.00", "07.3"));
        List<Block> blocks = budget.blocks(new Random(3), 2);
        try (ReadModel writer = ReadModel.open(url());
             Projector projector = Projector.newInstance().readModel(writer).source(new Blocks(blocks)).build()) {
            projector.runOnce(1000);
            try (ReadModel reader = ReadModel.openReadOnly(url())) {
                assertThat(reader.checkpoint()).isEqualTo(blocks.size() - 1);
                assertThat(reader.record("A")).isPresent();
                for (Block block : blocks) {
                    byte[] raw = reader.block(block.getHeader().getNumber()).orElseThrow();
                    assertThat(raw).isEqualTo(block.toByteArray());
                }
                assertThat(reader.block(blocks.size())).isEmpty();
                assertThatThrownBy(() -> Projector.newInstance().readModel(reader).source(new Blocks(blocks)).build()
                        .runOnce(1)).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
            }
        }
    }

    @Test
    void opening_a_missing_read_model_read_only_fails_and_creates_nothing() {
        assertThatThrownBy(() -> ReadModel.openReadOnly(url())).isInstanceOf(ReadModelException.class)
                .hasMessageContaining("no read model");
        assertThat(dir.resolve("readmodel.db")).doesNotExist();
    }
}

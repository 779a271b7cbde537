package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactlyOnceTest {
    @TempDir
    Path dir;

    private static final class Crash extends SQLException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash");
        }
    }

    @Test
    void crashing_at_random_points_inside_blocks_and_resuming_equals_a_rebuild_from_block_zero() throws Exception {
        Budget budget = Budget.generate(11, 2, 3, 4, 3);
        Random random = new Random(42);
        List<Block> blocks = budget.blocks(random, 6);
        Blocks source = new Blocks(blocks);

        String rebuilt = "jdbc:sqlite:" + dir.resolve("rebuilt.db");
        try (ReadModel rm = ReadModel.open(rebuilt);
             Projector p = Projector.newInstance().readModel(rm).source(source).build()) {
            assertThat(p.runOnce(Long.MAX_VALUE)).isEqualTo(blocks.size());
        }

        String crashed = "jdbc:sqlite:" + dir.resolve("crashed.db");
        int crashes = 0;
        ReadModel rm = ReadModel.open(crashed);
        try {
            while (rm.checkpoint() < blocks.size() - 1) {
                AtomicInteger writesLeft = new AtomicInteger(1 + random.nextInt(300));
                long before = rm.checkpoint();
                try (Projector p = ((ProjectorImpl.BuilderImpl) Projector.newInstance().readModel(rm).source(source)
                        .maxBlocksPerTransaction(1 + random.nextInt(8)))
                        .hook(() -> {
                            if (writesLeft.decrementAndGet() == 0) {
                                throw new Crash();
                            }
                        }).build()) {
                    p.runOnce(1 + random.nextInt(40));
                } catch (ReadModelException e) {
                    assertThat(e).hasRootCauseInstanceOf(Crash.class);
                    crashes++;
                    assertThat(rm.checkpoint()).isGreaterThanOrEqualTo(before);
                }
                if (random.nextInt(3) == 0) {
                    rm.close();
                    rm = ReadModel.open(crashed);
                }
            }
        } finally {
            rm.close();
        }

        assertThat(crashes).isGreaterThan(10);
        assertThat(Dump.of(crashed)).isEqualTo(Dump.of(rebuilt));
    }
}

package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A summary read while the projector commits block after block is the summary of one height: its
 * totals, tallies and flows are exactly those a read model holding that many blocks gives. (Read on
 * separate connections, a summary's parts could each stand at a different height.)
 */
class SummarySnapshotTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void a_summary_read_during_projection_is_the_summary_of_one_height() throws Exception {
        List<org.hyperledger.fabric.protos.common.Block> blocks = Budget.generate(7, 3, 3, 4, 5).blocks(new Random(7), 3);
        Map<Long, Summary> reference = new HashMap<>();
        try (ReadModel stepwise = ReadModel.open("jdbc:sqlite:" + dir.resolve("reference.db"));
             Projector p = Projector.newInstance().readModel(stepwise).source(new Blocks(blocks)).build()) {
            reference.put(-1L, stepwise.summary(null, TIMEOUT));
            while (p.runOnce(1) > 0) {
                Summary s = stepwise.summary(null, TIMEOUT);
                reference.put(s.checkpoint(), s);
            }
        }
        assertThat(reference).hasSize(blocks.size() + 1);

        List<Summary> seen = new ArrayList<>();
        ExecutorService projecting = Executors.newSingleThreadExecutor();
        try (ReadModel live = ReadModel.open("jdbc:sqlite:" + dir.resolve("live.db"));
             Projector p = Projector.newInstance().readModel(live).source(new Blocks(blocks)).build()) {
            Future<?> done = projecting.submit(() -> {
                while (p.runOnce(1) > 0) {
                    Thread.onSpinWait();
                }
                return null;
            });
            while (!done.isDone()) {
                seen.add(live.summary(null, TIMEOUT));
            }
            done.get();
        } finally {
            projecting.shutdownNow();
        }
        assertThat(seen.stream().map(Summary::checkpoint).distinct().count()).as("summaries at several heights")
                .isGreaterThan(blocks.size() / 4);
        for (Summary s : seen) {
            assertThat(s).as("the summary at checkpoint %d", s.checkpoint()).isEqualTo(reference.get(s.checkpoint()));
        }
    }
}

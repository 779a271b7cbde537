package org.fundtrail.client.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillTest {
    @TempDir
    Path dir;

    @Test
    void a_projector_killed_with_sigkill_at_random_moments_resumes_to_the_same_read_model_as_a_rebuild()
            throws Exception {
        List<Block> blocks = Budget.generate(13, 2, 3, 3, 2).blocks(new Random(13), 4);
        Path file = dir.resolve("blocks.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Block block : blocks) {
                block.writeDelimitedTo(out);
            }
        }
        String rebuilt = "jdbc:sqlite:" + dir.resolve("rebuilt.db");
        try (ReadModel rm = ReadModel.open(rebuilt);
             Projector p = Projector.newInstance().readModel(rm).source(new FileBlocks(file)).build()) {
            p.runOnce(Long.MAX_VALUE);
        }

        String killed = "jdbc:sqlite:" + dir.resolve("killed.db");
        Random random = new Random(99);
        int kills = 0;
        boolean finished = false;
        for (int attempt = 0; attempt < 8 && !finished; attempt++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ProjectInChildProcess.class.getName(),
                    file.toString(), killed).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            StringBuilder log = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                log.append(line).append('\n');
            }
            // a window that grows with each attempt, so that some kills land late in the projection
            if (attempt == 7 || child.waitFor(random.nextInt(300) + 150L * attempt, TimeUnit.MILLISECONDS)) {
                child.waitFor();
                assertThat(child.exitValue()).as(log.toString()).isZero();
                finished = true;
                continue;
            }
            child.destroyForcibly().waitFor();
            kills++;
        }
        try (ReadModel rm = ReadModel.open(killed)) {
            assertThat(rm.checkpoint()).isEqualTo(blocks.size() - 1);
        }
        assertThat(kills).isPositive();
        assertThat(Dump.of(killed)).isEqualTo(Dump.of(rebuilt));
    }
}

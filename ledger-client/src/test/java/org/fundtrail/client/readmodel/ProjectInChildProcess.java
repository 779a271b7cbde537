package org.fundtrail.client.readmodel;

import java.nio.file.Path;

/** Run by {@link KillTest} in a child JVM: projects a block file into a read model, two blocks per transaction. */
public final class ProjectInChildProcess {
    private ProjectInChildProcess() {
    }

    /**
     * @param args block file, JDBC URL
     * @throws Exception when the projection fails
     */
    public static void main(String[] args) throws Exception {
        try (ReadModel rm = ReadModel.open(args[1]);
             Projector p = Projector.newInstance().readModel(rm).source(new FileBlocks(Path.of(args[0])))
                     .maxBlocksPerTransaction(2).build()) {
            System.out.println("ready");
            System.out.flush();
            p.runOnce(Long.MAX_VALUE);
        }
        System.exit(0);
    }
}

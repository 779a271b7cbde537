package org.fundtrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.fundtrail.client.readmodel.Projector;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fundtrail rebuild}: a new read model projected from the (stopped) embedded node's blocks. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = {"Rebuild the read model from the ledger (Fundtrail stopped).",
            "Moves DATA/readmodel.db aside (as readmodel.db.old-TIME, with its -wal and -shm files) and projects "
                + "every block of the embedded node's store, read-only, into a new one: the fix for a damaged "
                + "read model, or for one projected from another ledger."},
        footer = {"", "Examples:", "  fundtrail rebuild --data fundtrail-data"})
final class RebuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Override
    public Integer call() throws Exception {
        DataDir dir = ledger.dataDir();
        dir.running().ifPresent(r -> {
            throw new UserError(ExitCode.ERROR, "a node (pid " + r.pid() + ") serves " + dir.root() + "; stop it "
                    + "first: its projector owns the read model");
        });
        Path store = dir.nodeDir().resolve("ledger");
        if (!Files.isDirectory(store)) {
            throw new UserError(ExitCode.USAGE, "no embedded ledger store in " + store);
        }
        Path file = dir.root().resolve("readmodel.db");
        String suffix = ".old-" + System.currentTimeMillis();
        for (String part : new String[] {"", "-wal", "-shm"}) {
            Path p = Path.of(file + part);
            if (Files.exists(p)) {
                Files.move(p, Path.of(file + suffix + part), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (LedgerStore blocks = LedgerStore.openReadOnly(store);
             ReadModel readModel = ReadModel.open(dir.readModelUrl());
             Projector projector = Projector.newInstance().readModel(readModel).source(new StoreBlocks(blocks))
                     .chaincode(chaincode(dir)).build()) {
            long applied = projector.runOnce(Long.MAX_VALUE);
            out.println("rebuilt " + file + " from the ledger: " + applied + " blocks (to block "
                    + readModel.checkpoint() + ")" + (Files.exists(Path.of(file + suffix)) ? "; the old one is "
                    + file + suffix : ""));
        } catch (IOException e) {
            throw new UserError(ExitCode.ERROR, "cannot read the ledger store " + store + ": " + e.getMessage());
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String chaincode(DataDir dir) throws IOException {
        return Files.exists(dir.networkFile()) ? NetworkDefinition.load(dir.networkFile()).chaincode()
                : NetworkDefinition.defaults().chaincode();
    }
}

package org.fundtrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.LedgerUnavailableException;
import org.fundtrail.client.readmodel.BlockSource;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.verify.BlockHashes;
import org.fundtrail.client.verify.BlockVerifier;
import org.fundtrail.client.verify.ChannelConfig;
import org.fundtrail.client.verify.EndorsementPolicy;
import org.fundtrail.client.verify.VerificationException;
import org.fundtrail.client.verify.VerificationReport;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.node.store.CorruptStoreException;
import org.fundtrail.network.node.store.LedgerStore;
import org.hyperledger.fabric.protos.common.Block;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fundtrail verify}: check the ledger's blocks cryptographically. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify the ledger's blocks cryptographically.",
            "Hash chain, data hashes, orderer signatures, every valid transaction's creator signature and "
                + "endorsements against the endorsement policy and the MSPs, and every validation code.",
            "From block 0, or from a block you trusted earlier (--from N --trusted-hash HEX). Exit code 6 on the first "
                + "failure, naming the block, the transaction and what was expected.",
            "With no node running for --data (a stopped or copied folder), the blocks are read from its store "
                + "directly, read-only: nothing in the folder is written."},
        footer = {"", "Examples:", "  fundtrail verify",
            "  fundtrail verify --from 1200 --trusted-hash 3f9a…   # hash printed by an earlier run",
            "  fundtrail verify --data copy-of-fundtrail-data      # a stopped or copied folder, read-only"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @Option(names = "--from", paramLabel = "N", defaultValue = "0", description = "Start after this trusted block.")
    long from;

    @Option(names = "--trusted-hash", paramLabel = "HEX", description = "The header hash of block --from, as "
            + "recorded earlier (required with --from; with --from 0, checks the genesis block's).")
    String trustedHash;

    @Option(names = "--to", paramLabel = "N", description = "Verify up to block N (default: the read model's last "
            + "block; with no read model, the ledger's newest block, as the peer reports its height; offline, the "
            + "store's newest).")
    Long to;

    @Option(names = "--policy", paramLabel = "POLICY", description = "The endorsement policy, e.g. "
            + "\"AND('FinanceMSP.peer','AuditMSP.peer')\" (default: the network definition's).")
    String policy;

    @Option(names = "--offline", description = "Read the blocks from the data folder's store directly, read-only, "
            + "even if a node seems to run for it (the default when none does): for a stopped or copied folder.")
    boolean offline;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "The longest wait for each block from a live ledger (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        if (from > 0 && trustedHash == null) {
            throw new UserError(ExitCode.USAGE, "--from " + from + " needs --trusted-hash: the header hash of that "
                    + "block as you recorded it");
        }
        if (trustedHash != null && !trustedHash.matches("[0-9a-fA-F]{64}")) {
            throw new UserError(ExitCode.USAGE, "--trusted-hash: '" + trustedHash + "' is not a block header hash "
                    + "(64 hex digits, as 'fundtrail verify' prints it)");
        }
        EndorsementPolicy endorsement = EndorsementPolicy.parse(policy != null ? policy : networkPolicy());
        if (readsStore()) {
            Path storeDir = ledger.dataDir().nodeDir().resolve("ledger");
            try (LedgerStore store = LedgerStore.openReadOnly(storeDir)) {
                long last = to != null ? to : store.height() - 1;
                return verify(new StoreBlocks(store), endorsement, last, false);
            } catch (CorruptStoreException e) {
                return damaged(e);
            } catch (IOException e) {
                throw new UserError(ExitCode.ERROR, e.getMessage());
            }
        }
        Long checkpoint = to == null ? readModelCheckpoint() : null;
        try (FundtrailLedger client = ledger.open(false)) {
            long last = to != null ? to : checkpoint != null ? checkpoint : ledgerHeight(client) - 1;
            return verify(client.blocks(), endorsement, last, checkpoint != null);
        }
    }

    /** Whether to read the data folder's block store directly: asked for, or no node serves the folder. */
    private boolean readsStore() {
        if (ledger.connection != null || !ledger.network.equals("embedded")) {
            if (offline) {
                throw new UserError(ExitCode.USAGE, "--offline reads an embedded node's data folder; it does not "
                        + "go with --network fabric or --connection");
            }
            return false;
        }
        boolean hasStore = Files.isDirectory(ledger.dataDir().nodeDir().resolve("ledger"));
        if (offline && !hasStore) {
            throw new UserError(ExitCode.USAGE, "no ledger store in " + ledger.dataDir().nodeDir().resolve("ledger"));
        }
        return offline || (hasStore && ledger.dataDir().running().isEmpty());
    }

    private Integer verify(BlockSource blocks, EndorsementPolicy endorsement, long last, boolean lastFromReadModel)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "verifying blocks",
                System.console() != null);
        Duration wait = Duration.ofSeconds(Math.max(1, waitSeconds));
        try {
            Block block0 = first(blocks, 0, wait);
            BlockVerifier.Builder builder = BlockVerifier.newInstance().endorsementPolicy(endorsement);
            if (from == 0 && trustedHash == null) {
                builder.genesis(block0);
            } else {
                Block start = first(blocks, from, wait);
                String hash = HexFormat.of().formatHex(BlockHashes.headerHash(start.getHeader()));
                if (!hash.equalsIgnoreCase(trustedHash)) {
                    out.println("block " + from + " is not the block you trusted: its header hash is " + hash
                            + ", expected " + trustedHash);
                    out.flush();
                    return ExitCode.MISMATCH;
                }
                if (from == 0) {
                    builder.genesis(block0);
                } else {
                    builder.trusted(start, ChannelConfig.fromConfigBlock(block0));
                }
            }
            long total = last - from;
            try (BlockVerifier verifier = builder.build();
                 BoundedBlocks stream = new BoundedBlocks(blocks.blocks(from + 1), from + 1, total, wait)) {
                verifier.verifyAll(stream, b -> progress.update(b.getHeader().getNumber() - from, total));
                VerificationReport report = verifier.report();
                String lastHash = report.lastHeaderHash();
                if (output.json()) {
                    OutputOptions.printJson(out, java.util.Map.of("verified", true, "report", report,
                            "lastBlock", last, "lastHeaderHash", lastHash));
                } else {
                    out.println("verified blocks " + from + " to " + last + ": " + report.transactions()
                            + " transactions (" + report.valid() + " valid, " + report.invalid() + " invalid), "
                            + report.signaturesChecked() + " signatures");
                    out.println("block " + last + " header hash " + lastHash);
                    out.println("(to resume later: fundtrail verify --from " + last + " --trusted-hash " + lastHash
                            + ")");
                }
            }
        } catch (VerificationException e) {
            return failed(e.getMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CorruptStoreException damaged) {
                return damaged(damaged);
            }
            throw new UserError(ExitCode.ERROR, e.getCause().getMessage());
        } catch (BoundedBlocks.NotDelivered e) {
            spec.commandLine().getErr().println();
            if (lastFromReadModel) {
                return failed(e.getMessage() + ": the ledger is behind the read model, whose checkpoint is block "
                        + last + " (blocks the read model holds are missing from the ledger; see docs/RELIABILITY.md)");
            }
            throw new UserError(ExitCode.NOT_FOUND, e.getMessage() + "; the ledger has no block " + e.blockNumber()
                    + " yet: give a lower --to");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof io.grpc.StatusRuntimeException grpc
                    && grpc.getStatus().getCode() == io.grpc.Status.Code.DATA_LOSS) {
                return failed("the node cannot read its block store: " + grpc.getStatus().getDescription());
            }
            throw e;
        }
        out.flush();
        return ExitCode.OK;
    }

    private int damaged(CorruptStoreException e) {
        return failed((e.blockNumber() >= 0 ? "block " + e.blockNumber() + ": " : "") + e.getMessage());
    }

    private int failed(String message) {
        PrintWriter out = spec.commandLine().getOut();
        spec.commandLine().getErr().println();
        spec.commandLine().getErr().flush();
        if (output.json()) {
            OutputOptions.printJson(out, java.util.Map.of("verified", false, "failure", message));
        } else {
            out.println(OutputOptions.style("red", "verification failed: ") + message);
        }
        out.flush();
        return ExitCode.MISMATCH;
    }

    /** @return the read model's last block, the default --to when there is a read model; null when there is none */
    private Long readModelCheckpoint() {
        ReadModel readModel;
        try {
            readModel = ledger.readModel();
        } catch (UserError e) {
            if (e.exitCode() == ExitCode.UNREACHABLE) {
                return null; // no read model at the URL: the ledger's own height is the default
            }
            throw new UserError(ExitCode.USAGE, "cannot tell the ledger's height (" + e.getMessage() + "); give --to N");
        }
        try (readModel) {
            return readModel.checkpoint();
        } catch (Exception e) {
            throw new UserError(ExitCode.USAGE, "cannot tell the ledger's height (" + e.getMessage()
                    + "); give --to N");
        }
    }

    /** @return the ledger's height as its peer reports it (qscc GetChainInfo): the default --to is one below */
    private static long ledgerHeight(FundtrailLedger client) {
        try {
            return client.height();
        } catch (LedgerUnavailableException e) {
            throw new UserError(ExitCode.UNREACHABLE, "cannot ask the ledger for its height (" + e.getMessage()
                    + "); give --to N");
        } catch (LedgerException e) {
            throw new UserError(ExitCode.ERROR, "cannot ask the ledger for its height (" + e.getMessage()
                    + "); give --to N");
        }
    }

    private String networkPolicy() {
        try {
            return NetworkDefinition.load(ledger.dataDir().networkFile()).endorsementPolicy();
        } catch (IOException e) {
            throw new UserError(ExitCode.USAGE, "cannot read the endorsement policy from "
                    + ledger.dataDir().networkFile() + "; give --policy");
        }
    }

    private static Block first(BlockSource blocks, long number, Duration wait) throws IOException {
        try (BoundedBlocks stream = new BoundedBlocks(blocks.blocks(number), number, 1, wait)) {
            return stream.next();
        }
    }
}

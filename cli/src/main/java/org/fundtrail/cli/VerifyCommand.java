package org.fundtrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.readmodel.BlockSource;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.verify.BlockHashes;
import org.fundtrail.client.verify.BlockVerifier;
import org.fundtrail.client.verify.ChannelConfig;
import org.fundtrail.client.verify.EndorsementPolicy;
import org.fundtrail.client.verify.VerificationException;
import org.fundtrail.client.verify.VerificationReport;
import org.fundtrail.network.definition.NetworkDefinition;
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
                + "failure, naming the block, the transaction and what was expected."},
        footer = {"", "Examples:", "  fundtrail verify",
            "  fundtrail verify --from 1200 --trusted-hash 3f9a…   # hash printed by an earlier run"})
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
            + "block).")
    Long to;

    @Option(names = "--policy", paramLabel = "POLICY", description = "The endorsement policy, e.g. "
            + "\"AND('FinanceMSP.peer','AuditMSP.peer')\" (default: the network definition's).")
    String policy;

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
        long last = to != null ? to : lastBlock();
        EndorsementPolicy endorsement = EndorsementPolicy.parse(policy != null ? policy : networkPolicy());
        PrintWriter out = spec.commandLine().getOut();
        ProgressBar progress = new ProgressBar(spec.commandLine().getErr(), "verifying blocks",
                System.console() != null);
        try (FundtrailLedger client = ledger.open(false)) {
            BlockSource blocks = client.blocks();
            Block block0 = first(blocks, 0);
            BlockVerifier.Builder builder = BlockVerifier.newInstance().endorsementPolicy(endorsement);
            Block start = block0;
            if (from == 0 && trustedHash == null) {
                builder.genesis(block0);
            } else {
                start = first(blocks, from);
                String hash = HexFormat.of().formatHex(BlockHashes.headerHash(start.getHeader()));
                if (!hash.equalsIgnoreCase(trustedHash)) {
                    out.println("block " + from + " is not the block you trusted: its header hash is " + hash
                            + ", expected " + trustedHash);
                    return ExitCode.MISMATCH;
                }
                if (from == 0) {
                    builder.genesis(block0);
                } else {
                    builder.trusted(start, ChannelConfig.fromConfigBlock(block0));
                }
            }
            try (BlockVerifier verifier = builder.build();
                 BlockSource.Stream stream = blocks.blocks(from + 1)) {
                long total = last - from;
                verifier.verifyAll(upTo(stream, total), b -> progress.update(b.getHeader().getNumber() - from, total));
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
            } catch (VerificationException e) {
                spec.commandLine().getErr().println();
                if (output.json()) {
                    OutputOptions.printJson(out, java.util.Map.of("verified", false, "failure", e.getMessage()));
                } else {
                    out.println(OutputOptions.style("red", "verification failed: ") + e.getMessage());
                }
                out.flush();
                return ExitCode.MISMATCH;
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The first {@code count} blocks of a stream that would otherwise wait for more. */
    private static java.util.Iterator<Block> upTo(java.util.Iterator<Block> stream, long count) {
        return new java.util.Iterator<>() {
            private long left = count;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public Block next() {
                if (left <= 0) {
                    throw new java.util.NoSuchElementException();
                }
                left--;
                return stream.next();
            }
        };
    }

    private long lastBlock() {
        try (ReadModel readModel = ledger.readModel()) {
            return readModel.checkpoint();
        } catch (Exception e) {
            throw new UserError(ExitCode.USAGE, "cannot tell the ledger's height (" + e.getMessage()
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

    private static Block first(BlockSource blocks, long number) throws IOException {
        try (BlockSource.Stream stream = blocks.blocks(number)) {
            return stream.next();
        }
    }
}

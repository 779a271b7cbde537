package org.fundtrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.RefusedException;
import org.fundtrail.client.readmodel.CorruptBlockException;
import org.fundtrail.client.readmodel.LedgerReader;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.ReadModelException;
import org.fundtrail.client.readmodel.Reconciler;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fundtrail reconcile}: does the read model say what the ledger holds? */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Compare the read model with ledger state, record by record.",
            "Reports each difference.",
            "For a fiscal year or for the subtree below an allocation; every block the read model serves is checked "
                + "against the chain too. Exit code 6 when they differ or a block is damaged."},
        footer = {"", "Examples:", "  fundtrail reconcile --fiscal-year 2026", "  fundtrail reconcile --subtree APP-2026-07"})
final class ReconcileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Scope scope;

    /** What to reconcile. */
    static final class Scope {
        @Option(names = "--fiscal-year", paramLabel = "YEAR", description = "Every record of a fiscal year.")
        Integer fiscalYear;

        @Option(names = "--subtree", paramLabel = "ALLOCATION", description = "An allocation and everything below it.")
        String subtree;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Reconciler.Report report;
        List<String> damaged;
        try (ReadModel readModel = ledger.readModel(); FundtrailLedger client = ledger.open(false)) {
            if (scope.subtree != null) {
                RecordType type = readModel.record(scope.subtree).map(r -> r.record().type()).orElseThrow(() ->
                        new UserError(ExitCode.NOT_FOUND, "not found: --subtree " + scope.subtree + ": no record "
                                + "with that id in the read model"));
                if (type != RecordType.ALLOCATION) {
                    throw new UserError(ExitCode.USAGE, "--subtree " + scope.subtree + ": '" + scope.subtree + "' is "
                            + type.name().toLowerCase(java.util.Locale.ROOT) + ", not an allocation");
                }
            }
            Reconciler reconciler = new Reconciler(readModel, reader(client));
            report = scope.fiscalYear != null ? reconciler.fiscalYear(scope.fiscalYear)
                    : reconciler.subtree(scope.subtree);
            damaged = damagedBlocks(readModel);
        } catch (IOException e) {
            if (e.getCause() instanceof LedgerException ledgerFailure) {
                throw ledgerFailure;
            }
            throw e;
        }
        if (output.json()) {
            java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("checked", report.checked());
            json.put("differences", report.differences());
            json.put("damagedBlocks", damaged);
            OutputOptions.printJson(out, json);
        } else {
            out.println("checked " + report.checked() + " record(s) against the ledger: "
                    + (report.agrees() ? "the read model agrees" : report.differences().size() + " difference(s)"));
            for (Reconciler.Difference d : report.differences()) {
                out.println("  " + d.kind() + " " + d.type().name().toLowerCase(java.util.Locale.ROOT) + " " + d.id());
            }
            for (String block : damaged) {
                out.println("  DAMAGED " + block);
            }
            if (!damaged.isEmpty()) {
                out.println("rebuild the read model from the ledger: fundtrail rebuild --data " + ledger.data);
            }
        }
        out.flush();
        return report.agrees() && damaged.isEmpty() ? ExitCode.OK : ExitCode.MISMATCH;
    }

    /** Checks every block the read model serves against the chain; one line per damaged block. */
    private static List<String> damagedBlocks(ReadModel readModel) throws ReadModelException {
        List<String> damaged = new ArrayList<>();
        long checkpoint = readModel.checkpoint();
        for (long n = 0; n <= checkpoint; n++) {
            try {
                readModel.block(n);
            } catch (CorruptBlockException e) {
                damaged.add(e.getMessage());
            }
        }
        return damaged;
    }

    /** Reads ledger state through the chaincode's queries, as canonical JSON. */
    static LedgerReader reader(FundtrailLedger client) {
        return (type, id) -> {
            try {
                return Optional.ofNullable(switch (type) {
                    case BALANCE -> CanonicalJson.write(client.allocation(id).balance());
                    case ALLOCATION -> CanonicalJson.write(client.allocation(id).allocation());
                    case ORGANIZATION -> CanonicalJson.write(client.organization(id));
                    default -> {
                        LedgerRecord record = client.record(id);
                        if (record.type() != type) {
                            yield null;
                        }
                        yield CanonicalJson.write(record);
                    }
                });
            } catch (RefusedException e) {
                if (e.code() == ErrorCode.NOT_FOUND) {
                    return Optional.empty();
                }
                throw new IOException(e.getMessage(), e);
            } catch (LedgerException e) {
                throw new IOException(e.getMessage(), e);
            }
        };
    }
}

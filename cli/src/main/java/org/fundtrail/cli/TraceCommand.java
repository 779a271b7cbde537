package org.fundtrail.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.fundtrail.api.ApiServer;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceUp;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.RefusedException;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.ReadModelException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail trace DOWN|UP ID}: follow the money. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Follow the money down from an allocation, or up from any record.",
            "DOWN shows every allocation below with what it received, got back from below, transferred, spent, "
                + "returned up and has left (AVAILABLE = RECEIVED + RETURNED-IN - TRANSFERRED - SPENT - RETURNED-UP, "
                + "amounts grouped by thousands), and its outcomes with target and actual; UP shows the path from any "
                + "record to its appropriation.",
            "Flags mark money unspent after its fiscal year and spending with no outcome reported. Read from the "
                + "read model; --from-ledger has the chaincode compute it from ledger state."},
        footer = {"", "Examples:", "  fundtrail trace down APP-2026-07", "  fundtrail trace up E-20260314-1a2b3c4d",
            "  fundtrail trace down APP-2026-07 --json > trace.json"})
final class TraceCommand implements Callable<Integer> {
    /** Direction of a trace. */
    enum Direction { DOWN, UP }

    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @Parameters(index = "0", paramLabel = "DOWN|UP", description = "down or up.")
    String direction;

    @Parameters(index = "1", paramLabel = "ID", description = "An allocation (down) or any record (up).")
    String id;

    @Option(names = "--max-nodes", defaultValue = "10000", paramLabel = "N",
            description = "With --from-ledger: stop a downward trace after N allocations (default: ${DEFAULT-VALUE}).")
    int maxNodes;

    @Option(names = "--depth", defaultValue = "" + ApiServer.TRACE_DEPTH_DEFAULT, paramLabel = "N",
            description = "Levels below the allocation to show, 0 to " + ApiServer.TRACE_DEPTH_MAX
                    + " (default: ${DEFAULT-VALUE}, as the API's `depth`).")
    int depth;

    @Mixin
    WidthOption width;

    @Option(names = "--from-ledger", description = "Have the chaincode compute the trace from ledger state.")
    boolean fromLedger;

    @Override
    public Integer call() throws Exception {
        Direction dir = parse(direction);
        PrintWriter out = spec.commandLine().getOut();
        TraceView view = new TraceView(LocalDate.now().getYear(), width.columns());
        if (!fromLedger) {
            try (ReadModel readModel = ledger.readModel()) {
                if (dir == Direction.DOWN) {
                    if (depth < 0 || depth > ApiServer.TRACE_DEPTH_MAX) {
                        throw new UserError(ExitCode.USAGE, "--depth must be 0 to " + ApiServer.TRACE_DEPTH_MAX
                                + ", not " + depth);
                    }
                    TraceDown trace = readModel.traceDown(id, depth).orElseThrow(() -> notFound(readModel, dir));
                    if (output.json()) {
                        OutputOptions.printJson(out, trace);
                    } else {
                        view.printDown(out, trace);
                    }
                } else {
                    refuseOrganisation(readModel);
                    TraceUp trace = readModel.traceUp(id).orElseThrow(() -> notFound(readModel, dir));
                    if (output.json()) {
                        OutputOptions.printJson(out, trace);
                    } else {
                        view.printUp(out, trace);
                    }
                }
            }
            out.flush();
            return ExitCode.OK;
        }
        try (FundtrailLedger client = ledger.open(false)) {
            if (dir == Direction.DOWN) {
                TraceDown trace = client.traceDown(id, maxNodes);
                if (output.json()) {
                    OutputOptions.printJson(out, trace);
                } else {
                    view.printDown(out, trace);
                }
            } else {
                TraceUp trace = traceUpFromLedger(client);
                if (output.json()) {
                    OutputOptions.printJson(out, trace);
                } else {
                    view.printUp(out, trace);
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The chaincode refuses to trace up from a record that holds no money (an organisation) with
     * INVALID_ARGUMENT; for the user that is the same wrong input as in the read model: exit 2.
     */
    private TraceUp traceUpFromLedger(FundtrailLedger client) throws Exception {
        try {
            return client.traceUp(id);
        } catch (RefusedException e) {
            if (e.code() == ErrorCode.INVALID_ARGUMENT && "recordId".equals(e.field())) {
                String detail = Refusal.parse(e.getMessage()).map(Refusal.Parsed::detail).orElse(e.getMessage());
                throw new UserError(ExitCode.USAGE, "trace up " + id + ": " + detail
                        + "; trace one of its allocations (fundtrail list allocations --org " + id + ")");
            }
            throw e;
        }
    }

    /** @return why there is no trace: no such record (exit 4), or a record a trace cannot start from (exit 2) */
    private UserError notFound(ReadModel readModel, Direction dir) {
        Optional<RecordType> type = typeOf(readModel);
        if (type.isPresent()) {
            return wrongKind(dir, type.get());
        }
        return new UserError(ExitCode.NOT_FOUND, "not found: no record with id '" + id
                + "' to trace (in the read model; try --from-ledger)");
    }

    private void refuseOrganisation(ReadModel readModel) {
        if (typeOf(readModel).filter(t -> t == RecordType.ORGANIZATION).isPresent()) {
            throw wrongKind(Direction.UP, RecordType.ORGANIZATION);
        }
    }

    private Optional<RecordType> typeOf(ReadModel readModel) {
        try {
            return readModel.record(id).map(r -> r.record().type());
        } catch (ReadModelException e) {
            throw new UserError(ExitCode.UNREACHABLE, e.getMessage());
        }
    }

    /** @return a usage error naming what the id is and the trace that does start from it */
    private UserError wrongKind(Direction dir, RecordType type) {
        String kind = type.name().toLowerCase(Locale.ROOT);
        String article = "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
        if (type == RecordType.ORGANIZATION) {
            return new UserError(ExitCode.USAGE, "trace " + dir.name().toLowerCase(Locale.ROOT) + " " + id + ": '"
                    + id + "' is an organisation, which holds no money itself; trace one of its allocations "
                    + "(fundtrail list allocation --org " + id + ")");
        }
        return new UserError(ExitCode.USAGE, "trace down " + id + ": '" + id + "' is " + article + kind
                + ", not an allocation; trace down starts from an allocation; to follow this " + kind
                + " to its appropriation: fundtrail trace up " + id);
    }

    private static Direction parse(String text) {
        try {
            return Direction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "direction must be down or up, not '" + text + "'");
        }
    }
}

package org.fundtrail.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.cli.demo.BudgetLoader;
import org.fundtrail.cli.demo.DemoNetwork;
import org.fundtrail.cli.demo.LoadSummary;
import org.fundtrail.cli.demo.SampleBudget;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.FundtrailLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fundtrail demo}: Fundtrail with a realistic sample budget, from nothing. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run Fundtrail with a realistic sample budget, from nothing.",
            "Creates an embedded network in the data folder "
                + "(a finance ministry, 6 departments, 27 agencies, an audit office), loads two fiscal years of "
                + "appropriations, thousands of transfers, expenditures with evidence hashes, outcomes, returns and "
                + "reversals, and a few refusals the ledger rejects; then serves until Ctrl-C.",
            "Run it again on the same folder to resume an interrupted load."},
        footer = {"", "Example:", "  fundtrail demo                    # data in ./fundtrail-data",
            "  fundtrail demo --data /tmp/ft --scale 2"})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${FUNDTRAIL_DATA:-fundtrail-data}",
            description = "The data folder (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--verbose", description = "Show the libraries' log (Flyway, Jetty, Javalin, the API's access "
            + "log) on the console instead of in DATA/" + ConsoleLog.FILE + ".")
    boolean verbose;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070",
            description = "The public API's port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--gateway-port", paramLabel = "N", defaultValue = "0",
            description = "The node's Fabric Gateway port on 127.0.0.1 (default: any free port).")
    int gatewayPort;

    @Option(names = "--scale", paramLabel = "N", defaultValue = "" + SampleBudget.DEFAULT_SCALE,
            description = "Size of the sample budget, 1 to 99 (default: ${DEFAULT-VALUE}, about 4,700 transactions).")
    int scale;

    @Option(names = "--exit", hidden = true, description = "Stop after loading and printing (for tests).")
    boolean exitAfterLoad;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataDir dir = new DataDir(data);
        Path log = ConsoleLog.configure(dir, verbose);
        Path definition = null;
        if (!dir.isInitialised()) {
            Files.createDirectories(dir.root());
            definition = DemoNetwork.copyTo(dir.root().resolve("demo-network.yaml"));
        }
        SampleBudget budget = SampleBudget.newInstance().scale(scale).network(DemoNetwork.definition()).build();
        err.println("fundtrail demo: starting the embedded network in " + dir.root().toAbsolutePath());
        err.flush();
        try (FundtrailServer server = FundtrailServer.start(dir, definition, gatewayPort, apiPort)) {
            LoadSummary summary = load(dir, server, budget, err);
            if (!summary.succeeded()) {
                throw new UserError(ExitCode.ERROR, "the sample budget did not load: " + summary.failures().size()
                        + " unexpected failure(s), first: " + summary.failures().get(0));
            }
            if (!server.awaitProjection(Duration.ofMinutes(5))) {
                throw new UserError(ExitCode.ERROR, "the read model did not catch up with the ledger in 5 minutes");
            }
            printWelcome(out, dir, server, budget, summary, log);
            if (!exitAfterLoad) {
                server.awaitShutdown();
            }
        }
        return ExitCode.OK;
    }

    private LoadSummary load(DataDir dir, FundtrailServer server, SampleBudget budget, PrintWriter err)
            throws InterruptedException {
        boolean interactive = System.console() != null;
        BudgetLoader loader = BudgetLoader.newInstance()
                .ledgers((msp, user) -> FundtrailLedger.newInstance()
                        .config(ConnectionConfig.load(dir.connectionFile(msp, user)))
                        .channel(server.node().inProcessChannel()).build())
                .resume(true)
                .progress(new ProgressBar(err, "loading the sample budget", interactive)::update)
                .build();
        LoadSummary summary = loader.load(budget.steps());
        err.println();
        err.println(loadedLine(summary));
        err.flush();
        return summary;
    }

    /**
     * @return what the load did: how many transactions it committed and how fast, or on a resumed load
     *     how many were already on the ledger and how many it added
     */
    static String loadedLine(LoadSummary summary) {
        String refusals = summary.refusals().size() + " refusals attempted and rejected as planned: "
                + codes(summary.refusalsByCode());
        double seconds = summary.elapsed().toMillis() / 1000.0;
        if (summary.alreadyPresent() == 0) {
            return String.format(java.util.Locale.ROOT, "loaded %d transactions in %.1f s (%.0f/s); %s",
                    summary.committed(), seconds, summary.committedPerSecond(), refusals);
        }
        if (summary.committed() == 0) {
            return "resumed: all " + summary.alreadyPresent() + " transactions of the sample budget were already on "
                    + "the ledger; nothing to load; " + refusals;
        }
        return String.format(java.util.Locale.ROOT, "resumed: %d transactions were already on the ledger; loaded the "
                + "other %d in %.1f s (%.0f/s); %s", summary.alreadyPresent(), summary.committed(), seconds,
                summary.committedPerSecond(), refusals);
    }

    private static String codes(Map<ErrorCode, Integer> byCode) {
        StringBuilder text = new StringBuilder();
        byCode.forEach((code, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append(' ').append(code));
        return text.toString();
    }

    private void printWelcome(PrintWriter out, DataDir dir, FundtrailServer server, SampleBudget budget,
                              LoadSummary summary, Path log) throws Exception {
        SampleBudget.Highlights h = budget.highlights();
        TraceDown trace = server.readModel().traceDown(h.appropriationId(), 3).orElseThrow();
        new TraceView(LocalDate.now().getYear(), Terminal.width(null)).printDown(out, trace);
        out.println();
        out.println("Fundtrail is running with the sample budget (" + summary.total() + " steps), data in "
                + dir.root());
        out.println("  Fabric gateway  127.0.0.1:" + server.node().port() + "   read model  "
                + dir.root().resolve("readmodel.db"));
        out.println("  public API      http://127.0.0.1:" + server.apiPort() + "/   (a page for journalists; "
                + "OpenAPI at /openapi.json)");
        if (log != null) {
            out.println("  log             " + log);
        }
        out.println("Try, in another terminal:");
        String data = dir.root().toString().equals("fundtrail-data") ? "" : " --data " + dir.root();
        out.println("  ./fundtrail trace down " + h.appropriationId() + data);
        out.println("  ./fundtrail trace up " + h.expenditureId() + data);
        out.println("  ./fundtrail show " + h.outcomeId() + data + " --json");
        if (!exitAfterLoad) {
            out.println("Press Ctrl-C to stop.");
        }
        out.flush();
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.client.readmodel.ReadModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command path: from an empty data folder to a trace of the sample budget whose
 * totals add up, and the trace as a person sees it at 80 and 200 columns and piped: every id whole,
 * every row's columns adding up.
 */
class DemoTest {

    @Test
    void demo_goes_from_an_empty_folder_to_a_trace_whose_totals_add_up(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("fundtrail-data");
        Cli.Run demo = new Cli().run("demo", "--data", data.toString(), "--scale", "1", "--port", "0", "--exit");
        assertThat(demo.exit()).as("%s", demo).isZero();
        assertThat(demo.err()).contains("loading the sample budget").contains("refusals attempted and rejected");
        assertThat(demo.out()).contains("Trace down from AP-").contains("Try, in another terminal:")
                .contains("./fundtrail trace down").contains("./fundtrail trace up").contains("./fundtrail show")
                .containsPattern("public API +http://127\\.0\\.0\\.1:\\d+/");

        assertThat(demo.err()).containsPattern("loaded \\d+ transactions in ");
        Cli.Run resumed = new Cli().run("demo", "--data", data.toString(), "--scale", "1", "--port", "0", "--exit");
        assertThat(resumed.exit()).as("%s", resumed).isZero();
        assertThat(resumed.err()).as("a resumed demo says so").containsPattern(
                "resumed: all \\d+ transactions of the sample budget were already on the ledger; nothing to load")
                .doesNotContain("(0/s)").doesNotContain("loaded ");
        assertThat(resumed.out()).contains("log             " + data.resolve("fundtrail.log"));

        String appropriation = demo.out().lines().filter(l -> l.startsWith("  ./fundtrail trace down "))
                .findFirst().orElseThrow().split(" ")[5];
        try (FundtrailServer server = FundtrailServer.start(new DataDir(data), null, 0, -1)) {
            server.awaitProjection(java.time.Duration.ofMinutes(1));
            try (ReadModel readModel = ReadModel.open(new DataDir(data).readModelUrl())) {
                // the highlighted appropriation, and one whose tree holds a reversed transfer and outcomes
                List<TraceNode> seen = new ArrayList<>();
                for (String traced : List.of(appropriation, "AP-2025-HLT.01")) {
                    TraceDown trace = readModel.traceDown(traced, 10).orElseThrow();
                    collect(trace.root(), seen);
                    assertBooksBalance(trace.root());
                    for (int width : new int[] {80, 200}) {
                        Cli.Run shown = new Cli("--data", data.toString()).run("trace", "down", traced, "--width",
                                Integer.toString(width));
                        assertThat(shown.exit()).as("%s", shown).isZero();
                        assertThat(shown.out().lines()).as("at %d columns", width)
                                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width));
                        Path snapshot = Path.of("target", "trace-snapshots", traced + "-" + width + ".txt");
                        java.nio.file.Files.createDirectories(snapshot.getParent());
                        java.nio.file.Files.writeString(snapshot, shown.out());
                        assertTraceShown(shown.out(), trace);
                    }
                    Cli.Run piped = new Cli("--data", data.toString()).run("trace", "down", traced);
                    assertTraceShown(piped.out(), trace);
                    List<String> rowLines = piped.out().lines().filter(l -> l.replaceAll("^[│├└─ ]+", "")
                            .startsWith("A") && !l.startsWith("ALLOCATION") && !l.startsWith("AVAILABLE")).toList();
                    assertThat(rowLines).as("piped: one line per allocation with its six amounts")
                            .hasSize(trace.nodes())
                            .allSatisfy(l -> assertThat(AMOUNT.matcher(l).results().count()).as(l).isEqualTo(6));
                }
                assertThat(seen).as("the traces shown include a reversed transfer and outcomes")
                        .anyMatch(n -> new BigDecimal(n.reversed()).signum() > 0)
                        .anyMatch(n -> !n.outcomes().isEmpty());
            }
        }
    }

    /**
     * Every allocation's id appears whole at the start of its row; its six amounts follow in column
     * order, equal the trace's and obey AVAILABLE = RECEIVED + RETURNED-IN - TRANSFERRED - SPENT -
     * RETURNED-UP; its outcomes are shown with target and actual; the spent column adds up to the total.
     */
    static void assertTraceShown(String text, TraceDown trace) {
        List<TraceNode> nodes = new ArrayList<>();
        collect(trace.root(), nodes);
        assertThat(text).doesNotContain("…");
        Map<String, TraceNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.allocationId(), n));
        Map<String, List<BigDecimal>> rows = new LinkedHashMap<>();
        List<BigDecimal> current = null;
        for (String line : text.lines().toList()) {
            String first = line.replaceAll("^[│├└─ ]+", "").split("\\s+")[0];
            if (byId.containsKey(first) && !rows.containsKey(first)) {
                current = new ArrayList<>();
                rows.put(first, current);
                line = line.substring(line.indexOf(first) + first.length());
            }
            Matcher amount = AMOUNT.matcher(line);
            while (current != null && current.size() < 6 && amount.find()) {
                current.add(new BigDecimal(amount.group().replace(",", "")));
            }
        }
        assertThat(rows.keySet()).as("every allocation has a row, its id whole").containsExactlyElementsOf(
                byId.keySet());
        String words = text.replaceAll("(?m)^[│├└─ ]+", "").replaceAll("\\s+", " ");
        BigDecimal spentColumn = BigDecimal.ZERO;
        for (Map.Entry<String, List<BigDecimal>> row : rows.entrySet()) {
            TraceNode n = byId.get(row.getKey());
            List<BigDecimal> a = row.getValue();
            assertThat(a).as("amounts of %s", n.allocationId()).hasSize(6);
            assertThat(a.get(5)).as("%s: AVAILABLE = RECEIVED + RETURNED-IN - TRANSFERRED - SPENT - RETURNED-UP %s",
                    n.allocationId(), a).isEqualByComparingTo(a.get(0).add(a.get(1)).subtract(a.get(2))
                    .subtract(a.get(3)).subtract(a.get(4)));
            assertThat(a).as("amounts of %s", n.allocationId()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal(n.received()).subtract(new BigDecimal(n.reversed())),
                            new BigDecimal(n.returnedIn()), new BigDecimal(n.transferred()), new BigDecimal(n.spent()),
                            new BigDecimal(n.returned()), new BigDecimal(n.available()));
            spentColumn = spentColumn.add(a.get(3));
            for (TraceNode.OutcomeSummary o : n.outcomes()) {
                assertThat(words).contains("outcome " + o.id() + ":")
                        .contains("target " + o.target()).contains("actual " + o.actual());
            }
        }
        assertThat(spentColumn).isEqualByComparingTo(totalSpent(trace.root()));
        assertThat(text).contains("spent across the tree: "
                + TraceView.group(totalSpent(trace.root()).setScale(2).toPlainString()));
    }

    private static final Pattern AMOUNT = Pattern.compile("(?<![\\w.-])[0-9]{1,3}(,[0-9]{3})*\\.[0-9]{2}(?![\\w.-])");

    private static void assertBooksBalance(TraceNode node) {
        BigDecimal kept = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        for (TraceNode child : node.children()) {
            kept = kept.add(new BigDecimal(child.received())).subtract(new BigDecimal(child.reversed()));
            returned = returned.add(new BigDecimal(child.returned()));
            assertBooksBalance(child);
        }
        if (node.complete()) {
            assertThat(new BigDecimal(node.transferred())).as("transferred by %s", node.allocationId())
                    .isEqualByComparingTo(kept);
            assertThat(new BigDecimal(node.returnedIn())).isEqualByComparingTo(returned);
        }
        BigDecimal available = new BigDecimal(node.received()).add(new BigDecimal(node.returnedIn()))
                .subtract(new BigDecimal(node.transferred())).subtract(new BigDecimal(node.spent()))
                .subtract(new BigDecimal(node.returned())).subtract(new BigDecimal(node.reversed()));
        assertThat(new BigDecimal(node.available())).isEqualByComparingTo(available);
    }

    private static BigDecimal totalSpent(TraceNode node) {
        List<TraceNode> all = new ArrayList<>();
        collect(node, all);
        return all.stream().map(n -> new BigDecimal(n.spent())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void collect(TraceNode node, List<TraceNode> all) {
        all.add(node);
        node.children().forEach(c -> collect(c, all));
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.client.readmodel.ReadModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command path: from an empty data folder to a trace of the sample budget whose
 * totals add up, and the trace as a person sees it in an 80-column terminal.
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

        String appropriation = demo.out().lines().filter(l -> l.startsWith("  ./fundtrail trace down "))
                .findFirst().orElseThrow().split(" ")[5];
        try (FundtrailServer server = FundtrailServer.start(new DataDir(data), null, 0, -1)) {
            server.awaitProjection(java.time.Duration.ofMinutes(1));
            try (ReadModel readModel = ReadModel.open(new DataDir(data).readModelUrl())) {
                TraceDown trace = readModel.traceDown(appropriation, 10).orElseThrow();
                assertBooksBalance(trace.root());
                Cli.Run shown = new Cli("--data", data.toString()).run("trace", "down", appropriation);
                assertThat(shown.exit()).as("%s", shown).isZero();
                List<String> lines = shown.out().lines().toList();
                assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
                BigDecimal spentColumn = BigDecimal.ZERO;
                int rows = 0;
                for (String line : lines.subList(2, lines.size())) {
                    String[] cells = line.trim().split("\\s+");
                    if (cells.length >= 5 && cells[cells.length - 1].matches("[0-9,]+\\.[0-9]{2}")) {
                        spentColumn = spentColumn.add(new BigDecimal(cells[cells.length - 2].replace(",", "")));
                        rows++;
                    }
                }
                assertThat(rows).isEqualTo(trace.nodes());
                assertThat(spentColumn).isEqualByComparingTo(totalSpent(trace.root()));
                assertThat(shown.out()).contains(TraceView.group(totalSpent(trace.root()).setScale(2).toPlainString()));
            }
        }
    }

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

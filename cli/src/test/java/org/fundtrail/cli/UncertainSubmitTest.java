package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fundtrail.client.ConnectionConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions whose outcome is uncertain, through the CLI against a real embedded node reached
 * through a fault-injecting proxy: an unknown outcome is said as such (exit 7, the transaction, the
 * command that checks it), a re-run with the same id is already done, and a conflict that exhausts
 * the retries is not a refusal.
 */
class UncertainSubmitTest {
    private static final Pattern TX = Pattern.compile("transaction ([0-9a-f]{64}) for ");

    @TempDir
    static Path data;
    static FundtrailServer server;
    static Cli cli;

    @BeforeAll
    static void start() throws Exception {
        server = FundtrailServer.start(new DataDir(data), null, 0, 0);
        cli = new Cli("--data", data.toString());
        ok("org", "register", "--as", "FinanceMSP/Admin", "--id", "MOF", "--name", "Ministry of Finance", "--tier",
                "MINISTRY", "--org-msp", "FinanceMSP");
        ok("org", "register", "--as", "FinanceMSP/Admin", "--id", "HEALTH", "--name", "Ministry of Health",
                "--tier", "DEPARTMENT", "--parent", "MOF", "--org-msp", "HealthMSP");
        ok("appropriate", "--as", "MOF", "--id", "APP-1", "--fiscal-year", "2026", "--amount", "1000",
                "--cofog", "07.3", "--programme", "P", "--purpose", "Hospitals");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Cli.Run ok(String... args) {
        Cli.Run run = cli.run(args);
        assertThat(run.exit()).as("%s", run).isZero();
        return run;
    }

    /** @return a connection file for the ministry's officer that dials the proxy */
    private static String viaProxy(FaultyGateway proxy) throws Exception {
        Path file = data.resolve("via-" + proxy.endpoint().replace(':', '-') + ".json");
        ConnectionConfig.load(new DataDir(data).connectionFile("FinanceMSP", "officer@mof"))
                .withEndpoint(proxy.endpoint()).write(file);
        return file.toString();
    }

    private static String[] transfer(String... more) {
        String[] base = {"transfer", "--from", "APP-1", "--to", "HEALTH", "--purpose", "Grant"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static String txOf(Cli.Run run) {
        Matcher m = TX.matcher(run.err());
        assertThat(m.find()).as("%s", run).isTrue();
        return m.group(1);
    }

    @Test
    void a_node_lost_after_the_submit_exits_7_with_the_transaction_and_the_command_that_checks_it()
            throws Exception {
        Cli.Run lost;
        try (FaultyGateway proxy = new FaultyGateway(server.node().port(),
                FaultyGateway.Fault.NODE_LOST_AFTER_SUBMIT)) {
            lost = cli.run(transfer("--connection", viaProxy(proxy), "--id", "T-LOST", "--amount", "10.00"));
            assertThat(proxy.faulted.get()).as("calls after the submit were lost").isPositive();
        }
        assertThat(lost.exit()).as("%s", lost).isEqualTo(ExitCode.OUTCOME_UNKNOWN);
        assertThat(lost.err().strip()).startsWith("fundtrail: outcome unknown: transaction ")
                .contains("for T-LOST").contains("fundtrail show T-LOST --from-ledger")
                .contains("fundtrail history T-LOST").contains("--id T-LOST").doesNotContain("\n")
                .doesNotContain("did not answer");
        String tx = txOf(lost);

        Cli.Run again = ok(transfer("--as", "MOF", "--id", "T-LOST", "--amount", "10"));
        assertThat(again.out()).startsWith("already done: Transfer T-LOST was committed earlier in block ")
                .contains("(tx " + tx + ")");
        Cli.Run json = ok(transfer("--as", "MOF", "--id", "T-LOST", "--amount", "10.00", "--json"));
        assertThat(json.out()).contains("\"alreadyDone\" : true").contains("\"transactionId\" : \"" + tx + "\"")
                .containsPattern("\"blockNumber\" : [1-9]");

        Cli.Run different = cli.run(transfer("--as", "MOF", "--id", "T-LOST", "--amount", "11.00"));
        assertThat(different.exit()).as("%s", different).isEqualTo(ExitCode.REFUSED);
        assertThat(different.err()).contains("ALREADY_EXISTS");
    }

    @Test
    void without_an_id_the_generated_id_is_printed_before_submitting_and_a_rerun_with_it_is_already_done()
            throws Exception {
        Cli.Run lost;
        try (FaultyGateway proxy = new FaultyGateway(server.node().port(),
                FaultyGateway.Fault.NODE_LOST_AFTER_SUBMIT)) {
            lost = cli.run(transfer("--connection", viaProxy(proxy), "--amount", "20.00"));
        }
        assertThat(lost.exit()).as("%s", lost).isEqualTo(ExitCode.OUTCOME_UNKNOWN);
        Matcher generated = Pattern.compile("\\Afundtrail: generated id (T-\\d{8}-[0-9a-f]{8}) \\(to repeat this "
                + "command, add --id \\1\\)\n").matcher(lost.err());
        assertThat(generated.find()).as("the id comes first: %s", lost).isTrue();
        String id = generated.group(1);
        assertThat(lost.err()).as("the unknown outcome names the same id").contains("for " + id + " ")
                .contains("--id " + id);

        Cli.Run again = ok(transfer("--as", "MOF", "--id", id, "--amount", "20.00"));
        assertThat(again.out()).startsWith("already done: Transfer " + id + " was committed earlier in block ")
                .contains("(tx " + txOf(lost) + ")");
    }

    @Test
    void conflicts_that_exhaust_the_retries_exit_5_and_say_nothing_was_written_not_refused() throws Exception {
        Cli.Run conflicted;
        try (FaultyGateway proxy = new FaultyGateway(server.node().port(),
                FaultyGateway.Fault.EVERY_COMMIT_CONFLICTS)) {
            conflicted = cli.run(transfer("--connection", viaProxy(proxy), "--id", "T-BUSY", "--amount", "1.00"));
            assertThat(proxy.faulted.get()).as("every attempt conflicted").isGreaterThanOrEqualTo(2 * 10);
        }
        assertThat(conflicted.exit()).as("%s", conflicted).isEqualTo(ExitCode.UNREACHABLE)
                .isNotEqualTo(ExitCode.REFUSED);
        assertThat(conflicted.err().strip()).isEqualTo("fundtrail: the ledger kept conflicting with concurrent "
                + "transactions (MVCC_READ_CONFLICT on every attempt); nothing was written; try again");
        assertThat(cli.run("show", "T-BUSY", "--from-ledger").exit()).isEqualTo(ExitCode.NOT_FOUND);
    }
}

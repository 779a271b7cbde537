package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Every command in-process against a real embedded node serving a data folder. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    static Path data;
    static FundtrailServer server;
    static Cli cli;

    @BeforeAll
    static void start() throws Exception {
        server = FundtrailServer.start(new DataDir(data), null, 0, 0);
        cli = new Cli("--data", data.toString());
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

    @Test
    @Order(1)
    void finance_officers_build_a_budget_from_the_command_line() {
        ok("org", "register", "--as", "FinanceMSP/Admin", "--id", "MOF", "--name", "Ministry of Finance", "--tier",
                "MINISTRY", "--org-msp", "FinanceMSP");
        ok("org", "register", "--as", "FinanceMSP/Admin", "--id", "HEALTH", "--name", "Ministry of Health",
                "--tier", "department", "--parent", "MOF", "--org-msp", "HealthMSP");
        ok("org", "register", "--as", "FinanceMSP/Admin", "--id", "HEALTH-HOSP", "--name", "Hospitals", "--tier",
                "AGENCY", "--parent", "HEALTH", "--org-msp", "HealthMSP");
        Cli.Run appropriation = ok("appropriate", "--as", "MOF", "--id", "APP-1", "--fiscal-year", "2025",
                "--amount", "1000000", "--cofog", "07.3", "--programme", "P-HOSP", "--purpose", "Hospitals 2025");
        assertThat(appropriation.out()).startsWith("committed Appropriate APP-1 in block ")
                .contains("allocation APP-1");
        ok("transfer", "--as", "MOF", "--id", "T-1", "--from", "APP-1", "--to", "HEALTH", "--amount", "600000.00",
                "--purpose", "Health grant");
        ok("transfer", "--as", "HEALTH", "--id", "T-2", "--from", "T-1-A", "--to", "HEALTH-HOSP", "--amount",
                "250000.00", "--purpose", "Hospital grant");
        ok("spend", "--as", "HEALTH-HOSP", "--id", "E-1", "--allocation", "T-2-A", "--amount", "1234.56", "--payee",
                "MedSupply Ltd", "--category", "2.2.1", "--date", "2025-03-14", "--evidence-sha256", SHA,
                "--evidence-uri", "https://example.org/i/1.pdf");
        ok("spend", "--as", "HealthMSP/officer@health", "--id", "E-2", "--allocation", "T-1-A", "--amount", "10.00",
                "--payee", "Clinic Ltd", "--category", "2.2.1", "--date", "2025-04-01", "--evidence-sha256", SHA,
                "--evidence-uri", "https://example.org/i/2.pdf");
        ok("outcome", "--as", "HEALTH-HOSP", "--id", "O-1", "--allocation", "T-2-A", "--indicator", "Beds",
                "--unit", "beds", "--baseline", "100", "--target", "120", "--actual", "118", "--period", "2025",
                "--evidence-sha256", SHA, "--evidence-uri", "https://example.org/r/1.pdf");
        ok("return", "--as", "HEALTH-HOSP", "--id", "R-1", "--allocation", "T-2-A", "--amount", "1000",
                "--reason-code", "unspent", "--reason", "Under budget");
        ok("reverse", "E-1", "--as", "HEALTH-HOSP", "--id", "V-1", "--reason-code", "DATA_ENTRY_ERROR", "--reason",
                "Keyed twice");
    }

    @Test
    @Order(2)
    void ids_are_generated_when_not_given_and_dry_run_writes_nothing() throws Exception {
        Cli.Run generated = ok("transfer", "--as", "MOF", "--from", "APP-1", "--to", "HEALTH", "--amount", "1.00",
                "--purpose", "Generated id");
        assertThat(generated.out()).containsPattern("committed Transfer T-\\d{8}-[0-9a-f]{8} ");
        Cli.Run dry = ok("transfer", "--as", "MOF", "--id", "T-DRY", "--from", "APP-1", "--to", "HEALTH",
                "--amount", "1.00", "--purpose", "Dry", "--dry-run");
        assertThat(dry.out()).startsWith("dry run: Transfer T-DRY would be accepted");
        assertThat(server.awaitProjection(java.time.Duration.ofSeconds(60))).isTrue();
        assertThat(cli.run("show", "T-DRY").exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(cli.run("show", "T-DRY", "--from-ledger").exit()).isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    @Order(3)
    void auditors_show_history_and_trace() throws Exception {
        assertThat(server.awaitProjection(java.time.Duration.ofSeconds(60))).isTrue();
        Cli.Run show = ok("show", "T-2-A");
        assertThat(show.out()).containsPattern("ledger +tx [0-9a-f]{64} in block \\d+");
        Cli.Run fromLedger = ok("show", "T-2-A", "--from-ledger");
        assertThat(fromLedger.out()).contains("allocation T-2-A").contains("249000.00");
        assertThat(ok("trace", "down", "APP-1", "--from-ledger").out()).isEqualTo(ok("trace", "down", "APP-1").out());
        assertThat(show.out()).contains("allocation T-2-A").contains("holderOrgId").contains("HEALTH-HOSP")
                .contains("available").contains("249000.00");
        assertThat(ok("show", "E-1", "--json").out()).contains("\"payee\"").contains("\"MedSupply Ltd\"");
        Cli.Run history = ok("history", "T-2-A");
        assertThat(history.out()).contains("version(s)").contains("available 249000.00 EUR");
        Cli.Run down = ok("trace", "down", "APP-1", "--width", "80");
        assertThat(down.out()).contains("Trace down from APP-1").contains("T-2-A").contains("249,000.00")
                .contains("unspent").contains("spending but no outcome reported");
        for (String line : down.out().split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        Cli.Run up = ok("trace", "up", "E-1");
        assertThat(up.out()).contains("T-2-A").contains("via transfer T-2").contains("appropriation 2025");
        assertThat(ok("trace", "down", "APP-1", "--json").out()).contains("\"nodes\" : 4");
    }

    @Test
    @Order(4)
    void refusals_print_the_reason_in_one_line_and_exit_3() {
        Cli.Run overspend = cli.run("transfer", "--as", "HEALTH", "--id", "T-TOO-MUCH", "--from", "T-1-A", "--to",
                "HEALTH-HOSP", "--amount", "999999999", "--purpose", "Too much");
        assertThat(overspend.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(overspend.err().strip()).startsWith("fundtrail: refused by the ledger: amount: ")
                .contains("INSUFFICIENT_FUNDS").doesNotContain("\n").doesNotContain("Exception");
        Cli.Run wrongOrg = cli.run("spend", "--as", "HEALTH", "--allocation", "T-2-A", "--amount", "1", "--payee",
                "X", "--category", "c", "--date", "2025-01-01", "--evidence-sha256", SHA, "--evidence-uri",
                "https://x.org/a");
        assertThat(wrongOrg.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(wrongOrg.err()).contains("FORBIDDEN");
    }

    @Test
    @Order(5)
    void bad_input_gets_one_clear_line_and_submits_nothing() throws Exception {
        Cli.Run amount = cli.run("transfer", "--as", "MOF", "--id", "T-BAD", "--from", "APP-1", "--to", "HEALTH",
                "--amount", "12,50", "--purpose", "x");
        assertThat(amount.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(amount.err()).contains("--amount: '12,50' is not a positive decimal amount");
        Cli.Run precise = cli.run("transfer", "--as", "MOF", "--from", "APP-1", "--to", "HEALTH", "--amount",
                "1.001", "--purpose", "x");
        assertThat(precise.exit()).isEqualTo(ExitCode.USAGE);
        Cli.Run unknownId = cli.run("show", "NOPE");
        assertThat(unknownId.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(unknownId.err()).contains("not found: id: no record with id 'NOPE'");
        assertThat(cli.run("show", "NOPE", "--from-ledger").err()).contains("not found: id: no record with id 'NOPE'");
        Cli.Run badId = cli.run("transfer", "--as", "MOF", "--id", "bad id", "--from", "APP-1", "--to", "HEALTH",
                "--amount", "1", "--purpose", "x");
        assertThat(badId.exit()).isEqualTo(ExitCode.USAGE);
        Cli.Run noIdentity = cli.run("transfer", "--from", "APP-1", "--to", "HEALTH", "--amount", "1", "--purpose",
                "x");
        assertThat(noIdentity.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noIdentity.err()).contains("say who signs");
        Cli.Run unknownOrg = cli.run("transfer", "--as", "NOBODY", "--from", "APP-1", "--to", "HEALTH", "--amount",
                "1", "--purpose", "x");
        assertThat(unknownOrg.exit()).isEqualTo(ExitCode.USAGE);
        Cli.Run missingFiles = cli.run("show", "APP-1", "--from-ledger", "--cert", data.resolve("nope.pem").toString(), "--key",
                data.resolve("nope.key").toString(), "--msp", "HealthMSP");
        assertThat(missingFiles.exit()).isEqualTo(ExitCode.ERROR);
        assertThat(missingFiles.err()).contains("nope.pem");
        Cli.Run missingOption = cli.run("transfer", "--as", "MOF", "--from", "APP-1");
        assertThat(missingOption.exit()).isEqualTo(ExitCode.USAGE);
        Cli.Run badDirection = cli.run("trace", "sideways", "APP-1");
        assertThat(badDirection.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(server.awaitProjection(java.time.Duration.ofSeconds(60))).isTrue();
        assertThat(ok("show", "APP-1").out()).contains("transferred").contains("600001.00");
    }

    /** A user error names the input, exits 2 or 4 as the README says, and is never an "unexpected error". */
    private static void userError(int exit, Cli.Run run, String... says) {
        assertThat(run.exit()).as("%s", run).isEqualTo(exit);
        assertThat(run.err()).as("%s", run).doesNotContain("unexpected error").doesNotContain("Exception")
                .startsWith("fundtrail: ").contains(says);
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    @Order(5)
    void a_trace_from_an_organisation_or_the_wrong_record_says_what_the_id_is() {
        userError(ExitCode.USAGE, cli.run("trace", "up", "MOF"),
                "trace up MOF: 'MOF' is an organisation, which holds no money", "fundtrail list allocation --org MOF");
        userError(ExitCode.USAGE, cli.run("trace", "down", "HEALTH"), "'HEALTH' is an organisation");
        userError(ExitCode.USAGE, cli.run("trace", "down", "E-2"),
                "trace down E-2: 'E-2' is an expenditure, not an allocation", "fundtrail trace up E-2");
        userError(ExitCode.USAGE, cli.run("trace", "down", "O-1"), "'O-1' is an outcome, not an allocation");
        userError(ExitCode.NOT_FOUND, cli.run("trace", "down", "NOPE"), "no record with id 'NOPE'");
        userError(ExitCode.NOT_FOUND, cli.run("trace", "up", "NOPE"), "no record with id 'NOPE'");
        userError(ExitCode.USAGE, cli.run("trace", "sideways", "APP-1"), "direction must be down or up, not 'sideways'");
        userError(ExitCode.USAGE, cli.run("trace", "down", "APP-1", "--width", "10"), "--width must be at least 40");
    }

    @Test
    @Order(5)
    void an_amount_above_the_limit_says_the_limit() {
        userError(ExitCode.USAGE, cli.run("transfer", "--as", "MOF", "--from", "APP-1", "--to", "HEALTH",
                "--amount", "10000000000000000", "--purpose", "x"),
                "--amount: '10000000000000000' exceeds the largest amount, 10^15 EUR");
        userError(ExitCode.USAGE, cli.run("transfer", "--as", "MOF", "--from", "APP-1", "--to", "HEALTH",
                "--amount", "12.34567", "--purpose", "x"), "--amount: '12.34567' has more than the 2 minor-unit digits");
    }

    @Test
    @Order(5)
    void an_unknown_signer_is_a_usage_error_naming_it_and_the_known_ones() {
        userError(ExitCode.USAGE, cli.run("show", "APP-1", "--from-ledger", "--as", "HealthMSP/nobody"),
                "--as HealthMSP/nobody: no user nobody in MSP HealthMSP of ", "network.yaml; it has ", "officer@health");
        userError(ExitCode.USAGE, cli.run("show", "APP-1", "--from-ledger", "--as", "NoMSP/officer"),
                "--as NoMSP/officer: no MSP NoMSP in ", "FinanceMSP");
        userError(ExitCode.USAGE, cli.run("transfer", "--as", "HealthMSP/nobody", "--from", "APP-1", "--to",
                "HEALTH", "--amount", "1", "--purpose", "x"), "--as HealthMSP/nobody");
    }

    /** Whatever a user types wrong, the answer is a usage, refusal or not-found line naming it. */
    @Test
    @Order(5)
    void nothing_a_user_types_is_an_unexpected_error() {
        String[][] typed = {
            {"list", "allocations", "--cofog", "XX"},
            {"list", "allocations", "--limit", "0"},
            {"list", "allocations", "--cursor", "garbage"},
            {"list", "balances"},
            {"list", "expenditures", "--currency", "JPY"},
            {"list", "expenditures", "--min-amount", "1.5", "--currency", "JPY"},
            {"list", "expenditures", "--min-amount", "1", "--currency", "XYZ"},
            {"list", "expenditures", "--min-amount", "5", "--max-amount", "1"},
            {"list", "expenditures", "--sort", "biggest"},
            {"list", "organisations", "--sort", "-amount"},
            {"list", "nothing"},
            {"export", "allocations", "--cofog", "XX"},
            {"export", "trace"},
            {"export", "trace", "E-2"},
            {"export", "trace", "MOF"},
            {"export", "nothing"},
            {"search", "x".repeat(201)},
            {"trace", "down", "APP-1", "--read-model", "not-a-jdbc-url"},
            {"trace", "down", "APP-1", "--depth", "1000"},
            {"trace", "up", "MOF", "--from-ledger"},
            {"trace", "down", "E-2", "--from-ledger"},
            {"history", "NOPE"},
            {"history", "bad id"},
            {"show", "bad id"},
            {"verify", "--from", "999999"},
            {"verify", "--trusted-hash", "zz"},
            {"reconcile", "--subtree", "NOPE"},
        };
        List<String> wrong = new java.util.ArrayList<>();
        for (String[] args : typed) {
            Cli.Run run = cli.run(args);
            if (!List.of(ExitCode.USAGE, ExitCode.REFUSED, ExitCode.NOT_FOUND).contains(run.exit())
                    || run.err().contains("unexpected error") || run.err().contains("Exception")
                    || !run.err().startsWith("fundtrail: ")) {
                wrong.add(String.join(" ", args) + ": " + run);
            }
        }
        assertThat(wrong).isEmpty();
        Cli.Run organisation = cli.run("trace", "up", "MOF", "--from-ledger");
        assertThat(organisation.exit()).as("the ledger's answer is the read model's: %s", organisation)
                .isEqualTo(ExitCode.USAGE).isEqualTo(cli.run("trace", "up", "MOF").exit());
        assertThat(organisation.err()).contains("'MOF' is an organization", "list allocations --org MOF");
        Cli.Run untrusted = cli.run("verify", "--trusted-hash", "0".repeat(64));
        assertThat(untrusted.exit()).as("a trusted hash given with --from 0 is checked, not ignored: %s", untrusted)
                .isEqualTo(ExitCode.MISMATCH);
        assertThat(untrusted.out()).contains("block 0 is not the block you trusted");
    }

    @Test
    @Order(5)
    void registering_an_organisation_nobody_can_act_for_is_refused_unless_forced() {
        userError(ExitCode.USAGE, cli.run("org", "register", "--as", "FinanceMSP/Admin", "--id", "HEALTH-LAB",
                "--name", "Laboratory", "--tier", "AGENCY", "--parent", "HEALTH", "--org-msp", "HealthMSP"),
                "org register HEALTH-LAB: no certificate can act for it (the network definition has no user with "
                        + "fundtrailOrg: HEALTH-LAB and role: officer)", "money sent to it could never be spent",
                data.resolve("network.yaml").toString(), "fundtrail network init --data " + data, "--force");
        userError(ExitCode.USAGE, cli.run("org", "register", "--as", "FinanceMSP/Admin", "--id", "EDU",
                "--name", "Education", "--tier", "DEPARTMENT", "--parent", "MOF", "--org-msp", "HealthMSP"),
                "its officer officer@edu belongs to EducationMSP, not to HealthMSP (--org-msp)");
        assertThat(cli.run("show", "HEALTH-LAB").exit()).isEqualTo(ExitCode.NOT_FOUND);

        Cli.Run forced = cli.run("org", "register", "--as", "FinanceMSP/Admin", "--id", "HEALTH-LAB", "--name",
                "Laboratory", "--tier", "AGENCY", "--parent", "HEALTH", "--org-msp", "HealthMSP", "--force");
        assertThat(forced.exit()).as("%s", forced).isZero();
        assertThat(forced.err()).contains("warning (--force): org register HEALTH-LAB: no certificate can act for it");
    }

    /** The README's "Adding an organisation": network.yaml, network init, register, then it can move money. */
    @Test
    @Order(5)
    void an_organisation_added_to_network_yaml_can_be_registered_and_spend() throws Exception {
        Path yaml = data.resolve("network.yaml");
        String text = Files.readString(yaml);
        text = text.replace("      - { id: HEALTH-PH,", "      - { id: HEALTH-VAX, name: Vaccination Agency, tier: AGENCY, "
                + "parentId: HEALTH }\n      - { id: HEALTH-PH,");
        text = text.replace("      - { name: officer@health-ph,", "      - { name: officer@health-vax, role: officer, "
                + "fundtrailOrg: HEALTH-VAX }\n      - { name: officer@health-ph,");
        Files.writeString(yaml, text);
        ok("network", "init");
        ok("org", "register", "--as", "FinanceMSP/Admin", "--id", "HEALTH-VAX", "--name", "Vaccination Agency",
                "--tier", "AGENCY", "--parent", "HEALTH", "--org-msp", "HealthMSP");
        ok("transfer", "--as", "HEALTH", "--id", "T-VAX", "--from", "T-1-A", "--to", "HEALTH-VAX", "--amount", "500.00",
                "--purpose", "Vaccines");
        ok("spend", "--as", "HEALTH-VAX", "--id", "E-VAX", "--allocation", "T-VAX-A", "--amount", "100.00", "--payee",
                "Vax Ltd", "--category", "2.2.1", "--date", "2025-05-01", "--evidence-sha256", SHA, "--evidence-uri",
                "https://example.org/i/vax.pdf");
    }

    @Test
    @Order(5)
    void integer_options_take_ascii_digits_only_naming_the_option_and_write_nothing() {
        for (String year : List.of("\u0662\u0660\u0662\u0667", "\uff12\uff10\uff12\uff17", "+2027", "2027.0")) {
            Cli.Run run = cli.run("appropriate", "--as", "MOF", "--id", "APP-DIGITS", "--fiscal-year", year,
                    "--amount", "1", "--cofog", "07.3", "--programme", "P", "--purpose", "Digits");
            assertThat(run.exit()).as("%s: %s", year, run).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).as(year).contains("--fiscal-year").contains("'" + year + "'");
        }
        assertThat(cli.run("appropriate", "--as", "MOF", "--id", "APP-DIGITS", "--fiscal-year",
                "\u0662\u0660\u0662\u0667", "--amount", "1", "--cofog", "07.3", "--programme", "P", "--purpose", "x")
                .err()).contains("is not a whole number written with the digits 0-9");
        Cli.Run limit = cli.run("list", "transfers", "--limit", "\u0661\u0660");
        assertThat(limit.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(limit.err()).contains("--limit");
        Cli.Run block = cli.run("verify", "--from", "\u0661");
        assertThat(block.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(block.err()).contains("--from");
        assertThat(cli.run("show", "APP-DIGITS", "--from-ledger").exit()).as("nothing written")
                .isEqualTo(ExitCode.NOT_FOUND);
    }

    @Test
    @Order(5)
    void dot_ids_are_refused_by_the_chaincode_s_own_rule() {
        for (String dots : List.of(".", "..")) {
            Cli.Run run = cli.run("transfer", "--as", "MOF", "--id", dots, "--from", "APP-1", "--to", "HEALTH",
                    "--amount", "1", "--purpose", "x");
            assertThat(run.exit()).as("%s", run).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).contains("--id: '" + dots + "' is not a valid id").contains("not '.' or '..'");
        }
    }

    @Test
    @Order(5)
    void with_json_a_failure_is_a_json_error_on_stdout_with_its_code() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Cli.Run refused = cli.run("transfer", "--as", "HEALTH", "--from", "T-1-A", "--to", "HEALTH-HOSP",
                "--amount", "999999999", "--purpose", "Too much", "--json");
        assertThat(refused.exit()).isEqualTo(ExitCode.REFUSED);
        assertThat(refused.err()).as("the generated id only").doesNotContain("refused");
        com.fasterxml.jackson.databind.JsonNode error = json.readTree(refused.out()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("REFUSED");
        assertThat(error.get("exitCode").asInt()).isEqualTo(ExitCode.REFUSED);
        assertThat(error.get("ledgerCode").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(error.get("field").asText()).isEqualTo("amount");
        assertThat(error.get("message").asText()).startsWith("refused by the ledger: amount: ");

        Cli.Run notFound = cli.run("show", "NOPE", "--json");
        assertThat(notFound.exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(notFound.err()).isEmpty();
        assertThat(json.readTree(notFound.out()).at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(json.readTree(notFound.out()).at("/error/exitCode").asInt()).isEqualTo(ExitCode.NOT_FOUND);

        Cli.Run usage = cli.run("appropriate", "--as", "MOF", "--fiscal-year", "\u0662\u0660\u0662\u0667",
                "--amount", "1", "--cofog", "07.3", "--programme", "P", "--purpose", "x", "--json");
        assertThat(usage.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(usage.err()).isEmpty();
        assertThat(json.readTree(usage.out()).at("/error/code").asText()).isEqualTo("USAGE");
        assertThat(json.readTree(usage.out()).at("/error/exitCode").asInt()).isEqualTo(ExitCode.USAGE);
        assertThat(json.readTree(usage.out()).at("/error/message").asText()).contains("--fiscal-year");

        Cli.Run badId = cli.run("transfer", "--as", "MOF", "--id", "..", "--from", "APP-1", "--to", "HEALTH",
                "--amount", "1", "--purpose", "x", "--json");
        assertThat(badId.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(json.readTree(badId.out()).at("/error/code").asText()).isEqualTo("USAGE");
    }

    @Test
    @Order(6)
    void auditors_list_search_and_reconcile_from_the_read_model() throws Exception {
        assertThat(server.awaitProjection(java.time.Duration.ofSeconds(60))).isTrue();
        Cli.Run list = ok("list", "allocations", "--fiscal-year", "2025", "--org", "HEALTH", "--include-descendants");
        assertThat(ok("list", "allocations", "--fiscal-year", "2025", "--org", "HEALTH", "--below").out())
                .isEqualTo(list.out());
        Cli.Run spending = ok("list", "expenditures", "-q", "medsup");
        assertThat(spending.out().lines().filter(l -> l.startsWith("E-1 ")))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" V-1"));
        assertThat(ok("list", "organisations").out()).contains("HEALTH-HOSP");
        assertThat(cli.run("trace", "down", "APP-1", "--depth", "101").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(list.out()).contains("T-1-A").contains("T-2-A").doesNotContain("APP-1 ")
                .contains("249,000.00 EUR").contains("record(s)");
        assertThat(list.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        Cli.Run paged = ok("list", "transfers", "--limit", "1");
        assertThat(paged.out()).contains("more with --cursor ");
        Cli.Run all = ok("list", "transfers", "--limit", "1", "--all", "--json");
        assertThat(all.out()).contains("\"T-1\"").contains("\"T-2\"").doesNotContain("\"next\"");
        assertThat(ok("list", "expenditures", "--min-amount", "1000", "--json").out()).contains("\"E-1\"")
                .doesNotContain("\"E-2\"");
        assertThat(ok("list", "expenditures", "--min-amount", "1", "--currency", "JPY", "--json").out())
                .as("amounts compare within their currency: the ledger is in euro").doesNotContain("\"E-1\"");
        assertThat(ok("list", "expenditures", "--min-amount", "0", "--json").out()).contains("\"E-1\"")
                .contains("\"E-2\"");
        String largest = ok("list", "expenditures", "--sort", "-amount", "--limit", "1", "--json").out();
        assertThat(largest).as("E-1 is the larger of the two payments").contains("\"E-1\"").doesNotContain("\"E-2\"");
        assertThat(ok("list", "expenditures", "--sort", "amount", "--limit", "1", "--json").out()).contains("\"E-2\"")
                .doesNotContain("\"E-1\"");
        assertThat(cli.run("list", "budgets").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("list", "allocations", "--limit", "0").exit()).isEqualTo(ExitCode.USAGE);
        Cli.Run inapplicable = cli.run("list", "allocations", "--tier", "AGENCY");
        assertThat(inapplicable.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(inapplicable.err()).contains("tier");
        Cli.Run search = ok("search", "MedSupply");
        assertThat(search.out()).contains("expenditure").contains("E-1");
        assertThat(cli.run("search", "zzzunknownzzz").exit()).isEqualTo(ExitCode.NOT_FOUND);

        Cli.Run agrees = ok("reconcile", "--fiscal-year", "2025");
        assertThat(agrees.out()).contains("the read model agrees");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(new DataDir(data).readModelUrl());
             java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE expenditures SET amount = '10.01' WHERE id = 'E-2'");
        }
        Cli.Run differs = cli.run("reconcile", "--fiscal-year", "2025");
        assertThat(differs.exit()).as("%s", differs).isEqualTo(ExitCode.MISMATCH);
        assertThat(differs.out()).contains("expenditure E-2");
        assertThat(ok("reconcile", "--subtree", "T-2-A").out()).contains("the read model agrees");
    }

    @Test
    @Order(7)
    void auditors_verify_the_blocks_from_genesis_and_from_a_trusted_block() {
        Cli.Run full = ok("verify");
        assertThat(full.out()).startsWith("verified blocks 0 to ").contains("signatures");
        String resume = full.out().lines().filter(l -> l.startsWith("(to resume later: ")).findFirst().orElseThrow();
        String[] words = resume.replace(")", "").split(" ");
        String block = words[words.length - 3];
        String hash = words[words.length - 1];
        ok("transfer", "--as", "MOF", "--id", "T-LATE", "--from", "APP-1", "--to", "HEALTH", "--amount", "1.00",
                "--purpose", "After the first verification");
        Cli.Run later = ok("verify", "--from", block, "--trusted-hash", hash, "--to", Long.toString(Long.parseLong(block)
                + 1));
        assertThat(later.out()).startsWith("verified blocks " + block + " to ");
        Cli.Run wrong = cli.run("verify", "--from", block, "--trusted-hash", "00".repeat(32));
        assertThat(wrong.exit()).isEqualTo(ExitCode.MISMATCH);
        assertThat(wrong.out()).contains("is not the block you trusted");
        assertThat(cli.run("verify", "--from", "1").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    @Order(8)
    void up_serves_the_public_api_and_export_writes_whole_lists_and_traces() throws Exception {
        assertThat(server.awaitProjection(java.time.Duration.ofSeconds(60))).isTrue();
        java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.apiPort()
                        + "/api/v1/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new DataDir(data).running().orElseThrow().apiPort()).isEqualTo(server.apiPort());

        Cli.Run csv = ok("export", "transfers");
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).contains("id").contains("amount");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("T-1,"));
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        List<String> spent = ok("export", "expenditures").out().lines().toList();
        assertThat(spent.get(0)).contains(",reversedBy,");
        assertThat(spent).anySatisfy(l -> assertThat(l).startsWith("E-1,").contains(",V-1,"))
                .anySatisfy(l -> assertThat(l).startsWith("E-2,").doesNotContain("V-1"));
        Cli.Run json = ok("export", "expenditures", "--format", "json", "--min-amount", "1000");
        assertThat(json.out()).startsWith("[").contains("\"E-1\"").doesNotContain("\"E-2\"");
        Path file = data.resolve("orgs.csv");
        ok("export", "organizations", "--output", file.toString());
        assertThat(Files.readString(file)).contains("HEALTH-HOSP");
        Cli.Run trace = ok("export", "trace", "APP-1");
        assertThat(trace.out()).startsWith("allocationId,parentAllocationId").contains("T-2-A,T-1-A,HEALTH-HOSP");
        assertThat(ok("export", "trace", "APP-1", "--format", "json").out()).contains("\"root\"");
        assertThat(cli.run("export", "trace").exit()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("export", "trace", "NOPE").exit()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(cli.run("export", "transfers", "--format", "xml").exit()).isEqualTo(ExitCode.USAGE);
        Cli.Run refused = cli.run("export", "organizations", "--fiscal-year", "2025");
        assertThat(refused.exit()).as("%s", refused).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("fiscalYear");
    }

    @Test
    @Order(9)
    void network_init_and_an_explicit_connection_file_reach_the_same_ledger(@TempDir Path other) throws Exception {
        Cli.Run init = new Cli().run("network", "init", "--data", other.toString());
        assertThat(init.exit()).as("%s", init).isZero();
        assertThat(init.out()).contains("FinanceMSP").contains("start it with: fundtrail up --data");
        assertThat(other.resolve("connections/HealthMSP/officer@health.json")).exists();
        assertThat(other.resolve("network.yaml")).exists();
        Cli.Run again = new Cli().run("network", "init", "--data", other.toString(), "--json");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("\"mspId\" : \"AuditMSP\"").contains("officer@health");

        org.fundtrail.client.ConnectionConfig auditor = org.fundtrail.client.ConnectionConfig.load(
                new DataDir(data).connectionFile("AuditMSP", "auditor"))
                .withEndpoint("127.0.0.1:" + server.node().port());
        Path file = other.resolve("auditor-connection.json");
        auditor.write(file);
        Cli.Run viaFile = new Cli().run("show", "APP-1", "--from-ledger", "--network", "fabric", "--connection",
                file.toString());
        assertThat(viaFile.exit()).as("%s", viaFile).isZero();
        assertThat(viaFile.out()).contains("allocation APP-1");
        Cli.Run noFile = new Cli().run("show", "APP-1", "--from-ledger", "--network", "fabric");
        assertThat(noFile.exit()).as("%s", noFile).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(noFile.err()).contains("no Fabric network in").contains("network-config/fabric/network.sh up")
                .contains("--connection");
        assertThat(new Cli().run("show", "APP-1", "--from-ledger", "--network", "besu").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    @Order(10)
    void with_no_node_running_commands_say_how_to_start_one(@TempDir Path empty) throws Exception {
        Cli.Run run = new Cli("--data", empty.toString()).run("show", "APP-1");
        assertThat(run.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).contains("fundtrail up --data " + empty);
        Files.writeString(empty.resolve("network.yaml"), "x");
        Cli.Run stopped = new Cli("--data", empty.toString()).run("show", "APP-1", "--from-ledger");
        assertThat(stopped.exit()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(stopped.err()).contains("no node is running");
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FundtrailTest {
    private final Cli cli = new Cli();

    @Test
    void help_explains_the_tool_lists_commands_and_exit_codes() {
        Cli.Run run = cli.run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: fundtrail").contains("transparency ledger").contains("Exit codes")
                .contains("transfer").contains("trace").contains("up");
    }

    @Test
    void every_command_has_help_with_an_example() {
        for (String command : new String[] {"up", "appropriate", "transfer", "spend", "outcome", "return", "reverse",
            "trace", "show", "history"}) {
            Cli.Run run = cli.run(command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: fundtrail " + command).contains("Example");
        }
        assertThat(cli.run("org", "register", "--help").out()).contains("Example");
        assertThat(cli.run("network", "init", "--help").out()).contains("Example");
    }

    /** The README's help samples are the real output: no JVM warning line, no machine path, nothing stale. */
    @Test
    void the_readme_shows_the_real_help() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        for (String[] command : new String[][] {{"--help"}, {"transfer", "--help"}}) {
            String prompt = "$ ./fundtrail " + String.join(" ", command) + "\n";
            int start = readme.indexOf(prompt);
            assertThat(start).as(prompt).isNotNegative();
            String shown = readme.substring(start + prompt.length(), readme.indexOf("```", start));
            assertThat(shown).as(prompt).isEqualTo(cli.run(command).out());
        }
    }

    @Test
    void unknown_options_are_a_usage_error_with_exit_code_2() {
        Cli.Run run = cli.run("--no-such-option");
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void generates_a_bash_completion_script() {
        Cli.Run run = cli.run("generate-completion");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F").contains("fundtrail");
    }
}

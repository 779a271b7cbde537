package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FundtrailTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Fundtrail.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void help_explains_the_tool_and_exits_zero() {
        Run run = run("--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: fundtrail").contains("transparency ledger").contains("Exit codes");
    }

    @Test
    void unknown_options_are_a_usage_error_with_exit_code_2() {
        Run run = run("--no-such-option");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void generates_a_bash_completion_script() {
        Run run = run("generate-completion");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("complete -F").contains("fundtrail");
    }
}

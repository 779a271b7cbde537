package org.fundtrail.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code fundtrail} in-process with captured output. */
final class Cli {
    private final List<String> common;

    /** @param common arguments appended to every run (e.g. {@code --data DIR}) */
    Cli(String... common) {
        this.common = List.of(common);
    }

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    Run run(String... args) {
        CommandLine cli = Fundtrail.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!all.isEmpty() && !all.contains("--help") && !all.get(0).equals("help")
                && !all.get(0).equals("generate-completion")) {
            all.addAll(common);
        }
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}

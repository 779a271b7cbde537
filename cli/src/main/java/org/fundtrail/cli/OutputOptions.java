package org.fundtrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import org.fundtrail.chaincode.domain.CanonicalJson;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --json}: output for scripts instead of for people. */
public final class OutputOptions {
    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .build();

    @Option(names = "--json", description = "Print JSON for scripts instead of text for people.")
    boolean json;

    /** @return whether JSON was asked for */
    public boolean json() {
        return json;
    }

    /** Prints a value as indented JSON (canonical property order). */
    static void printJson(PrintWriter out, Object value) {
        try {
            Object tree = CanonicalJson.mapper().readTree(CanonicalJson.write(value));
            out.println(PRETTY.writeValueAsString(tree));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    /** @return text in the given picocli style (e.g. "bold", "red") when the output is a terminal */
    static String style(String style, String text) {
        return CommandLine.Help.Ansi.AUTO.string("@|" + style + " " + text.replace("|@", "| @") + "|@");
    }
}

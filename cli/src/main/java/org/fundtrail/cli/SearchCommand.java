package org.fundtrail.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.client.readmodel.Filter;
import org.fundtrail.client.readmodel.Page;
import org.fundtrail.client.readmodel.ReadModel;
import org.fundtrail.client.readmodel.RecordRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail search WORDS}: find records of every type by their text. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find records of every type by words in their text.",
            "Names, purposes, payees and indicators that hold all the words."},
        footer = {"", "Example:", "  fundtrail search hospital beds", "  fundtrail search \"MedSupply\" --json"})
final class SearchCommand implements Callable<Integer> {
    private static final List<RecordType> TYPES = List.of(RecordType.ORGANIZATION, RecordType.ALLOCATION,
            RecordType.TRANSFER, RecordType.EXPENDITURE, RecordType.OUTCOME);

    @Spec
    CommandSpec spec;

    @Mixin
    WidthOption width;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "WORDS", arity = "1..*", description = "The words to find.")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most N records of each type (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > ReadModel.MAX_PAGE) {
            throw new UserError(ExitCode.USAGE, "--limit must be 1 to " + ReadModel.MAX_PAGE + ", not " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<RecordRow>> found = new LinkedHashMap<>();
        try (ReadModel readModel = ledger.readModel()) {
            for (RecordType type : TYPES) {
                Page<RecordRow> page = readModel.list(type, Filter.all().text(String.join(" ", words)), null, limit);
                if (!page.items().isEmpty()) {
                    found.put(type.name().toLowerCase(Locale.ROOT), page.items());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        if (output.json()) {
            OutputOptions.printJson(out, found);
        } else if (found.isEmpty()) {
            out.println("nothing found for: " + String.join(" ", words));
        } else {
            for (Map.Entry<String, List<RecordRow>> e : found.entrySet()) {
                out.println(OutputOptions.style("bold", e.getKey() + " (" + e.getValue().size() + ")"));
                RecordTable.print(out, RecordType.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue(),
                        width.columns());
                out.println();
            }
        }
        out.flush();
        return found.isEmpty() ? ExitCode.NOT_FOUND : ExitCode.OK;
    }
}

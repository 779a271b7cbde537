package org.fundtrail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.ledger.TraceDown;
import org.fundtrail.chaincode.ledger.TraceNode;
import org.fundtrail.client.readmodel.ReadModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fundtrail export}: a whole list or a trace as CSV or JSON, for spreadsheets and scripts. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a whole list or a trace as CSV or JSON.",
            "Lists come from the running public API (the same bytes it serves), traces from the read model."},
        footer = {"", "Examples:", "  fundtrail export expenditures --fiscal-year 2026 --org HEALTH --below > health.csv",
            "  fundtrail export allocations --format json --output allocations.json",
            "  fundtrail export trace AP-2026-HLT.00 --format csv"})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LedgerOptions ledger;

    @Mixin
    FilterOptions filters;

    @Parameters(index = "0", paramLabel = "TYPE|trace", description = "A record type (e.g. expenditures) or trace.")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", description = "With trace: the allocation.")
    String traceId;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv",
            description = "csv (default) or json.")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new UserError(ExitCode.USAGE, "--format must be csv or json, not '" + format + "'");
        }
        if (what.equalsIgnoreCase("trace")) {
            if (traceId == null) {
                throw new UserError(ExitCode.USAGE, "export trace needs the allocation id: fundtrail export trace ID");
            }
            exportTrace();
        } else {
            exportList(ListCommand.recordType(what));
        }
        return ExitCode.OK;
    }

    private void exportTrace() throws Exception {
        TraceDown trace;
        try (ReadModel readModel = ledger.readModel()) {
            trace = readModel.traceDown(traceId, 100).orElseThrow(() -> new UserError(ExitCode.NOT_FOUND,
                    "not found: no allocation '" + traceId + "' in the read model"));
        }
        try (Writer out = writer()) {
            if (format.equals("json")) {
                out.write(CanonicalJson.write(trace));
                out.write('\n');
                return;
            }
            out.write("allocationId,parentAllocationId,holderOrgId,fiscalYear,currency,received,transferred,spent,"
                    + "returnedIn,returned,reversed,available,expenditures,outcomes\r\n");
            writeNode(out, trace.root());
        }
    }

    private static void writeNode(Writer out, TraceNode n) throws IOException {
        String[] cells = {n.allocationId(), n.parentAllocationId() == null ? "" : n.parentAllocationId(),
            n.holderOrgId(), Integer.toString(n.fiscalYear()), n.currency(), n.received(), n.transferred(), n.spent(),
            n.returnedIn(), n.returned(), n.reversed(), n.available(), Integer.toString(n.expenditures()),
            Integer.toString(n.outcomes().size())};
        out.write(String.join(",", cells));
        out.write("\r\n");
        for (TraceNode child : n.children()) {
            writeNode(out, child);
        }
    }

    private void exportList(RecordType type) throws Exception {
        int port = ledger.dataDir().running().map(DataDir.Running::apiPort).filter(p -> p > 0)
                .orElseThrow(() -> new UserError(ExitCode.UNREACHABLE, "the public API is not running for "
                        + ledger.dataDir().root() + "; start it with: fundtrail up --data " + ledger.dataDir().root()));
        String collection = type == RecordType.ORGANIZATION ? "organisations"
                : type.name().toLowerCase(Locale.ROOT) + "s";
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/api/v1/" + collection;
        if (format.equals("csv")) {
            HttpResponse<InputStream> response = get(http, base + ".csv?limit=1000" + filters.queryParameters());
            try (InputStream in = response.body();
                 java.io.Reader text = new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
                 Writer out = writer()) {
                text.transferTo(out);
            }
            return;
        }
        ObjectMapper mapper = CanonicalJson.mapper();
        String next = base + "?limit=1000" + filters.queryParameters();
        try (Writer out = writer()) {
            out.write("[");
            boolean first = true;
            while (next != null) {
                HttpResponse<InputStream> response = get(http, next);
                JsonNode page;
                try (InputStream in = response.body()) {
                    page = mapper.readTree(in);
                }
                for (JsonNode item : page.get("items")) {
                    out.write(first ? "\n" : ",\n");
                    out.write(mapper.writeValueAsString(item));
                    first = false;
                }
                JsonNode link = page.get("next");
                next = link == null || link.isNull() ? null : URI.create(base).resolve(link.asText()).toString();
            }
            out.write("\n]\n");
        }
    }

    private HttpResponse<InputStream> get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String message = body;
            try {
                JsonNode error = CanonicalJson.mapper().readTree(body);
                message = error.path("error").path("message").asText(error.path("message").asText(body));
            } catch (IOException e) {
                // not JSON: show as is
            }
            throw new UserError(response.statusCode() == 404 ? ExitCode.NOT_FOUND : ExitCode.USAGE,
                    "the API refused the export (" + response.statusCode() + "): " + message);
        }
        return response;
    }

    private Writer writer() throws IOException {
        return output != null ? Files.newBufferedWriter(output) : new java.io.FilterWriter(spec.commandLine().getOut()) {
            @Override
            public void close() {
                flushQuietly();
            }

            private void flushQuietly() {
                try {
                    flush();
                } catch (IOException e) {
                    // stdout: nothing to do
                }
            }
        };
    }
}

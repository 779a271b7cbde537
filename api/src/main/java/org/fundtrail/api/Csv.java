package org.fundtrail.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: a header line, CRLF line ends, a field quoted when it holds a comma, a quote or a
 * line break, quotes doubled. Values are written exactly as the JSON holds them (no formula
 * escaping: the export must equal the ledger). Array values are joined with {@code ;}.
 */
final class Csv {
    private Csv() {
    }

    static void header(Writer out, List<Resource.Column> columns) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, columns.get(i).header());
        }
        out.write("\r\n");
    }

    static void row(Writer out, List<Resource.Column> columns, JsonNode record) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            field(out, RecordController.cell(record.at(columns.get(i).pointer())));
        }
        out.write("\r\n");
    }

    static void field(Writer out, String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}

package org.fundtrail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.SubmitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fundtrail spend}: record money spent from an allocation. */
@Command(name = "spend", mixinStandardHelpOptions = true,
        description = {"Record money spent from an allocation you hold.", "Departments and agencies only; the evidence (invoice) is recorded by its SHA-256."},
        footer = {"", "Example:",
            "  fundtrail spend --as HEALTH-HOSP --allocation T-1-A --amount 1234.56 \\",
            "      --payee \"MedSupply Ltd\" --category 2.2.1 --date 2026-03-14 \\",
            "      --evidence invoice.pdf --evidence-uri https://example.org/inv/1.pdf"})
final class SpendCommand extends SubmitCommand {
    @Option(names = "--allocation", required = true, paramLabel = "ID", description = "The allocation spent from.")
    String allocation;

    @Option(names = "--amount", required = true, paramLabel = "DECIMAL", description = "e.g. 1234.56")
    String amount;

    @Option(names = "--currency", defaultValue = "EUR", paramLabel = "CODE", description = "ISO 4217 (default: EUR).")
    String currency;

    @Option(names = "--payee", required = true, paramLabel = "NAME", description = "Who was paid.")
    String payee;

    @Option(names = "--payee-id", paramLabel = "ID", description = "The payee's registry identifier.")
    String payeeId;

    @Option(names = "--category", required = true, paramLabel = "CODE", description = "Spending category.")
    String category;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Payment date.")
    String date;

    @Option(names = "--evidence", paramLabel = "FILE", description = "The invoice: its SHA-256 is recorded.")
    Path evidenceFile;

    @Option(names = "--evidence-sha256", paramLabel = "HEX", description = "The invoice's SHA-256, if not --evidence.")
    String evidenceSha256;

    @Option(names = "--evidence-uri", required = true, paramLabel = "URI", description = "Where the invoice is published.")
    String evidenceUri;

    @Override
    String idPrefix() {
        return "E";
    }

    @Override
    SubmitRequest request(String recordId) {
        return new ExpenditureRequest(recordId, allocation, amount("--amount", amount, currency), currency,
                new Payee(payee, payeeId), category, date, evidence(evidenceFile, evidenceSha256, evidenceUri));
    }

    /** The evidence from a file (hashed here) or a given hash. */
    static Evidence evidence(Path file, String sha256, String uri) {
        if (file == null && sha256 == null) {
            throw new UserError(ExitCode.USAGE, "give the evidence: --evidence FILE or --evidence-sha256 HEX");
        }
        if (file == null) {
            return new Evidence(sha256, uri);
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return new Evidence(HexFormat.of().formatHex(digest.digest()), uri);
        } catch (IOException e) {
            throw new UserError(ExitCode.ERROR, "--evidence " + file + ": cannot read it (" + e.getMessage() + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

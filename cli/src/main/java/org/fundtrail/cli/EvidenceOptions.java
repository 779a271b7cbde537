package org.fundtrail.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fundtrail.chaincode.domain.Evidence;
import picocli.CommandLine.Option;

/** The document backing a record: a local file (hashed here) or its SHA-256, and where it is published. */
final class EvidenceOptions {
    @Option(names = "--evidence", paramLabel = "FILE", description = "The document: its SHA-256 is recorded.")
    Path file;

    @Option(names = "--evidence-sha256", paramLabel = "HEX", description = "The document's SHA-256, if not --evidence.")
    String sha256;

    @Option(names = "--evidence-uri", required = true, paramLabel = "URI", description = "Where the document is published.")
    String uri;

    /** @return the evidence, hashing the file when one was given */
    Evidence evidence() {
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

package org.fundtrail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the libraries' log lines go for the long-running commands ({@code up}, {@code demo}): by
 * default to {@code DATA/fundtrail.log}, so that the console shows only what fundtrail prints; with
 * {@code --verbose} to the console. Either way from INFO on: Flyway's migrations, Jetty's and
 * Javalin's start and stop, and the public API's access log. Other commands keep the defaults of
 * {@code simplelogger.properties}: warnings and errors on stderr.
 *
 * <p>slf4j-simple reads its configuration once, when the first logger is made: call this before
 * anything logs (the command line itself does not).
 *
 * <pre>{@code
 * Path log = ConsoleLog.configure(dir, verbose);
 * }</pre>
 */
final class ConsoleLog {
    /** The log file's name in the data folder. */
    static final String FILE = "fundtrail.log";

    private ConsoleLog() {
    }

    /**
     * @param dir the data folder (created if missing)
     * @param verbose whether to log on the console instead of the file
     * @return the log file, or null with {@code verbose}
     * @throws UserError ERROR when the data folder cannot be created
     */
    static Path configure(DataDir dir, boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        if (verbose) {
            System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
            return null;
        }
        Path file = dir.root().resolve(FILE);
        try {
            Files.createDirectories(dir.root());
        } catch (IOException e) {
            throw new UserError(ExitCode.ERROR, "cannot create the data folder " + dir.root() + ": " + e.getMessage());
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
        return file;
    }
}

package org.fundtrail.cli;

import java.io.PrintWriter;

/**
 * Progress of long work on stderr: a redrawn bar on a terminal, a line every 10% otherwise (so logs
 * stay readable).
 */
final class ProgressBar {
    private static final int BAR = 30;

    private final PrintWriter err;
    private final String label;
    private final boolean terminal;
    private int lastDecile = -1;

    ProgressBar(PrintWriter err, String label, boolean terminal) {
        this.err = err;
        this.label = label;
        this.terminal = terminal;
    }

    /** Reports {@code done} of {@code total}. */
    void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (terminal) {
            int filled = percent * BAR / 100;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(BAR - filled) + "] " + done + "/" + total);
            err.flush();
        } else if (percent / 10 != lastDecile) {
            lastDecile = percent / 10;
            err.println(label + ": " + done + "/" + total + " (" + percent + "%)");
            err.flush();
        }
    }
}

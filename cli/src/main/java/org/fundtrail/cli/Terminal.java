package org.fundtrail.cli;

/**
 * The width text output is laid out for: {@code --width} when given, else the {@code COLUMNS}
 * environment variable (the launcher exports the terminal's), else unlimited when the output is
 * not a terminal (piped output keeps one line per row), else 80.
 *
 * <pre>{@code
 * int width = Terminal.width(null);
 * }</pre>
 */
final class Terminal {
    /** The narrowest layout offered. */
    static final int MIN_WIDTH = 40;

    private Terminal() {
    }

    /**
     * @param requested the width asked for on the command line, or null
     * @return the width to lay out for, or {@link TraceView#UNLIMITED}
     * @throws UserError USAGE when the requested width is below {@link #MIN_WIDTH}
     */
    static int width(Integer requested) {
        if (requested != null) {
            if (requested < MIN_WIDTH) {
                throw new UserError(ExitCode.USAGE, "--width must be at least " + MIN_WIDTH + ", not " + requested);
            }
            return requested;
        }
        String columns = System.getenv("COLUMNS");
        if (columns != null && columns.matches("[0-9]{1,5}") && Integer.parseInt(columns) >= MIN_WIDTH) {
            return Integer.parseInt(columns);
        }
        return System.console() == null ? TraceView.UNLIMITED : TraceView.DEFAULT_WIDTH;
    }
}

package org.fundtrail.cli;

import picocli.CommandLine.Option;

/** The {@code --width} option of the commands that print tables ({@code trace}, {@code list}, {@code search}). */
final class WidthOption {
    @Option(names = "--width", paramLabel = "COLUMNS",
            description = "Lay the text out for this many columns (default: the terminal's width, from COLUMNS; "
                    + "80 when unknown; piped output is never shortened). Ids and amounts are never cut.")
    Integer width;

    /** @return the width to lay out for ({@link Terminal#width}) */
    int columns() {
        return Terminal.width(width);
    }
}

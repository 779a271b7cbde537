package org.fundtrail.network.definition;

import java.io.IOException;
import java.util.List;

/**
 * A network definition file that cannot be used: malformed YAML, a missing or mistyped field, or
 * a value that breaks a rule. Each problem names its path, e.g.
 * {@code organizations[2].mspId: duplicate 'HealthMSP'}.
 *
 * <pre>{@code
 * try {
 *   NetworkDefinition.load(file);
 * } catch (NetworkDefinitionException e) {
 *   e.problems().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class NetworkDefinitionException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The problems found, each prefixed by the path of the field. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param source the file or resource read
     * @param problems the problems, each {@code path: message}
     */
    public NetworkDefinitionException(String source, List<String> problems) {
        super(source + ": invalid network definition:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems found.
     *
     * @return each problem as {@code path: message}, in file order
     */
    public List<String> problems() {
        return problems;
    }
}

package org.fundtrail.cli;

import org.fundtrail.chaincode.domain.ReasonCode;
import picocli.CommandLine.Option;

/** Why money goes back: the reason code and the free-text reason that {@code return} and {@code reverse} require. */
final class ReasonOptions {
    @Option(names = "--reason-code", required = true, paramLabel = "CODE",
            description = "One of: ${COMPLETION-CANDIDATES}.")
    ReasonCode code;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
    String text;
}

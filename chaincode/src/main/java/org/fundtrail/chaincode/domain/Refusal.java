package org.fundtrail.chaincode.domain;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A transaction refused by a rule. Its message names the field and the value that was wrong and
 * ends with the error code in brackets; its payload is the {@link ErrorCode} name. (A Fabric
 * gateway passes a chaincode error's message to the client but not its payload, so the code is in
 * both: {@link #parse} reads it back.)
 *
 * <pre>{@code
 * throw Refusal.of(ErrorCode.INSUFFICIENT_FUNDS, "amount", "1000.00 EUR exceeds the available 10.00 EUR");
 * }</pre>
 */
public final class Refusal extends ChaincodeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    private Refusal(ErrorCode code, String field, String message) {
        super(message, code.name().getBytes(StandardCharsets.UTF_8));
        this.code = code;
        this.field = field;
    }

    /**
     * Creates a refusal whose message reads {@code "<field>: <detail> [<CODE>]"}.
     *
     * @param code the stable error code
     * @param field the name (or path) of the field at fault
     * @param detail what is wrong with it, naming the value
     * @return the refusal, to be thrown
     */
    public static Refusal of(ErrorCode code, String field, String detail) {
        return new Refusal(code, field, field + ": " + detail + " [" + code.name() + "]");
    }

    /**
     * Reads the code and field back from a refusal's message, as a client receives it.
     *
     * @param message a refusal message, possibly embedded in a longer text (e.g. a gateway's
     *     {@code "chaincode response 500, amount: … [INSUFFICIENT_FUNDS]"})
     * @return the code, field and detail, or empty when the text is not a refusal
     */
    public static java.util.Optional<Parsed> parse(String message) {
        if (message == null) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = MESSAGE.matcher(message);
        if (!m.find()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Parsed(ErrorCode.valueOf(m.group(3)), m.group(1), m.group(2)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static final java.util.regex.Pattern MESSAGE = java.util.regex.Pattern.compile(
            "([A-Za-z0-9_.\\[\\]-]+): (.*) \\[([A-Z_]+)\\]\\s*$", java.util.regex.Pattern.DOTALL);

    /**
     * A refusal as read from its message.
     *
     * @param code the error code
     * @param field the field at fault
     * @param detail what was wrong
     */
    public record Parsed(ErrorCode code, String field, String detail) {
        /** @return the message as the chaincode wrote it */
        public String message() {
            return field + ": " + detail + " [" + code.name() + "]";
        }
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }

    /** @return the field at fault */
    public String field() {
        return field;
    }
}

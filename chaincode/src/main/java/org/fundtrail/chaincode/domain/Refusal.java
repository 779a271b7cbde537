package org.fundtrail.chaincode.domain;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A transaction refused by a rule. Its message names the field and the value that was wrong; its
 * payload is the {@link ErrorCode} name, so it reaches a Fabric client intact.
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
     * Creates a refusal whose message reads {@code "<field>: <detail>"}.
     *
     * @param code the stable error code
     * @param field the name (or path) of the field at fault
     * @param detail what is wrong with it, naming the value
     * @return the refusal, to be thrown
     */
    public static Refusal of(ErrorCode code, String field, String detail) {
        return new Refusal(code, field, field + ": " + detail);
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

package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A test-only contract that probes {@link ContractRunner}: it is found by the router's class-path scan like the
 * real contract, but it is not {@code @Default}, so it is called as {@code "probe:Put"}.
 *
 * <pre>{@code
 * runner.invoke(ledger, caller, "probe:Put", "key", "value");
 * }</pre>
 */
@Contract(name = "probe")
public final class ProbeContract implements ContractInterface {

    /** The event {@code Put} sets. */
    public static final String PUT_EVENT = "ProbePut";

    /**
     * Writes a key, sets an event naming it and returns the value.
     *
     * @param ctx the transaction context
     * @param key the key to write
     * @param value the value to write
     * @return the value written
     */
    @Transaction(name = "Put", intent = Transaction.TYPE.SUBMIT)
    public String put(final Context ctx, final String key, final String value) {
        ctx.getStub().putStringState(key, value);
        ctx.getStub().setEvent(PUT_EVENT, key.getBytes(UTF_8));
        return value;
    }

    /**
     * Writes a key, then refuses with a {@link ChaincodeException}, so the write must not be committed.
     *
     * @param ctx the transaction context
     * @param key the key written before the refusal
     * @param message the exception message
     * @param code the exception payload, as UTF-8
     */
    @Transaction(name = "Refuse", intent = Transaction.TYPE.SUBMIT)
    public void refuse(final Context ctx, final String key, final String message, final String code) {
        ctx.getStub().putStringState(key, "written before the refusal");
        throw new ChaincodeException(message, code);
    }

    /**
     * Fails with an exception that is not a {@link ChaincodeException}.
     *
     * @param ctx the transaction context
     */
    @Transaction(name = "Crash", intent = Transaction.TYPE.SUBMIT)
    public void crash(final Context ctx) {
        throw new IllegalStateException("a bug, not a refusal");
    }

    /**
     * Reports the caller as the shim sees it.
     *
     * @param ctx the transaction context
     * @return {@code <msp id>|<fundtrail.org>|<fundtrail.role>|<client id>}
     */
    @Transaction(name = "WhoAmI", intent = Transaction.TYPE.EVALUATE)
    public String whoAmI(final Context ctx) {
        final ClientIdentity identity = ctx.getClientIdentity();
        return String.join(
                "|",
                identity.getMSPID(),
                String.valueOf(identity.getAttributeValue(TestIdentities.ORG_ATTRIBUTE)),
                String.valueOf(identity.getAttributeValue(TestIdentities.ROLE_ATTRIBUTE)),
                identity.getId());
    }

    /**
     * Returns the transaction ID and timestamp the stub reports.
     *
     * @param ctx the transaction context
     * @return {@code <tx id>@<timestamp>}
     */
    @Transaction(name = "When", intent = Transaction.TYPE.EVALUATE)
    public String when(final Context ctx) {
        return ctx.getStub().getTxId() + "@" + ctx.getStub().getTxTimestamp();
    }
}

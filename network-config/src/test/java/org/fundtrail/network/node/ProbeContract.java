package org.fundtrail.network.node;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/** A test-only contract that exercises the node's stub: state, ranges, history, events, errors. */
@Contract(name = "probe")
public final class ProbeContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Put(final Context ctx, final String key, final String value) {
        ctx.getStub().putStringState(key, value);
        ctx.getStub().setEvent("Put", (key + "=" + value).getBytes(StandardCharsets.UTF_8));
        return value;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Get(final Context ctx, final String key) {
        return ctx.getStub().getStringState(key);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void Delete(final Context ctx, final String key) {
        ctx.getStub().delState(key);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Fail(final Context ctx, final String message) {
        throw new ChaincodeException(message, "PROBE_REFUSED");
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Creator(final Context ctx) {
        return ctx.getClientIdentity().getMSPID() + " " + ctx.getStub().getTxTimestamp().getEpochSecond();
    }

    /** Moves {@code amount} from key {@code from} to key {@code to}; refuses to overdraw. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Transfer(final Context ctx, final String from, final String to, final long amount) {
        ChaincodeStub stub = ctx.getStub();
        long balance = number(stub.getStringState(from));
        if (amount <= 0 || balance < amount) {
            throw new ChaincodeException("insufficient funds in " + from + ": " + balance + " < " + amount,
                    "INSUFFICIENT_FUNDS");
        }
        stub.putStringState(from, Long.toString(balance - amount));
        stub.putStringState(to, Long.toString(number(stub.getStringState(to)) + amount));
        stub.setEvent("Transfer", (from + "->" + to + ":" + amount).getBytes(StandardCharsets.UTF_8));
        return Long.toString(balance - amount);
    }

    /** Counts the keys in a range and writes the count: a read that the phantom check protects. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String CountRange(final Context ctx, final String start, final String end, final String target) {
        int n = 0;
        try (QueryResultsIterator<KeyValue> it = ctx.getStub().getStateByRange(start, end)) {
            for (KeyValue kv : it) {
                n++;
            }
        } catch (Exception e) {
            throw new ChaincodeException(e.getMessage());
        }
        ctx.getStub().putStringState(target, Integer.toString(n));
        return Integer.toString(n);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String Keys(final Context ctx, final String objectType) {
        List<String> out = new ArrayList<>();
        try (QueryResultsIterator<KeyValue> it = ctx.getStub().getStateByPartialCompositeKey(objectType)) {
            for (KeyValue kv : it) {
                out.add(String.join("/", ctx.getStub().splitCompositeKey(kv.getKey()).getAttributes()) + "=" + kv.getStringValue());
            }
        } catch (Exception e) {
            throw new ChaincodeException(e.getMessage());
        }
        return String.join(",", out);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public void PutComposite(final Context ctx, final String objectType, final String a, final String b,
            final String value) {
        ctx.getStub().putStringState(ctx.getStub().createCompositeKey(objectType, a, b).toString(), value);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String History(final Context ctx, final String key) {
        List<String> out = new ArrayList<>();
        try (QueryResultsIterator<KeyModification> it = ctx.getStub().getHistoryForKey(key)) {
            for (KeyModification m : it) {
                out.add(m.isDeleted() ? "<deleted>" : m.getStringValue());
            }
        } catch (Exception e) {
            throw new ChaincodeException(e.getMessage());
        }
        return String.join(",", out);
    }

    private static long number(String s) {
        return s == null || s.isEmpty() ? 0 : Long.parseLong(s);
    }
}

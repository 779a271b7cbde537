package org.fundtrail.chaincode.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.Ids;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.chaincode.domain.TxStamp;
import org.fundtrail.chaincode.ledger.Caller;
import org.fundtrail.chaincode.ledger.Keys;
import org.fundtrail.chaincode.ledger.Records;
import org.fundtrail.chaincode.ledger.Tracer;
import org.fundtrail.chaincode.ledger.Treasury;
import org.fundtrail.chaincode.ledger.WorldState;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.License;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * The {@code spending} contract. Submit functions take one JSON request and return (and emit as
 * their one chaincode event, named after the function) {@code {"records":[...]}}: every record the
 * transaction wrote. Evaluate functions return canonical JSON. A refusal is a
 * {@code ChaincodeException} whose payload is an {@link ErrorCode} name and whose message names
 * the field.
 *
 * <pre>{@code
 * contract.submitTransaction("Transfer", "{\"id\":\"T-1\",\"fromAllocationId\":\"A-1\", ...}");
 * contract.evaluateTransaction("TraceDown", "A-1", "1000");
 * }</pre>
 */
@Contract(name = "spending", info = @Info(title = "Fundtrail spending", version = "0.1.0",
        description = "Appropriations, transfers, expenditures, outcomes, returns and reversals of public money",
        license = @License(name = "Apache-2.0"), contact = @Contact(name = "Fundtrail")))
@Default
public final class SpendingContract implements ContractInterface {
    /** Certificate attribute naming the organisation the caller acts for. */
    public static final String ORG_ATTRIBUTE = "fundtrail.org";
    /** Certificate attribute naming the caller's role. */
    public static final String ROLE_ATTRIBUTE = "fundtrail.role";

    /** Registers an organisation (finance ministry only; the first one bootstraps the ministry). */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RegisterOrganization(final Context ctx, final String request) {
        return submit(ctx, "RegisterOrganization", t -> t.registerOrganization(caller(ctx), request));
    }

    /** Appropriates money to the finance ministry. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Appropriate(final Context ctx, final String request) {
        return submit(ctx, "Appropriate", t -> t.appropriate(caller(ctx), request));
    }

    /** Transfers money to a new child allocation one tier down. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Transfer(final Context ctx, final String request) {
        return submit(ctx, "Transfer", t -> t.transfer(caller(ctx), request));
    }

    /** Records money spent from an allocation. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordExpenditure(final Context ctx, final String request) {
        return submit(ctx, "RecordExpenditure", t -> t.recordExpenditure(caller(ctx), request));
    }

    /** Records an outcome against allocations. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String RecordOutcome(final Context ctx, final String request) {
        return submit(ctx, "RecordOutcome", t -> t.recordOutcome(caller(ctx), request));
    }

    /** Returns unspent money to the parent allocation. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String ReturnFunds(final Context ctx, final String request) {
        return submit(ctx, "ReturnFunds", t -> t.returnFunds(caller(ctx), request));
    }

    /** Reverses a transfer or an expenditure with a correcting record. */
    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String Reverse(final Context ctx, final String request) {
        return submit(ctx, "Reverse", t -> t.reverse(caller(ctx), request));
    }

    /** @return the organisation */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetOrganization(final Context ctx, final String id) {
        return get(ctx, RecordType.ORGANIZATION, id, Organization.class);
    }

    /** @return {@code {"allocation":…, "balance":…}} */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetAllocation(final Context ctx, final String id) {
        Records records = new Records(state(ctx));
        return CanonicalJson.write(allocationView(records, Ids.require("id", id)));
    }

    /** @return the transfer */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetTransfer(final Context ctx, final String id) {
        return get(ctx, RecordType.TRANSFER, id, Transfer.class);
    }

    /** @return the expenditure */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetExpenditure(final Context ctx, final String id) {
        return get(ctx, RecordType.EXPENDITURE, id, Expenditure.class);
    }

    /** @return the outcome */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetOutcome(final Context ctx, final String id) {
        return get(ctx, RecordType.OUTCOME, id, Outcome.class);
    }

    /** @return the return */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetReturn(final Context ctx, final String id) {
        return get(ctx, RecordType.RETURN, id, FundsReturn.class);
    }

    /** @return the reversal */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetReversal(final Context ctx, final String id) {
        return get(ctx, RecordType.REVERSAL, id, Reversal.class);
    }

    /** @return any record by id, whatever its type (an allocation as {@code {"allocation","balance"}}) */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetRecord(final Context ctx, final String id) {
        Records records = new Records(state(ctx));
        RecordType type = records.typeOf(Ids.require("id", id)).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND,
                "id", "no record with id '" + id + "'"));
        if (type == RecordType.ALLOCATION) {
            return CanonicalJson.write(allocationView(records, id));
        }
        return CanonicalJson.write(records.require("id", type, id, type.recordClass()));
    }

    /** @return {@code {"children":[{"allocation","balance"}...], "bookmark": next page or ""}} */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String ListChildren(final Context ctx, final String allocationId, final String pageSize,
                               final String bookmark) {
        WorldState state = state(ctx);
        Records records = new Records(state);
        WorldState.Page page = new Tracer(state).children(Ids.require("allocationId", allocationId),
                number("pageSize", pageSize), bookmark);
        List<Map<String, Object>> children = page.keys().stream().map(id -> allocationView(records, id)).toList();
        return CanonicalJson.write(Map.of("children", children, "bookmark", page.bookmark()));
    }

    /**
     * @return {@code {"id","type","versions":[{"key","txId","timestamp","deleted","value"}]}}, newest
     *     first per key; for an allocation, its record's and its balance's history
     */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String GetHistory(final Context ctx, final String id) {
        Records records = new Records(state(ctx));
        RecordType type = records.typeOf(Ids.require("id", id)).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND,
                "id", "no record with id '" + id + "'"));
        ObjectNode result = CanonicalJson.mapper().createObjectNode();
        result.put("id", id);
        result.put("type", type.name());
        ArrayNode versions = result.putArray("versions");
        history(ctx.getStub(), type, id, versions);
        if (type == RecordType.ALLOCATION) {
            history(ctx.getStub(), RecordType.BALANCE, id, versions);
        }
        return CanonicalJson.write(result);
    }

    /** @return the {@link org.fundtrail.chaincode.ledger.TraceDown} tree below an allocation */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String TraceDown(final Context ctx, final String allocationId, final String maxNodes) {
        return CanonicalJson.write(new Tracer(state(ctx)).down(Ids.require("allocationId", allocationId),
                number("maxNodes", maxNodes)));
    }

    /** @return the {@link org.fundtrail.chaincode.ledger.TraceUp} path(s) from a record to its appropriation */
    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String TraceUp(final Context ctx, final String recordId) {
        return CanonicalJson.write(new Tracer(state(ctx)).up(Ids.require("recordId", recordId)));
    }

    private static String submit(Context ctx, String name, Function<Treasury, List<LedgerRecord>> transaction) {
        ChaincodeStub stub = ctx.getStub();
        Treasury treasury = new Treasury(new StubWorldState(stub), TxStamp.of(stub.getTxId(),
                stub.getTxTimestamp()));
        String payload = CanonicalJson.write(Map.of("records", transaction.apply(treasury)));
        stub.setEvent(name, payload.getBytes(StandardCharsets.UTF_8));
        return payload;
    }

    private static Caller caller(Context ctx) {
        ClientIdentity identity = ctx.getClientIdentity();
        return new Caller(identity.getMSPID(), identity.getAttributeValue(ORG_ATTRIBUTE),
                identity.getAttributeValue(ROLE_ATTRIBUTE));
    }

    private static WorldState state(Context ctx) {
        return new StubWorldState(ctx.getStub());
    }

    private static <T extends LedgerRecord> String get(Context ctx, RecordType type, String id, Class<T> cls) {
        return CanonicalJson.write(new Records(state(ctx)).require("id", type, Ids.require("id", id), cls));
    }

    private static Map<String, Object> allocationView(Records records, String id) {
        Allocation allocation = records.allocation("id", id);
        Balance balance = records.balance(id);
        return Map.of("allocation", allocation, "balance", balance);
    }

    private static int number(String field, String value) {
        if (value == null || !value.matches("[0-9]{1,6}")) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, field, "'" + value + "' is not a whole number");
        }
        return Integer.parseInt(value);
    }

    private static void history(ChaincodeStub stub, RecordType type, String id, ArrayNode versions) {
        try (QueryResultsIterator<KeyModification> changes = stub.getHistoryForKey(Keys.record(type, id))) {
            for (KeyModification change : changes) {
                ObjectNode version = versions.addObject();
                version.put("key", type.name().toLowerCase(Locale.ROOT));
                version.put("txId", change.getTxId());
                version.put("timestamp", change.getTimestamp().toString());
                version.put("deleted", change.isDeleted());
                byte[] value = change.getValue();
                if (value != null && value.length > 0) {
                    JsonNode tree = CanonicalJson.mapper().readTree(value);
                    version.set("value", tree);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("history of '" + id + "' could not be read", e);
        }
    }
}

package org.fundtrail.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.TxStamp;

/**
 * A small budget for domain tests, run through {@link Treasury} over a {@link MemoryState}: the
 * ministry MOF (FinanceMSP), departments HEALTH (HealthMSP) and EDU (EducationMSP), agencies HOSP
 * (HealthMSP, under HEALTH) and SCHOOLS (EducationMSP, under EDU), and the audit office AUDIT.
 */
final class Ledger {
    /** The submit operations of the treasury. */
    enum Op {
        REGISTER(Treasury::registerOrganization),
        APPROPRIATE(Treasury::appropriate),
        TRANSFER(Treasury::transfer),
        SPEND(Treasury::recordExpenditure),
        OUTCOME(Treasury::recordOutcome),
        RETURN(Treasury::returnFunds),
        REVERSE(Treasury::reverse);

        private final Function3 call;

        Op(Function3 call) {
            this.call = call;
        }
    }

    @FunctionalInterface
    interface Function3 {
        List<LedgerRecord> apply(Treasury treasury, Caller caller, String json);
    }

    static final Map<String, String> MSP = Map.of("MOF", "FinanceMSP", "HEALTH", "HealthMSP", "EDU",
            "EducationMSP", "HOSP", "HealthMSP", "SCHOOLS", "EducationMSP", "AUDIT", "AuditMSP");
    static final String EVIDENCE_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    final MemoryState state = new MemoryState();
    private long tx;

    /** @return a ledger with the six organisations registered */
    static Ledger withOrganizations() {
        Ledger ledger = new Ledger();
        ledger.run(Op.REGISTER, admin("MOF"), Requests.of("id", "MOF", "name", "Ministry of Finance", "tier",
                "MINISTRY", "mspId", "FinanceMSP"));
        ledger.register("HEALTH", "Ministry of Health", "DEPARTMENT", "MOF");
        ledger.register("EDU", "Ministry of Education", "DEPARTMENT", "MOF");
        ledger.register("HOSP", "National Hospitals Agency", "AGENCY", "HEALTH");
        ledger.register("SCHOOLS", "Schools Agency", "AGENCY", "EDU");
        ledger.register("AUDIT", "National Audit Office", "AUDITOR", null);
        return ledger;
    }

    void register(String id, String name, String tier, String parent) {
        Map<String, Object> request = Requests.of("id", id, "name", name, "tier", tier, "mspId", MSP.get(id));
        if (parent != null) {
            request.put("parentId", parent);
        }
        run(Op.REGISTER, admin("MOF"), request);
    }

    static Caller officer(String orgId) {
        return new Caller(MSP.get(orgId), orgId, Caller.OFFICER);
    }

    static Caller admin(String orgId) {
        return new Caller(MSP.get(orgId), orgId, Caller.ADMIN);
    }

    /** Runs a transaction that must succeed, and commits it. */
    List<LedgerRecord> run(Op op, Caller caller, Map<String, Object> request) {
        return run(op, caller, Requests.json(request));
    }

    List<LedgerRecord> run(Op op, Caller caller, String json) {
        MemoryState.Tx view = state.begin();
        List<LedgerRecord> written = call(op, caller, json).apply(view, nextStamp());
        state.commit(view);
        return written;
    }

    /** Runs a transaction that must be refused, checks that it wrote nothing, and returns the refusal. */
    Refusal refuse(Op op, Caller caller, Map<String, Object> request) {
        return refuse(op, caller, Requests.json(request));
    }

    Refusal refuse(Op op, Caller caller, String json) {
        Refusal refusal = tryRun(call(op, caller, json), op.name());
        assertThat(refusal).as("%s by %s should be refused", op, caller).isNotNull();
        return refusal;
    }

    /** Tries a transaction: commits it if allowed, returns the refusal (state unchanged) if not. */
    Refusal attempt(Op op, Caller caller, Map<String, Object> request) {
        return tryRun(call(op, caller, Requests.json(request)), op.name());
    }

    /** A transaction body over a view of the state. */
    @FunctionalInterface
    interface Body {
        List<LedgerRecord> apply(MemoryState.Tx view, TxStamp stamp);
    }

    private static Body call(Op op, Caller caller, String json) {
        return (view, stamp) -> op.call.apply(new Treasury(view, stamp), caller, json);
    }

    /**
     * Runs a transaction body. When it succeeds its view is committed and null returned. When it is
     * refused, the check that it left nothing behind commits its view all the same — what it wrote,
     * if anything, then shows in the state — and compares the state with the state before: comparing
     * before committing would compare the state with itself and could never fail.
     *
     * @return the refusal, or null when the body succeeded
     */
    Refusal tryRun(Body body, String what) {
        var before = state.snapshot();
        MemoryState.Tx view = state.begin();
        try {
            body.apply(view, nextStamp());
            state.commit(view);
            return null;
        } catch (Refusal refusal) {
            List<String> written = view.writtenKeys();
            state.commit(view);
            assertThat(state.snapshot()).as("refused %s changed the state (wrote %s)", what, written)
                    .isEqualTo(before);
            assertThat(written).as("refused %s wrote nothing", what).isEmpty();
            return refusal;
        }
    }

    private TxStamp nextStamp() {
        tx++;
        return TxStamp.of(String.format("tx%04d", tx), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(tx));
    }

    Balance balance(String allocationId) {
        String json = state.snapshot().get(Keys.record(RecordType.BALANCE, allocationId));
        return CanonicalJson.read(json, Balance.class);
    }

    <T> T read(RecordType type, String id, Class<T> cls) {
        String json = state.snapshot().get(Keys.record(type, id));
        return json == null ? null : CanonicalJson.read(json, cls);
    }

    // Convenience requests ------------------------------------------------------------------

    void appropriate(String id, String amount) {
        run(Op.APPROPRIATE, officer("MOF"), appropriation(id, amount, "EUR"));
    }

    static Map<String, Object> appropriation(String id, String amount, String currency) {
        return Requests.of("id", id, "fiscalYear", 2026, "amount", amount, "currency", currency,
                "classification", Requests.of("cofog", "07.3", "programme", "P-HOSP", "economic", "2.2"),
                "purpose", "Hospital services 2026", "legalReference", "Budget Law 2026 art. 7");
    }

    static Map<String, Object> transferRequest(String id, String from, String toOrg, String toAllocation,
                                               String amount) {
        return Requests.of("id", id, "fromAllocationId", from, "toOrgId", toOrg, "toAllocationId", toAllocation,
                "amount", amount, "currency", "EUR", "purpose", "Operating grant");
    }

    static Map<String, Object> spendRequest(String id, String allocation, String amount) {
        return Requests.of("id", id, "allocationId", allocation, "amount", amount, "currency", "EUR", "payee",
                Requests.of("name", "MedSupply Ltd", "identifier", "GB-COH-01234567"), "category", "2.2.1",
                "date", "2026-03-14", "evidence", Requests.of("sha256", EVIDENCE_SHA, "uri",
                        "https://example.org/invoices/1.pdf"));
    }

    static Map<String, Object> outcomeRequest(String id, List<String> allocations) {
        return Requests.of("id", id, "allocationIds", allocations, "indicator", "Patients treated", "unit",
                "persons", "baseline", "1000", "target", "1200", "actual", "1180.5", "period", "2026-Q2",
                "evidence", Requests.of("sha256", EVIDENCE_SHA, "uri", "https://example.org/reports/q2.pdf"));
    }

    static Map<String, Object> returnRequest(String id, String allocation, String amount) {
        return Requests.of("id", id, "allocationId", allocation, "amount", amount, "currency", "EUR",
                "reasonCode", "UNSPENT", "reason", "Programme under budget");
    }

    static Map<String, Object> reverseRequest(String id, String original) {
        return Requests.of("id", id, "originalId", original, "reasonCode", "DATA_ENTRY_ERROR", "reason",
                "Wrong amount keyed");
    }

    void transfer(String id, String from, String toOrg, String toAllocation, String amount, Caller by) {
        run(Op.TRANSFER, by, transferRequest(id, from, toOrg, toAllocation, amount));
    }

    /** An appropriation A (1000.00 EUR) → D (HEALTH, 600.00) → G (HOSP, 250.00). */
    static Ledger withTree() {
        Ledger ledger = withOrganizations();
        ledger.appropriate("A", "1000.00");
        ledger.transfer("T-D", "A", "HEALTH", "D", "600.00", officer("MOF"));
        ledger.transfer("T-G", "D", "HOSP", "G", "250.00", officer("HEALTH"));
        return ledger;
    }

}

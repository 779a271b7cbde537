package org.fundtrail.client.readmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.TxStamp;
import org.fundtrail.chaincode.ledger.Caller;
import org.fundtrail.chaincode.ledger.Treasury;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * A budget run through the chaincode's real {@link Treasury} over {@link MemoryWorldState}: every
 * submitted transaction becomes a {@link BlockBuilder.Tx} carrying the event the contract would emit,
 * and {@link #blocks} cuts them into blocks (block 0 is a config block).
 */
final class Budget {
    static final Map<String, String> MSP = Map.of("MOF", "FinanceMSP", "HEALTH", "HealthMSP", "EDU",
            "EducationMSP", "HOSP", "HealthMSP", "SCHOOLS", "EducationMSP", "AUDIT", "AuditMSP");
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final MemoryWorldState state = new MemoryWorldState();
    final List<BlockBuilder.Tx> txs = new ArrayList<>();
    private long counter;
    int records;

    /** @return a budget with MOF, HEALTH, EDU, HOSP, SCHOOLS and AUDIT registered */
    static Budget withOrganizations() {
        Budget b = new Budget();
        b.submit("RegisterOrganization", admin("MOF"), map("id", "MOF", "name", "Ministry of Finance", "tier",
                "MINISTRY", "mspId", "FinanceMSP", "orgIdentifier", "XM-FT-MOF"));
        b.register("HEALTH", "Ministry of Health", "DEPARTMENT", "MOF");
        b.register("EDU", "Ministry of Education", "DEPARTMENT", "MOF");
        b.register("HOSP", "National Hospitals Agency — Zürich «Ost»", "AGENCY", "HEALTH");
        b.register("SCHOOLS", "Schools Agency", "AGENCY", "EDU");
        b.register("AUDIT", "National Audit Office", "AUDITOR", null);
        return b;
    }

    void register(String id, String name, String tier, String parent) {
        Map<String, Object> request = map("id", id, "name", name, "tier", tier, "mspId", MSP.get(id));
        if (parent != null) {
            request.put("parentId", parent);
        }
        submit("RegisterOrganization", admin("MOF"), request);
    }

    static Caller admin(String org) {
        return new Caller(MSP.get(org), org, Caller.ADMIN);
    }

    static Caller officer(String org) {
        return new Caller(MSP.get(org), org, Caller.OFFICER);
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Runs a submit function, commits its writes and keeps its event; a refusal is rethrown and changes nothing. */
    void submit(String event, Caller caller, Map<String, Object> request) {
        txs.add(execute(event, caller, request, true));
    }

    /** Records a transaction the peers marked invalid: its event is in the block, its writes are not applied. */
    void invalid(String event, Caller caller, Map<String, Object> request, TxValidationCode code) {
        txs.add(execute(event, caller, request, false).withCode(code));
    }

    private BlockBuilder.Tx execute(String event, Caller caller, Map<String, Object> request, boolean commit) {
        long n = counter++;
        String txId = sha256("tx-" + n);
        Instant at = START.plusSeconds(n);
        MemoryWorldState.Tx view = state.begin();
        Treasury treasury = new Treasury(view, TxStamp.of(txId, at));
        String json;
        try {
            json = JSON.writeValueAsString(request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<LedgerRecord> written = switch (event) {
            case "RegisterOrganization" -> treasury.registerOrganization(caller, json);
            case "Appropriate" -> treasury.appropriate(caller, json);
            case "Transfer" -> treasury.transfer(caller, json);
            case "RecordExpenditure" -> treasury.recordExpenditure(caller, json);
            case "RecordOutcome" -> treasury.recordOutcome(caller, json);
            case "ReturnFunds" -> treasury.returnFunds(caller, json);
            case "Reverse" -> treasury.reverse(caller, json);
            default -> throw new IllegalArgumentException(event);
        };
        if (commit) {
            state.commit(view);
            records += written.size();
        }
        byte[] payload = CanonicalJson.write(Map.of("records", written)).getBytes(StandardCharsets.UTF_8);
        return BlockBuilder.Tx.endorser(txId, at, caller.mspId(), event, payload);
    }

    /** Tries a submission that may be refused; @return whether it was accepted. */
    boolean attempt(String event, Caller caller, Map<String, Object> request) {
        try {
            submit(event, caller, request);
            return true;
        } catch (Refusal refused) {
            return false;
        }
    }

    /** @return the transactions cut into blocks of 1 to {@code maxPerBlock}, after a config block 0 */
    List<Block> blocks(Random random, int maxPerBlock) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(BlockBuilder.block(0, List.of(BlockBuilder.config("", START.minusSeconds(60)))));
        int i = 0;
        while (i < txs.size()) {
            int n = Math.min(txs.size() - i, 1 + random.nextInt(maxPerBlock));
            blocks.add(BlockBuilder.after(blocks.get(blocks.size() - 1), txs.subList(i, i + n)));
            i += n;
        }
        return blocks;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> appropriation(String id, String amount, String cofog) {
        return map("id", id, "fiscalYear", 2026, "amount", amount, "currency", "EUR", "classification",
                map("cofog", cofog, "programme", "P-" + cofog), "purpose", "Budget line " + id + " for hospitals",
                "legalReference", "Budget Act 2026");
    }

    static Map<String, Object> transfer(String id, String from, String toOrg, String toAllocation, String amount) {
        return map("id", id, "fromAllocationId", from, "toOrgId", toOrg, "toAllocationId", toAllocation, "amount",
                amount, "currency", "EUR", "purpose", "Transfer " + id);
    }

    static Map<String, Object> expenditure(String id, String allocation, String amount, String payee, String date) {
        return map("id", id, "allocationId", allocation, "amount", amount, "currency", "EUR", "payee",
                map("name", payee, "identifier", "VAT-" + payee.length()), "category", "2.2", "date", date,
                "evidence", map("sha256", SHA, "uri", "https://example.org/" + id));
    }

    static Map<String, Object> outcome(String id, List<String> allocations) {
        return map("id", id, "allocationIds", allocations, "indicator", "Beds available", "unit", "beds",
                "baseline", "100", "target", "150", "actual", "140", "period", "2026", "evidence",
                map("sha256", SHA, "uri", "https://example.org/" + id));
    }

    /**
     * Generates a budget of appropriations → department allocations → agency allocations with
     * expenditures, outcomes, returns and reversals, plus some invalid transactions.
     */
    static Budget generate(long seed, int appropriations, int departments, int agencies, int expenditures) {
        Random r = new Random(seed);
        Budget b = withOrganizations();
        String[] payees = {"Acme Medical", "Clinica São Paulo", "Bauer GmbH", "Ōsaka Supplies", "Nordic Beds"};
        for (int a = 0; a < appropriations; a++) {
            String app = "APP-" + a;
            b.submit("Appropriate", officer("MOF"), appropriation(app, "100000000.00", a % 2 == 0 ? "07.3" : "09.1"));
            for (int d = 0; d < departments; d++) {
                String dept = r.nextBoolean() ? "HEALTH" : "EDU";
                String agencyOrg = dept.equals("HEALTH") ? "HOSP" : "SCHOOLS";
                String da = app + "-D" + d;
                b.submit("Transfer", officer("MOF"), transfer("T-" + da, app, dept, da, "1000000.00"));
                for (int g = 0; g < agencies; g++) {
                    String ga = da + "-G" + g;
                    b.submit("Transfer", officer(dept), transfer("T-" + ga, da, agencyOrg, ga, "10000.00"));
                    for (int e = 0; e < expenditures; e++) {
                        String id = "E-" + ga + "-" + e;
                        b.submit("RecordExpenditure", officer(agencyOrg), expenditure(id, ga,
                                (1 + r.nextInt(500)) + "." + (10 + r.nextInt(90)), payees[r.nextInt(payees.length)],
                                "2026-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10)));
                        if (r.nextInt(10) == 0) {
                            b.submit("Reverse", officer(agencyOrg), map("id", "REV-" + id, "originalId", id,
                                    "reasonCode", "DATA_ENTRY_ERROR", "reason", "typo in the amount"));
                        }
                    }
                    if (r.nextInt(4) == 0) {
                        b.submit("RecordOutcome", officer(agencyOrg), outcome("O-" + ga, List.of(ga)));
                    }
                    if (r.nextInt(5) == 0) {
                        b.submit("ReturnFunds", officer(agencyOrg), map("id", "R-" + ga, "allocationId", ga,
                                "amount", "1.00", "currency", "EUR", "reasonCode", "UNSPENT", "reason", "left over"));
                    }
                    if (r.nextInt(8) == 0) {
                        b.invalid("RecordExpenditure", officer(agencyOrg), expenditure("X-" + ga, ga, "5.00",
                                "Ghost Ltd", "2026-05-05"), TxValidationCode.MVCC_READ_CONFLICT);
                    }
                }
                if (r.nextInt(3) == 0) {
                    String extra = da + "-GX";
                    b.submit("Transfer", officer(dept), transfer("T-" + extra, da, agencyOrg, extra, "50.00"));
                    b.submit("Reverse", officer(dept), map("id", "REV-T-" + extra, "originalId", "T-" + extra,
                            "reasonCode", "CANCELLED", "reason", "programme cancelled"));
                }
                if (d == 0) {
                    b.submit("RecordOutcome", officer(dept), outcome("O-" + da, List.of(da)));
                }
            }
        }
        return b;
    }
}

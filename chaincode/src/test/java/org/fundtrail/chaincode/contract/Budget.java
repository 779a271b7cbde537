package org.fundtrail.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A ledger driven through the real contract router with real X.509 identities: the ministry MOF
 * (FinanceMSP), the department HEALTH and agency HOSP (HealthMSP), the department EDU (EducationMSP).
 */
final class Budget {
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final ObjectMapper JSON = new ObjectMapper();

    final MemoryLedger ledger = new MemoryLedger();
    final ContractRunner runner = new ContractRunner();
    final TestIdentity mofAdmin = TestIdentities.admin("FinanceMSP", "MOF");
    final TestIdentity mof = TestIdentities.officer("FinanceMSP", "MOF");
    final TestIdentity health = TestIdentities.officer("HealthMSP", "HEALTH");
    final TestIdentity hosp = TestIdentities.officer("HealthMSP", "HOSP");
    final TestIdentity edu = TestIdentities.officer("EducationMSP", "EDU");

    /** @return a budget with MOF, HEALTH, HOSP and EDU registered */
    static Budget withOrganizations() {
        Budget budget = new Budget();
        budget.ok(budget.mofAdmin, "RegisterOrganization", map("id", "MOF", "name", "Ministry of Finance", "tier",
                "MINISTRY", "mspId", "FinanceMSP", "orgIdentifier", "XM-FT-MOF"));
        budget.ok(budget.mofAdmin, "RegisterOrganization", map("id", "HEALTH", "name", "Ministry of Health", "tier",
                "DEPARTMENT", "parentId", "MOF", "mspId", "HealthMSP"));
        budget.ok(budget.mofAdmin, "RegisterOrganization", map("id", "HOSP", "name", "National Hospitals Agency",
                "tier", "AGENCY", "parentId", "HEALTH", "mspId", "HealthMSP"));
        budget.ok(budget.mofAdmin, "RegisterOrganization", map("id", "EDU", "name", "Ministry of Education", "tier",
                "DEPARTMENT", "parentId", "MOF", "mspId", "EducationMSP"));
        return budget;
    }

    /** @return organisations plus A (1,000,000.00 EUR) → D (HEALTH, 600,000.00) → G (HOSP, 250,000.00) */
    static Budget withTree() {
        Budget budget = withOrganizations();
        budget.ok(budget.mof, "Appropriate", appropriation("A", "1000000.00"));
        budget.ok(budget.mof, "Transfer", transfer("T-D", "A", "HEALTH", "D", "600000.00"));
        budget.ok(budget.health, "Transfer", transfer("T-G", "D", "HOSP", "G", "250000.00"));
        return budget;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> appropriation(String id, String amount) {
        return map("id", id, "fiscalYear", 2026, "amount", amount, "currency", "EUR", "classification",
                map("cofog", "07.3", "programme", "P-HOSP", "economic", "2.2"), "purpose", "Hospital services",
                "legalReference", "Budget Law 2026 art. 7");
    }

    static Map<String, Object> transfer(String id, String from, String toOrg, String toAllocation, String amount) {
        return map("id", id, "fromAllocationId", from, "toOrgId", toOrg, "toAllocationId", toAllocation, "amount",
                amount, "currency", "EUR", "purpose", "Operating grant", "reference", "PO-" + id);
    }

    static Map<String, Object> expenditure(String id, String allocation, String amount) {
        return map("id", id, "allocationId", allocation, "amount", amount, "currency", "EUR", "payee",
                map("name", "MedSupply Ltd", "identifier", "GB-COH-01234567"), "category", "2.2.1", "date",
                "2026-03-14", "evidence", map("sha256", SHA, "uri", "https://example.org/invoices/1.pdf"));
    }

    static Map<String, Object> outcome(String id, List<String> allocations) {
        return map("id", id, "allocationIds", allocations, "indicator", "Patients treated", "unit", "persons",
                "baseline", "1000", "target", "1200", "actual", "1180", "period", "2026-Q2", "evidence",
                map("sha256", SHA, "uri", "https://example.org/reports/q2.pdf"));
    }

    static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits and expects success; returns the payload. */
    String ok(TestIdentity caller, String function, Object request) {
        Chaincode.Response response = runner.invoke(ledger, caller, function, json(request));
        assertThat(response.getStatus()).as("%s: %s", function, response.getMessage())
                .isEqualTo(Chaincode.Response.Status.SUCCESS);
        return response.getStringPayload();
    }

    /** Evaluates a query and expects success; returns the parsed result. */
    JsonNode query(String function, String... params) {
        Chaincode.Response response = runner.evaluate(ledger, mof, function, params);
        assertThat(response.getStatus()).as("%s: %s", function, response.getMessage())
                .isEqualTo(Chaincode.Response.Status.SUCCESS);
        try {
            return JSON.readTree(response.getPayload());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits, expects a refusal with the code and a message naming the field, and that nothing changed. */
    Chaincode.Response refused(TestIdentity caller, String function, Object request, String code, String field) {
        var before = ledger.snapshot();
        Chaincode.Response response = runner.invoke(ledger, caller, function, json(request));
        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).isEqualTo(code);
        assertThat(response.getMessage()).startsWith(field + ": ");
        assertThat(ledger.snapshot()).isEqualTo(before);
        return response;
    }
}

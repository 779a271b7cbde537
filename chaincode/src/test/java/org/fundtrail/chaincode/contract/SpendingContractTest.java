package org.fundtrail.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundtrail.chaincode.contract.Budget.appropriation;
import static org.fundtrail.chaincode.contract.Budget.expenditure;
import static org.fundtrail.chaincode.contract.Budget.map;
import static org.fundtrail.chaincode.contract.Budget.outcome;
import static org.fundtrail.chaincode.contract.Budget.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.shim.Chaincode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract through the shim's router, with real certificates carrying Fabric CA attributes. */
class SpendingContractTest {

    @Nested
    class Identity {
        @Test
        void an_org_cannot_be_acted_for_with_a_certificate_from_another_msp() {
            Budget budget = Budget.withTree();
            TestIdentity impostor = TestIdentities.officer("EducationMSP", "HEALTH");
            budget.refused(impostor, "Transfer", transfer("T-X", "D", "HOSP", "X", "1.00"), "FORBIDDEN", "mspId");
        }

        @Test
        void a_certificate_without_the_fundtrail_attributes_is_refused() {
            Budget budget = Budget.withTree();
            TestIdentity plain = TestIdentities.issue("HealthMSP", "someone", Map.of());
            budget.refused(plain, "Transfer", transfer("T-X", "D", "HOSP", "X", "1.00"), "FORBIDDEN",
                    "fundtrail.org");
            TestIdentity noRole = TestIdentities.issue("HealthMSP", "norole", Map.of("fundtrail.org", "HEALTH"));
            budget.refused(noRole, "Transfer", transfer("T-X", "D", "HOSP", "X", "1.00"), "FORBIDDEN",
                    "fundtrail.role");
        }

        @Test
        void auditors_cannot_submit() {
            Budget budget = Budget.withTree();
            TestIdentity auditor = TestIdentities.auditor("HealthMSP", "HEALTH");
            budget.refused(auditor, "Transfer", transfer("T-X", "D", "HOSP", "X", "1.00"), "FORBIDDEN",
                    "fundtrail.role");
        }

        @Test
        void the_ministry_is_bootstrapped_only_by_its_own_admin() {
            Budget budget = new Budget();
            Map<String, Object> ministry = map("id", "MOF", "name", "Ministry of Finance", "tier", "MINISTRY",
                    "mspId", "FinanceMSP");
            budget.refused(TestIdentities.admin("HealthMSP", "MOF"), "RegisterOrganization", ministry,
                    "FORBIDDEN", "mspId");
            budget.refused(budget.mof, "RegisterOrganization", ministry, "FORBIDDEN", "fundtrail.role");
            budget.ok(budget.mofAdmin, "RegisterOrganization", ministry);
        }

        @Test
        void only_the_holder_moves_money_and_only_the_ministry_appropriates() {
            Budget budget = Budget.withTree();
            budget.refused(budget.edu, "Transfer", transfer("T-X", "D", "HOSP", "X", "1.00"), "FORBIDDEN",
                    "fromAllocationId");
            budget.refused(budget.hosp, "RecordExpenditure", expenditure("E-X", "D", "1.00"), "FORBIDDEN",
                    "allocationId");
            budget.refused(budget.health, "Appropriate", appropriation("A2", "1.00"), "FORBIDDEN", "fundtrail.org");
            budget.refused(budget.health, "RegisterOrganization", map("id", "X", "name", "X", "tier", "AGENCY",
                    "parentId", "HEALTH", "mspId", "HealthMSP"), "FORBIDDEN", "fundtrail.org");
        }
    }

    @Nested
    class Refusals {
        @Test
        void every_rule_reaches_the_client_as_its_error_code_and_field() {
            Budget budget = Budget.withTree();
            budget.refused(budget.health, "Transfer", transfer("T-X", "D", "HOSP", "X", "350000.01"),
                    "INSUFFICIENT_FUNDS", "amount");
            budget.refused(budget.mof, "Transfer", transfer("T-X", "A", "HOSP", "X", "1.00"), "FLOW_NOT_ALLOWED",
                    "toOrgId");
            Map<String, Object> usd = transfer("T-X", "D", "HOSP", "X", "1.00");
            usd.put("currency", "USD");
            budget.refused(budget.health, "Transfer", usd, "CURRENCY_MISMATCH", "currency");
            budget.refused(budget.health, "Transfer", transfer("T-G", "D", "HOSP", "X", "1.00"), "ALREADY_EXISTS",
                    "id");
            budget.refused(budget.health, "Transfer", transfer("T-X", "NOPE", "HOSP", "X", "1.00"), "NOT_FOUND",
                    "fromAllocationId");
            budget.refused(budget.health, "Transfer", transfer("T-X", "D", "HOSP", "X", "1.001"),
                    "INVALID_ARGUMENT", "amount");
            budget.refused(budget.health, "Transfer", "{not json", "INVALID_ARGUMENT", "request");
            budget.ok(budget.hosp, "RecordExpenditure", expenditure("E-1", "G", "1.00"));
            budget.refused(budget.health, "Reverse", map("id", "V-1", "originalId", "T-G", "reasonCode",
                    "CANCELLED", "reason", "x"), "NOT_REVERSIBLE", "originalId");
        }

        @Test
        void a_refused_transaction_emits_no_event_and_writes_nothing() {
            Budget budget = Budget.withTree();
            budget.refused(budget.health, "Transfer", transfer("T-X", "D", "HOSP", "X", "999999999.00"),
                    "INSUFFICIENT_FUNDS", "amount");
            assertThat(budget.runner.lastStub().writes()).isEmpty();
            assertThat(budget.runner.lastStub().eventName()).isNull();
        }

        @Test
        void queries_refuse_bad_and_unknown_ids() {
            Budget budget = Budget.withTree();
            Chaincode.Response unknown = budget.runner.evaluate(budget.ledger, budget.mof, "GetTransfer", "NOPE");
            assertThat(unknown.getMessage()).startsWith("id: no transfer with id 'NOPE'");
            assertThat(new String(unknown.getPayload(), StandardCharsets.UTF_8)).isEqualTo("NOT_FOUND");
            Chaincode.Response bad = budget.runner.evaluate(budget.ledger, budget.mof, "TraceDown", "A", "0");
            assertThat(bad.getMessage()).startsWith("maxNodes: ");
            Chaincode.Response badId = budget.runner.evaluate(budget.ledger, budget.mof, "GetRecord", "a b");
            assertThat(new String(badId.getPayload(), StandardCharsets.UTF_8)).isEqualTo("INVALID_ARGUMENT");
            Chaincode.Response org = budget.runner.evaluate(budget.ledger, budget.mof, "TraceUp", "HEALTH");
            assertThat(org.getMessage()).startsWith("recordId: 'HEALTH' is an organization");
        }
    }

    @Nested
    class Events {
        @Test
        void each_submit_emits_one_event_named_after_it_carrying_what_it_wrote() {
            Budget budget = Budget.withTree();
            String payload = budget.ok(budget.hosp, "RecordExpenditure", expenditure("E-1", "G", "10.00"));
            MemoryStub stub = budget.runner.lastStub();
            assertThat(stub.eventName()).isEqualTo("RecordExpenditure");
            assertThat(new String(stub.eventPayload(), StandardCharsets.UTF_8)).isEqualTo(payload);
            JsonNode records = budget.query("GetRecord", "E-1");
            assertThat(records.get("payee").get("name").asText()).isEqualTo("MedSupply Ltd");
            assertThat(payload).contains("\"type\":\"EXPENDITURE\"").contains("\"type\":\"BALANCE\"");
        }
    }

    @Nested
    class Queries {
        @Test
        void get_allocation_returns_the_allocation_with_its_balance() {
            Budget budget = Budget.withTree();
            JsonNode view = budget.query("GetAllocation", "D");
            assertThat(view.get("allocation").get("holderOrgId").asText()).isEqualTo("HEALTH");
            assertThat(view.get("balance").get("available").asText()).isEqualTo("350000.00");
            assertThat(budget.query("GetRecord", "D")).isEqualTo(view);
            assertThat(budget.query("GetRecord", "T-D").get("type").asText()).isEqualTo("TRANSFER");
            assertThat(budget.query("GetOrganization", "HOSP").get("parentId").asText()).isEqualTo("HEALTH");
        }

        @Test
        void list_children_pages_through_every_child_in_id_order() {
            Budget budget = Budget.withTree();
            for (int i = 0; i < 23; i++) {
                budget.ok(budget.health, "Transfer", transfer(String.format("T-%02d", i), "D", "HOSP",
                        String.format("C-%02d", i), "1.00"));
            }
            List<String> seen = new ArrayList<>();
            String bookmark = "";
            int pages = 0;
            do {
                JsonNode page = budget.query("ListChildren", "D", "10", bookmark);
                page.get("children").forEach(c -> seen.add(c.get("allocation").get("id").asText()));
                bookmark = page.get("bookmark").asText();
                pages++;
            } while (!bookmark.isEmpty());
            assertThat(pages).isEqualTo(3);
            assertThat(seen).hasSize(24).startsWith("C-00", "C-01").endsWith("C-22", "G").doesNotHaveDuplicates();
        }

        @Test
        void history_lists_every_version_of_a_balance_newest_first() {
            Budget budget = Budget.withTree();
            budget.ok(budget.hosp, "RecordExpenditure", expenditure("E-1", "G", "10.00"));
            budget.ok(budget.hosp, "RecordExpenditure", expenditure("E-2", "G", "5.00"));
            JsonNode history = budget.query("GetHistory", "G");
            List<String> balances = new ArrayList<>();
            history.get("versions").forEach(v -> {
                if (v.get("key").asText().equals("balance")) {
                    balances.add(v.get("value").get("available").asText());
                }
            });
            assertThat(balances).containsExactly("249985.00", "249990.00", "250000.00");
            assertThat(history.get("type").asText()).isEqualTo("ALLOCATION");
            assertThat(budget.query("GetHistory", "E-1").get("versions")).hasSize(1);
        }

        @Test
        void trace_down_reports_every_node_s_totals_and_outcomes() {
            Budget budget = Budget.withTree();
            budget.ok(budget.hosp, "RecordExpenditure", expenditure("E-1", "G", "100000.00"));
            budget.ok(budget.hosp, "RecordOutcome", outcome("O-1", List.of("G")));
            budget.ok(budget.hosp, "ReturnFunds", map("id", "R-1", "allocationId", "G", "amount", "50000.00",
                    "currency", "EUR", "reasonCode", "UNSPENT", "reason", "Under budget"));
            JsonNode trace = budget.query("TraceDown", "A", "100");
            assertThat(trace.get("nodes").asInt()).isEqualTo(3);
            assertThat(trace.get("truncated").asBoolean()).isFalse();
            JsonNode d = trace.get("root").get("children").get(0);
            assertThat(d.get("allocationId").asText()).isEqualTo("D");
            assertThat(d.get("returnedIn").asText()).isEqualTo("50000.00");
            assertThat(d.get("available").asText()).isEqualTo("400000.00");
            JsonNode g = d.get("children").get(0);
            assertThat(List.of(g.get("received").asText(), g.get("spent").asText(), g.get("returned").asText(),
                    g.get("available").asText())).containsExactly("250000.00", "100000.00", "50000.00", "100000.00");
            assertThat(g.get("expenditures").asInt()).isEqualTo(1);
            assertThat(g.get("outcomes").get(0).get("actual").asText()).isEqualTo("1180");
        }

        @Test
        void trace_down_stops_at_its_bound_and_names_the_unexpanded_nodes() {
            Budget budget = Budget.withTree();
            for (int i = 0; i < 5; i++) {
                budget.ok(budget.health, "Transfer", transfer("T-" + i, "D", "HOSP", "C-" + i, "1.00"));
            }
            JsonNode trace = budget.query("TraceDown", "A", "3");
            assertThat(trace.get("truncated").asBoolean()).isTrue();
            assertThat(trace.get("pending").get(0).asText()).isEqualTo("D");
            assertThat(trace.get("nodes").asInt()).isEqualTo(2);
            assertThat(trace.get("root").get("children").get(0).get("complete").asBoolean()).isFalse();
            assertThat(budget.query("TraceDown", "D", "10").get("nodes").asInt()).isEqualTo(7);
        }

        @Test
        void trace_up_walks_from_any_record_to_its_appropriation() {
            Budget budget = Budget.withTree();
            budget.ok(budget.hosp, "RecordExpenditure", expenditure("E-1", "G", "1.00"));
            budget.ok(budget.health, "Transfer", transfer("T-D2", "D", "HOSP", "G2",
                    "1.00"));
            budget.ok(budget.hosp, "RecordOutcome", outcome("O-1", List.of("G", "G2")));
            JsonNode up = budget.query("TraceUp", "E-1");
            List<String> path = new ArrayList<>();
            up.get("paths").get(0).forEach(s -> path.add(s.get("allocationId").asText()));
            assertThat(path).containsExactly("G", "D", "A");
            assertThat(up.get("paths").get(0).get(0).get("transferId").asText()).isEqualTo("T-G");
            assertThat(budget.query("TraceUp", "O-1").get("paths")).hasSize(2);
            assertThat(budget.query("TraceUp", "A").get("paths").get(0)).hasSize(1);
        }
    }
}

package org.fundtrail.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundtrail.chaincode.ledger.Ledger.admin;
import static org.fundtrail.chaincode.ledger.Ledger.officer;
import static org.fundtrail.chaincode.ledger.Ledger.outcomeRequest;
import static org.fundtrail.chaincode.ledger.Ledger.returnRequest;
import static org.fundtrail.chaincode.ledger.Ledger.reverseRequest;
import static org.fundtrail.chaincode.ledger.Ledger.spendRequest;
import static org.fundtrail.chaincode.ledger.Ledger.transferRequest;

import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.ledger.Ledger.Op;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TreasuryTest {

    private static void assertRefusal(Refusal refusal, ErrorCode code, String field) {
        assertThat(refusal.code()).isEqualTo(code);
        assertThat(refusal.field()).isEqualTo(field);
        assertThat(refusal.getMessage()).startsWith(field + ": ");
        assertThat(new String(refusal.getPayload())).isEqualTo(code.name());
    }

    private static void assertBalance(Balance b, String received, String transferred, String spent,
                                      String returnedIn, String returnedOut, String reversed, String available) {
        assertThat(List.of(b.received(), b.transferred(), b.spent(), b.returnedIn(), b.returnedOut(), b.reversed(),
                b.available())).containsExactly(received, transferred, spent, returnedIn, returnedOut, reversed,
                available);
    }

    @Nested
    class Conservation {
        @Test
        void transfer_moves_money_from_the_source_balance_to_a_new_child_allocation() {
            Ledger ledger = Ledger.withTree();
            assertBalance(ledger.balance("A"), "1000.00", "600.00", "0.00", "0.00", "0.00", "0.00", "400.00");
            assertBalance(ledger.balance("D"), "600.00", "250.00", "0.00", "0.00", "0.00", "0.00", "350.00");
            assertBalance(ledger.balance("G"), "250.00", "0.00", "0.00", "0.00", "0.00", "0.00", "250.00");
            Allocation child = ledger.read(RecordType.ALLOCATION, "G", Allocation.class);
            assertThat(child.parentAllocationId()).isEqualTo("D");
            assertThat(child.holderOrgId()).isEqualTo("HOSP");
            assertThat(child.transferId()).isEqualTo("T-G");
            assertThat(child.classification().cofog()).isEqualTo("07.3");
        }

        @Test
        void refuses_transfer_above_available_balance() {
            Ledger ledger = Ledger.withTree();
            Refusal r = ledger.refuse(Op.TRANSFER, officer("HEALTH"), transferRequest("T-X", "D", "HOSP", "X",
                    "350.01"));
            assertRefusal(r, ErrorCode.INSUFFICIENT_FUNDS, "amount");
            assertThat(r.getMessage()).contains("350.01 EUR").contains("350.00 EUR");
        }

        @Test
        void transfer_of_exactly_the_available_balance_is_allowed_and_leaves_zero() {
            Ledger ledger = Ledger.withTree();
            ledger.transfer("T-X", "D", "HOSP", "X", "350.00", officer("HEALTH"));
            assertThat(ledger.balance("D").available()).isEqualTo("0.00");
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("HEALTH"), transferRequest("T-Y", "D", "HOSP", "Y",
                    "0.01")), ErrorCode.INSUFFICIENT_FUNDS, "amount");
        }

        @Test
        void refuses_spending_above_available_balance() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "200.00"));
            assertBalance(ledger.balance("G"), "250.00", "0.00", "200.00", "0.00", "0.00", "0.00", "50.00");
            assertRefusal(ledger.refuse(Op.SPEND, officer("HOSP"), spendRequest("E-2", "G", "50.01")),
                    ErrorCode.INSUFFICIENT_FUNDS, "amount");
        }

        @Test
        void refuses_return_above_available_balance() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "200.00"));
            assertRefusal(ledger.refuse(Op.RETURN, officer("HOSP"), returnRequest("R-1", "G", "50.01")),
                    ErrorCode.INSUFFICIENT_FUNDS, "amount");
        }

        @Test
        void return_moves_unspent_money_back_to_the_parent_which_can_use_it_again() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.RETURN, officer("HOSP"), returnRequest("R-1", "G", "100.00"));
            assertBalance(ledger.balance("G"), "250.00", "0.00", "0.00", "0.00", "100.00", "0.00", "150.00");
            assertBalance(ledger.balance("D"), "600.00", "250.00", "0.00", "100.00", "0.00", "0.00", "450.00");
            ledger.transfer("T-X", "D", "HOSP", "X", "450.00", officer("HEALTH"));
            assertThat(ledger.balance("D").available()).isEqualTo("0.00");
        }
    }

    @Nested
    class Flow {
        @Test
        void refuses_ministry_transfer_straight_to_an_agency() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("MOF"), transferRequest("T-X", "A", "HOSP", "X",
                    "1.00")), ErrorCode.FLOW_NOT_ALLOWED, "toOrgId");
        }

        @Test
        void refuses_department_transfer_to_another_department() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("HEALTH"), transferRequest("T-X", "D", "EDU", "X",
                    "1.00")), ErrorCode.FLOW_NOT_ALLOWED, "toOrgId");
        }

        @Test
        void refuses_agency_transfer_up_to_its_department() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("HOSP"), transferRequest("T-X", "G", "HEALTH", "X",
                    "1.00")), ErrorCode.FLOW_NOT_ALLOWED, "toOrgId");
        }

        @Test
        void refuses_transfer_to_the_audit_office() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("MOF"), transferRequest("T-X", "A", "AUDIT", "X",
                    "1.00")), ErrorCode.FLOW_NOT_ALLOWED, "toOrgId");
        }

        @Test
        void refuses_spending_by_the_ministry() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.SPEND, officer("MOF"), spendRequest("E-1", "A", "1.00")),
                    ErrorCode.FLOW_NOT_ALLOWED, "allocationId");
        }

        @Test
        void refuses_return_from_an_appropriation() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.RETURN, officer("MOF"), returnRequest("R-1", "A", "1.00")),
                    ErrorCode.FLOW_NOT_ALLOWED, "allocationId");
        }

        @Test
        void refuses_organisations_whose_parent_breaks_the_tier_order() {
            Ledger ledger = Ledger.withOrganizations();
            assertRefusal(ledger.refuse(Op.REGISTER, admin("MOF"), Requests.of("id", "X", "name", "X", "tier",
                    "AGENCY", "parentId", "MOF", "mspId", "HealthMSP")), ErrorCode.FLOW_NOT_ALLOWED, "parentId");
            assertRefusal(ledger.refuse(Op.REGISTER, admin("MOF"), Requests.of("id", "X", "name", "X", "tier",
                    "DEPARTMENT", "mspId", "HealthMSP")), ErrorCode.FLOW_NOT_ALLOWED, "parentId");
            assertRefusal(ledger.refuse(Op.REGISTER, admin("MOF"), Requests.of("id", "X", "name", "X", "tier",
                    "DEPARTMENT", "parentId", "NOPE", "mspId", "HealthMSP")), ErrorCode.NOT_FOUND, "parentId");
        }
    }

    @Nested
    class Authority {
        @Test
        void only_the_holder_may_transfer_from_an_allocation() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("EDU"), transferRequest("T-X", "D", "SCHOOLS", "X",
                    "1.00")), ErrorCode.FORBIDDEN, "fromAllocationId");
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("MOF"), transferRequest("T-X", "D", "HOSP", "X",
                    "1.00")), ErrorCode.FORBIDDEN, "fromAllocationId");
        }

        @Test
        void only_the_holder_may_spend_return_or_report_outcomes() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.SPEND, officer("HEALTH"), spendRequest("E-1", "G", "1.00")),
                    ErrorCode.FORBIDDEN, "allocationId");
            assertRefusal(ledger.refuse(Op.RETURN, officer("SCHOOLS"), returnRequest("R-1", "G", "1.00")),
                    ErrorCode.FORBIDDEN, "allocationId");
            assertRefusal(ledger.refuse(Op.OUTCOME, officer("HOSP"), outcomeRequest("O-1", List.of("D", "G"))),
                    ErrorCode.FORBIDDEN, "allocationIds[0]");
        }

        @Test
        void only_the_ministry_appropriates() {
            Ledger ledger = Ledger.withOrganizations();
            assertRefusal(ledger.refuse(Op.APPROPRIATE, officer("HEALTH"), Ledger.appropriation("A", "1.00",
                    "EUR")), ErrorCode.FORBIDDEN, "fundtrail.org");
        }

        @Test
        void only_the_ministry_registers_organisations() {
            Ledger ledger = Ledger.withOrganizations();
            assertRefusal(ledger.refuse(Op.REGISTER, admin("HEALTH"), Requests.of("id", "X", "name", "X", "tier",
                    "AGENCY", "parentId", "HEALTH", "mspId", "HealthMSP")), ErrorCode.FORBIDDEN, "fundtrail.org");
        }

        @Test
        void an_org_registered_to_one_msp_cannot_be_acted_for_from_another() {
            Ledger ledger = Ledger.withTree();
            Caller impostor = new Caller("EducationMSP", "HEALTH", Caller.OFFICER);
            assertRefusal(ledger.refuse(Op.TRANSFER, impostor, transferRequest("T-X", "D", "HOSP", "X", "1.00")),
                    ErrorCode.FORBIDDEN, "mspId");
        }

        @Test
        void refuses_callers_without_the_org_attribute_or_with_an_unknown_org() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, new Caller("HealthMSP", null, Caller.OFFICER),
                    transferRequest("T-X", "D", "HOSP", "X", "1.00")), ErrorCode.FORBIDDEN, "fundtrail.org");
            assertRefusal(ledger.refuse(Op.TRANSFER, new Caller("HealthMSP", "GHOST", Caller.OFFICER),
                    transferRequest("T-X", "D", "HOSP", "X", "1.00")), ErrorCode.FORBIDDEN, "fundtrail.org");
        }

        @Test
        void auditors_and_missing_roles_may_not_move_money() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, new Caller("HealthMSP", "HEALTH", Caller.AUDITOR),
                    transferRequest("T-X", "D", "HOSP", "X", "1.00")), ErrorCode.FORBIDDEN, "fundtrail.role");
            assertRefusal(ledger.refuse(Op.SPEND, new Caller("HealthMSP", "HOSP", null),
                    spendRequest("E-X", "G", "1.00")), ErrorCode.FORBIDDEN, "fundtrail.role");
            assertRefusal(ledger.refuse(Op.APPROPRIATE, admin("MOF"), Ledger.appropriation("A2", "1.00", "EUR")),
                    ErrorCode.FORBIDDEN, "fundtrail.role");
        }

        @Test
        void the_first_organisation_must_be_the_ministry_registered_by_its_own_admin() {
            Ledger ledger = new Ledger();
            Map<String, Object> ministry = Requests.of("id", "MOF", "name", "Ministry of Finance", "tier",
                    "MINISTRY", "mspId", "FinanceMSP");
            assertRefusal(ledger.refuse(Op.REGISTER, admin("HEALTH"), ministry), ErrorCode.FORBIDDEN,
                    "fundtrail.org");
            assertRefusal(ledger.refuse(Op.REGISTER, new Caller("HealthMSP", "MOF", Caller.ADMIN), ministry),
                    ErrorCode.FORBIDDEN, "mspId");
            assertRefusal(ledger.refuse(Op.REGISTER, officer("MOF"), ministry), ErrorCode.FORBIDDEN,
                    "fundtrail.role");
            assertRefusal(ledger.refuse(Op.REGISTER, admin("HEALTH"), Requests.of("id", "HEALTH", "name", "H",
                    "tier", "DEPARTMENT", "mspId", "HealthMSP")), ErrorCode.FLOW_NOT_ALLOWED, "tier");
            ledger.run(Op.REGISTER, admin("MOF"), ministry);
            assertRefusal(ledger.refuse(Op.REGISTER, admin("MOF"), Requests.of("id", "MOF2", "name", "Second",
                    "tier", "MINISTRY", "mspId", "FinanceMSP")), ErrorCode.ALREADY_EXISTS, "tier");
        }

        @Test
        void reversal_is_for_the_holder_of_the_source_or_the_ministry() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "10.00"));
            assertRefusal(ledger.refuse(Op.REVERSE, officer("HEALTH"), reverseRequest("V-1", "E-1")),
                    ErrorCode.FORBIDDEN, "originalId");
            ledger.run(Op.REVERSE, officer("MOF"), reverseRequest("V-1", "E-1"));
            assertThat(ledger.balance("G").spent()).isEqualTo("0.00");
        }
    }

    @Nested
    class AppendOnly {
        @Test
        void ids_are_unique_across_every_record_type() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("HEALTH"), transferRequest("T-G", "D", "HOSP", "Z",
                    "1.00")), ErrorCode.ALREADY_EXISTS, "id");
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("HEALTH"), transferRequest("T-Z", "D", "HOSP", "G",
                    "1.00")), ErrorCode.ALREADY_EXISTS, "toAllocationId");
            assertRefusal(ledger.refuse(Op.SPEND, officer("HOSP"), spendRequest("HEALTH", "G", "1.00")),
                    ErrorCode.ALREADY_EXISTS, "id");
            assertRefusal(ledger.refuse(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("A", "1.00", "EUR")),
                    ErrorCode.ALREADY_EXISTS, "id");
        }

        @Test
        void a_retried_submission_is_refused_and_never_double_counts() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "10.00"));
            assertRefusal(ledger.refuse(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "10.00")),
                    ErrorCode.ALREADY_EXISTS, "id");
            assertThat(ledger.balance("G").spent()).isEqualTo("10.00");
        }

        @Test
        void transactions_only_create_keys_except_balances() {
            Ledger ledger = Ledger.withTree();
            var before = ledger.state.snapshot();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "10.00"));
            ledger.run(Op.RETURN, officer("HOSP"), returnRequest("R-1", "G", "5.00"));
            ledger.run(Op.OUTCOME, officer("HOSP"), outcomeRequest("O-1", List.of("G")));
            ledger.run(Op.REVERSE, officer("HOSP"), reverseRequest("V-1", "E-1"));
            var after = ledger.state.snapshot();
            String balancePrefix = Keys.record(RecordType.BALANCE, "");
            balancePrefix = balancePrefix.substring(0, balancePrefix.length() - 1);
            for (var entry : before.entrySet()) {
                if (!entry.getKey().startsWith(balancePrefix)) {
                    assertThat(after.get(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
                }
            }
            assertThat(after.keySet()).containsAll(before.keySet());
        }

        @Test
        void a_record_is_reversed_only_once_and_the_original_is_kept() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "10.00"));
            String original = ledger.state.snapshot().get(Keys.record(RecordType.EXPENDITURE, "E-1"));
            ledger.run(Op.REVERSE, officer("HOSP"), reverseRequest("V-1", "E-1"));
            assertRefusal(ledger.refuse(Op.REVERSE, officer("HOSP"), reverseRequest("V-2", "E-1")),
                    ErrorCode.ALREADY_EXISTS, "originalId");
            assertThat(ledger.state.snapshot().get(Keys.record(RecordType.EXPENDITURE, "E-1"))).isEqualTo(original);
        }
    }

    @Nested
    class Reversal {
        @Test
        void reversing_an_untouched_transfer_restores_the_parent_and_empties_the_child() {
            Ledger ledger = Ledger.withTree();
            List<LedgerRecord> written = ledger.run(Op.REVERSE, officer("HEALTH"), reverseRequest("V-1", "T-G"));
            assertThat(written).extracting(LedgerRecord::type).containsExactly(RecordType.REVERSAL,
                    RecordType.BALANCE, RecordType.BALANCE);
            assertBalance(ledger.balance("D"), "600.00", "0.00", "0.00", "0.00", "0.00", "0.00", "600.00");
            assertBalance(ledger.balance("G"), "250.00", "0.00", "0.00", "0.00", "0.00", "250.00", "0.00");
            assertRefusal(ledger.refuse(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "0.01")),
                    ErrorCode.INSUFFICIENT_FUNDS, "amount");
        }

        @Test
        void refuses_to_reverse_a_transfer_whose_child_was_used() {
            Ledger ledger = Ledger.withTree();
            ledger.run(Op.SPEND, officer("HOSP"), spendRequest("E-1", "G", "0.01"));
            assertRefusal(ledger.refuse(Op.REVERSE, officer("HEALTH"), reverseRequest("V-1", "T-G")),
                    ErrorCode.NOT_REVERSIBLE, "originalId");
        }

        @Test
        void refuses_to_reverse_other_record_types_or_unknown_ids() {
            Ledger ledger = Ledger.withTree();
            assertRefusal(ledger.refuse(Op.REVERSE, officer("HEALTH"), reverseRequest("V-1", "D")),
                    ErrorCode.INVALID_ARGUMENT, "originalId");
            assertRefusal(ledger.refuse(Op.REVERSE, officer("HEALTH"), reverseRequest("V-1", "NOPE")),
                    ErrorCode.NOT_FOUND, "originalId");
        }
    }

    @Nested
    class Currency {
        @Test
        void refuses_a_currency_other_than_the_tree_s() {
            Ledger ledger = Ledger.withTree();
            Map<String, Object> request = transferRequest("T-X", "D", "HOSP", "X", "1.00");
            request.put("currency", "USD");
            assertRefusal(ledger.refuse(Op.TRANSFER, officer("HEALTH"), request), ErrorCode.CURRENCY_MISMATCH,
                    "currency");
            Map<String, Object> spend = spendRequest("E-X", "G", "1");
            spend.put("currency", "JPY");
            assertRefusal(ledger.refuse(Op.SPEND, officer("HOSP"), spend), ErrorCode.CURRENCY_MISMATCH,
                    "currency");
        }

        @Test
        void minor_units_follow_the_currency() {
            Ledger ledger = Ledger.withOrganizations();
            ledger.run(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("J", "1000", "JPY"));
            ledger.run(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("K", "1.005", "KWD"));
            assertThat(ledger.balance("J").available()).isEqualTo("1000");
            assertThat(ledger.balance("K").available()).isEqualTo("1.005");
            assertRefusal(ledger.refuse(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("J2", "1.5", "JPY")),
                    ErrorCode.INVALID_ARGUMENT, "amount");
            assertRefusal(ledger.refuse(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("E2", "1.005",
                    "EUR")), ErrorCode.INVALID_ARGUMENT, "amount");
        }

        @Test
        void amounts_of_a_quadrillion_major_units_work_exactly() {
            Ledger ledger = Ledger.withOrganizations();
            ledger.run(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("BIG", "1000000000000000.000", "KWD"));
            Map<String, Object> t = transferRequest("T-BIG", "BIG", "HEALTH", "BIG-D", "999999999999999.999");
            t.put("currency", "KWD");
            ledger.run(Op.TRANSFER, officer("MOF"), t);
            assertThat(ledger.balance("BIG").available()).isEqualTo("0.001");
            assertThat(ledger.balance("BIG-D").available()).isEqualTo("999999999999999.999");
        }

        @Test
        void running_totals_that_would_overflow_are_refused() {
            Ledger ledger = Ledger.withOrganizations();
            ledger.run(Op.APPROPRIATE, officer("MOF"), Ledger.appropriation("BIG", "1000000000000000", "KWD"));
            Refusal refusal = null;
            for (int i = 0; i < 20 && refusal == null; i++) {
                Map<String, Object> t = transferRequest("T" + i, "BIG", "HEALTH", "C" + i, "1000000000000000");
                t.put("currency", "KWD");
                refusal = ledger.attempt(Op.TRANSFER, officer("MOF"), t);
                if (refusal != null) {
                    break;
                }
                Map<String, Object> back = returnRequest("R" + i, "C" + i, "1000000000000000");
                back.put("currency", "KWD");
                refusal = ledger.attempt(Op.RETURN, officer("HEALTH"), back);
            }
            assertThat(refusal).as("cycling 10^15 KWD up and down must hit the limit").isNotNull();
            assertRefusal(refusal, ErrorCode.LIMIT_EXCEEDED, "amount");
            Balance big = ledger.balance("BIG");
            assertThat(big.availableMinor()).isEqualTo(big.receivedMinor() + big.returnedInMinor()
                    - big.transferredMinor());
        }
    }
}

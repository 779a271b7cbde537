package org.fundtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.OutcomeRequest;
import org.fundtrail.client.ReturnRequest;
import org.fundtrail.client.ReversalRequest;
import org.fundtrail.client.SubmitRequest;
import org.fundtrail.client.TransferRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleBudgetTest {
    private static final Pattern ID = org.fundtrail.chaincode.domain.Ids.PATTERN;
    private static final Pattern COFOG = Pattern.compile("(0[1-9]|10)(\\.[0-9](\\.[0-9])?)?");
    private static SampleBudget budget;

    @BeforeAll
    static void generate() {
        budget = SampleBudget.newInstance().build();
    }

    private static long minor(String amount) {
        return Money.parse("amount", amount, SampleBudget.CURRENCY).minorUnits();
    }

    private static List<Step> committing(SampleBudget b) {
        return b.steps().stream().filter(s -> s.expectedRefusal().isEmpty()).toList();
    }

    @Test
    void default_scale_gives_thousands_of_transfers_and_three_to_five_thousand_steps() {
        Map<String, Integer> counts = budget.committingCounts();
        assertThat(budget.scale()).isEqualTo(SampleBudget.DEFAULT_SCALE);
        assertThat(counts.get("Transfer")).isGreaterThanOrEqualTo(2000);
        assertThat(budget.steps()).hasSizeBetween(3000, 5000);
        assertThat(counts.get("RecordExpenditure")).isGreaterThanOrEqualTo(1000);
        assertThat(counts.get("RecordOutcome")).isGreaterThanOrEqualTo(50);
        assertThat(counts.get("ReturnFunds")).isGreaterThanOrEqualTo(3);
        assertThat(counts.get("Reverse")).isGreaterThanOrEqualTo(3);
        assertThat(counts.get("RegisterOrganization")).isEqualTo(1 + 6 + 1 + 27);
    }

    @Test
    void organisations_are_registered_ministry_first_by_its_admin_then_departments_then_agencies() {
        List<Step> orgs = budget.steps().stream().filter(s -> s.request() instanceof OrganizationRequest
                && s.expectedRefusal().isEmpty()).toList();
        Step first = budget.steps().get(0);
        assertThat(first.request()).isInstanceOf(OrganizationRequest.class);
        assertThat(((OrganizationRequest) first.request()).id()).isEqualTo("MOF");
        assertThat(first.identity()).isEqualTo("FinanceMSP/Admin");
        assertThat(orgs.stream().skip(1)).allSatisfy(s -> assertThat(s.identity()).isEqualTo("FinanceMSP/officer@mof"));
        long departments = orgs.stream().filter(s -> s.phase() == Phase.DEPARTMENTS
                && ((OrganizationRequest) s.request()).tier().name().equals("DEPARTMENT")).count();
        long agencies = orgs.stream().filter(s -> s.phase() == Phase.AGENCIES).count();
        assertThat(departments).isGreaterThanOrEqualTo(6);
        assertThat(agencies).isGreaterThanOrEqualTo(25);
    }

    @Test
    void appropriations_cover_two_fiscal_years_classified_by_cofog_with_programme_and_legal_reference() {
        List<AppropriationRequest> aps = budget.steps().stream().map(Step::request)
                .filter(AppropriationRequest.class::isInstance).map(AppropriationRequest.class::cast).toList();
        assertThat(aps).extracting(AppropriationRequest::fiscalYear).containsOnly(2025, 2026);
        assertThat(aps.stream().filter(a -> a.fiscalYear() == 2025).count())
                .isEqualTo(aps.stream().filter(a -> a.fiscalYear() == 2026).count());
        assertThat(aps).allSatisfy(a -> {
            assertThat(a.currency()).isEqualTo("EUR");
            assertThat(a.classification().cofog()).matches(COFOG);
            assertThat(a.classification().programme()).isNotBlank();
            assertThat(a.legalReference()).contains("Budget Act " + a.fiscalYear());
        });
        assertThat(aps).extracting(a -> a.classification().cofog().substring(0, 2))
                .contains("04", "05", "07", "08", "09", "10");
        assertThat(aps).extracting(a -> a.classification().cofog()).contains("04.5", "04.5.1", "07.3", "09.1");
        assertThat(budget.appropriationIds()).hasSize(aps.size());
    }

    @Test
    void ids_are_valid_and_every_record_id_is_unique_across_the_ledger() {
        Set<String> ids = new HashSet<>();
        for (Step step : committing(budget)) {
            assertThat(step.request().id()).matches(ID);
            assertThat(ids.add(step.request().id())).as("unique %s", step.request().id()).isTrue();
            if (step.request() instanceof TransferRequest t) {
                assertThat(t.toAllocationId()).matches(ID);
                assertThat(ids.add(t.toAllocationId())).as("unique %s", t.toAllocationId()).isTrue();
            }
        }
        for (Step step : budget.plannedRefusals()) {
            assertThat(step.request().id()).matches(ID);
        }
        assertThat(budget.plannedAvailable().keySet()).isSubsetOf(ids);
    }

    /**
     * Replays the steps against a model of the chaincode's rules (holder, tiers, balances) that is
     * independent of the generator's own plan, and compares the result with the plan.
     */
    @Test
    void no_allocation_ever_goes_negative_and_the_plan_matches_a_replay_of_the_steps() {
        Map<String, Long> available = new HashMap<>();
        Map<String, String> holder = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, String> tier = new HashMap<>();
        Map<String, SubmitRequest> records = new HashMap<>();
        Set<String> touched = new HashSet<>();
        for (Step step : committing(budget)) {
            SubmitRequest r = step.request();
            records.put(r.id(), r);
            if (r instanceof OrganizationRequest o) {
                tier.put(o.id(), o.tier().name());
            } else if (r instanceof AppropriationRequest a) {
                assertSubmittedBy(step, "MOF");
                available.put(a.id(), minor(a.amount()));
                holder.put(a.id(), "MOF");
            } else if (r instanceof TransferRequest t) {
                assertSubmittedBy(step, holder.get(t.fromAllocationId()));
                String from = tier.get(holder.get(t.fromAllocationId()));
                assertThat(from + ">" + tier.get(t.toOrgId())).isIn("MINISTRY>DEPARTMENT", "DEPARTMENT>AGENCY");
                take(available, t.fromAllocationId(), minor(t.amount()));
                touched.add(t.fromAllocationId());
                available.put(t.toAllocationId(), minor(t.amount()));
                holder.put(t.toAllocationId(), t.toOrgId());
                parent.put(t.toAllocationId(), t.fromAllocationId());
            } else if (r instanceof ExpenditureRequest e) {
                assertSubmittedBy(step, holder.get(e.allocationId()));
                assertThat(tier.get(holder.get(e.allocationId()))).isIn("DEPARTMENT", "AGENCY");
                take(available, e.allocationId(), minor(e.amount()));
                touched.add(e.allocationId());
            } else if (r instanceof ReturnRequest ret) {
                assertSubmittedBy(step, holder.get(ret.allocationId()));
                take(available, ret.allocationId(), minor(ret.amount()));
                available.merge(parent.get(ret.allocationId()), minor(ret.amount()), Long::sum);
                touched.add(ret.allocationId());
            } else if (r instanceof ReversalRequest rev) {
                SubmitRequest original = records.get(rev.originalId());
                if (original instanceof TransferRequest t) {
                    assertThat(touched).doesNotContain(t.toAllocationId());
                    available.merge(t.fromAllocationId(), minor(t.amount()), Long::sum);
                    available.put(t.toAllocationId(), 0L);
                } else {
                    ExpenditureRequest e = (ExpenditureRequest) original;
                    available.merge(e.allocationId(), minor(e.amount()), Long::sum);
                }
            } else if (r instanceof OutcomeRequest o) {
                assertThat(o.allocationIds()).isNotEmpty().hasSizeLessThanOrEqualTo(50)
                        .allSatisfy(id -> assertSubmittedBy(step, holder.get(id)));
            }
        }
        assertThat(available).allSatisfy((id, value) -> assertThat(value).as(id).isNotNegative());
        Map<String, String> replayed = new HashMap<>();
        available.forEach((id, value) -> replayed.put(id, Money.decimal(value, "EUR")));
        assertThat(budget.plannedAvailable()).containsExactlyInAnyOrderEntriesOf(replayed);
        // The planned overspend and over-return exceed what the replay says is available.
        for (Step step : budget.plannedRefusals()) {
            if (step.expectedCode() == ErrorCode.INSUFFICIENT_FUNDS) {
                String allocation = step.request() instanceof ExpenditureRequest e ? e.allocationId()
                        : ((ReturnRequest) step.request()).allocationId();
                String amount = step.request() instanceof ExpenditureRequest e ? e.amount()
                        : ((ReturnRequest) step.request()).amount();
                assertThat(minor(amount)).isGreaterThan(available.get(allocation));
            }
        }
    }

    private static void take(Map<String, Long> available, String id, long amount) {
        assertThat(amount).as("amount from %s", id).isPositive();
        long after = available.get(id) - amount;
        assertThat(after).as("available of %s", id).isNotNegative();
        available.put(id, after);
    }

    private static void assertSubmittedBy(Step step, String orgId) {
        assertThat(step.user()).as("%s", step).isEqualTo("officer@" + orgId.toLowerCase(Locale.ROOT));
    }

    @Test
    void expenditures_have_payees_dates_inside_the_fiscal_year_and_evidence_hashing_their_document() throws Exception {
        Map<String, Integer> yearOf = new HashMap<>();
        budget.steps().forEach(s -> {
            if (s.request() instanceof AppropriationRequest a) {
                yearOf.put(a.id(), a.fiscalYear());
            } else if (s.request() instanceof TransferRequest t) {
                yearOf.put(t.toAllocationId(), yearOf.get(t.fromAllocationId()));
            }
        });
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<ExpenditureRequest> spending = committing(budget).stream().map(Step::request)
                .filter(ExpenditureRequest.class::isInstance).map(ExpenditureRequest.class::cast).toList();
        assertThat(spending).allSatisfy(e -> {
            assertThat(e.payee().name()).isNotBlank();
            assertThat(e.payee().identifier()).matches("5299[0-9A-Z]{14}[0-9]{2}");
            assertThat(LocalDate.parse(e.date()).getYear()).isEqualTo(yearOf.get(e.allocationId()));
            assertThat(e.category()).isNotBlank();
            assertEvidence(sha, e.evidence());
        });
        assertThat(spending.stream().map(e -> e.payee().name()).distinct().count()).isGreaterThan(50);
    }

    private static void assertEvidence(MessageDigest sha, Evidence evidence) {
        String document = budget.documents().get(evidence.uri());
        assertThat(document).as(evidence.uri()).isNotNull();
        assertThat(evidence.sha256()).isEqualTo(HexFormat.of().formatHex(
                sha.digest(document.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void outcomes_report_indicators_with_units_baselines_targets_and_actuals() {
        List<OutcomeRequest> outcomes = committing(budget).stream().map(Step::request)
                .filter(OutcomeRequest.class::isInstance).map(OutcomeRequest.class::cast).toList();
        assertThat(outcomes).extracting(OutcomeRequest::indicator)
                .contains("Hospital beds available", "Pupils enrolled in primary education", "Road km resurfaced");
        assertThat(outcomes).extracting(OutcomeRequest::period).containsOnly("2025", "2026-H1");
        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.unit()).isNotBlank();
            assertThat(o.baseline()).matches("-?[0-9]+(\\.[0-9]+)?");
            assertThat(o.target()).matches("-?[0-9]+(\\.[0-9]+)?");
            assertThat(o.actual()).matches("-?[0-9]+(\\.[0-9]+)?");
        });
    }

    @Test
    void planned_refusals_include_an_overspend_a_wrong_org_and_a_ministry_to_agency_transfer() {
        Map<ErrorCode, Integer> codes = new EnumMap<>(ErrorCode.class);
        budget.plannedRefusals().forEach(s -> codes.merge(s.expectedCode(), 1, Integer::sum));
        assertThat(codes).containsKeys(ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.FORBIDDEN, ErrorCode.FLOW_NOT_ALLOWED);
        assertThat(budget.plannedRefusals()).allSatisfy(s -> {
            assertThat(s.phase()).isEqualTo(Phase.REFUSALS);
            assertThat(s.note()).isNotBlank();
        });
        Step skip = budget.plannedRefusals().stream().filter(s -> s.request() instanceof TransferRequest t
                && t.fromAllocationId().startsWith("AP-") && s.expectedCode() == ErrorCode.FLOW_NOT_ALLOWED)
                .findFirst().orElseThrow();
        assertThat(skip.user()).isEqualTo("officer@mof");
    }

    @Test
    void highlights_name_committed_records_of_the_budget() {
        SampleBudget.Highlights h = budget.highlights();
        Map<String, String> committed = new HashMap<>();
        committing(budget).forEach(s -> committed.put(s.request().id(), s.request().transactionName()));
        assertThat(committed.get(h.appropriationId())).isEqualTo("Appropriate");
        assertThat(committed.get(h.expenditureId())).isEqualTo("RecordExpenditure");
        assertThat(committed.get(h.outcomeId())).isEqualTo("RecordOutcome");
        assertThat(committed.get(h.reversedTransferId())).isEqualTo("Transfer");
        assertThat(committed.get(h.returnId())).isEqualTo("ReturnFunds");
        assertThat(committing(budget)).anySatisfy(s -> assertThat(s.request())
                .isInstanceOfSatisfying(ReversalRequest.class, r -> assertThat(r.originalId())
                        .isEqualTo(h.reversedTransferId())));
    }

    @Test
    void the_same_seed_and_scale_give_the_same_budget_and_another_seed_another() {
        SampleBudget a = SampleBudget.newInstance().seed(7).scale(2).build();
        SampleBudget b = SampleBudget.newInstance().seed(7).scale(2).build();
        SampleBudget c = SampleBudget.newInstance().seed(8).scale(2).build();
        assertThat(a.steps()).isEqualTo(b.steps());
        assertThat(a.plannedAvailable()).isEqualTo(b.plannedAvailable());
        assertThat(a.documents()).isEqualTo(b.documents());
        assertThat(c.steps()).isNotEqualTo(a.steps());
    }

    @Test
    void a_small_scale_gives_a_small_budget_with_the_same_structure() {
        SampleBudget small = SampleBudget.newInstance().scale(1).build();
        assertThat(small.steps()).hasSizeBetween(500, 1200);
        assertThat(small.committingCounts().keySet()).isEqualTo(budget.committingCounts().keySet());
        assertThat(small.plannedRefusals()).hasSameSizeAs(budget.plannedRefusals());
        assertThatThrownBy(() -> SampleBudget.newInstance().scale(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

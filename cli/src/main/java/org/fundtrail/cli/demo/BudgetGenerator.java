package org.fundtrail.cli.demo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.cli.demo.Programmes.Department;
import org.fundtrail.cli.demo.Programmes.Indicator;
import org.fundtrail.cli.demo.Programmes.Programme;
import org.fundtrail.cli.demo.Programmes.Sector;
import org.fundtrail.client.AppropriationRequest;
import org.fundtrail.client.ExpenditureRequest;
import org.fundtrail.client.OrganizationRequest;
import org.fundtrail.client.OutcomeRequest;
import org.fundtrail.client.ReturnRequest;
import org.fundtrail.client.ReversalRequest;
import org.fundtrail.client.SubmitRequest;
import org.fundtrail.client.TransferRequest;
import org.fundtrail.network.definition.FundtrailOrgDefinition;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;

/** Generates a {@link SampleBudget}: one pass, in step order, with a running plan of balances. */
final class BudgetGenerator {
    private static final String EUR = SampleBudget.CURRENCY;
    private static final String MINISTRY = "MOF";
    private static final String AUDITOR = "AUDIT";
    private static final String EVIDENCE_BASE = "https://spending.example.org/evidence/";
    /** FY2026 is in progress: tranches Q1–Q3 transferred, spending dated up to this month. */
    private static final int LAST_TRANCHE_2026 = 3;
    private static final int LAST_SPENDING_MONTH_2026 = 9;
    private static final int MAX_OUTCOME_ALLOCATIONS = 50;

    private final long seed;
    private final int scale;
    private final NetworkDefinition network;
    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Planned> plan = new LinkedHashMap<>();
    private final List<String> appropriations = new ArrayList<>();
    private final Map<String, String> documents = new LinkedHashMap<>();
    private final Map<String, List<Payee>> suppliers = new HashMap<>();
    private final Map<String, Money> firstExpenditure = new HashMap<>();
    private Phase phase;

    /** An allocation as planned: who holds it, where it came from, what is still available. */
    private static final class Planned {
        final String id;
        final String holder;
        final String parent;
        final int year;
        final int quarter;
        final int month;
        final Programme programme;
        long available;
        boolean spent;
        boolean reserved;

        Planned(String id, String holder, String parent, int year, int quarter, int month, Programme programme,
                long amount) {
            this.id = id;
            this.month = month;
            this.holder = holder;
            this.parent = parent;
            this.year = year;
            this.quarter = quarter;
            this.programme = programme;
            this.available = amount;
        }
    }

    BudgetGenerator(long seed, int scale, NetworkDefinition network) {
        this.seed = seed;
        this.scale = scale;
        this.network = network;
        this.random = new Random(seed);
    }

    SampleBudget generate() {
        for (Sector sector : Sector.values()) {
            addSuppliers(sector);
        }
        registerOrganisations();
        appropriate();
        trancheToDepartments();
        instalmentsToAgencies();
        spend();
        correct();
        refuse();
        Map<String, String> available = new LinkedHashMap<>();
        plan.values().forEach(p -> available.put(p.id, Money.decimal(p.available, EUR)));
        return new SampleBudget(seed, scale, steps, available, appropriations, documents);
    }

    // ---- organisations ---------------------------------------------------------------------

    private void registerOrganisations() {
        FundtrailOrgDefinition ministry = org(MINISTRY);
        phase = Phase.MINISTRY;
        add(network.orgHosting(MINISTRY).orElseThrow().mspId(), user(MINISTRY, "Admin"), registration(ministry),
                Set.of(), null, null);
        phase = Phase.DEPARTMENTS;
        for (Department d : Programmes.DEPARTMENTS) {
            addAs(MINISTRY, registration(org(d.id())), Set.of(), null, null);
        }
        addAs(MINISTRY, registration(org(AUDITOR)), Set.of(), null, null);
        user(AUDITOR, "auditor");
        phase = Phase.AGENCIES;
        for (Department d : Programmes.DEPARTMENTS) {
            for (Programme p : d.programmes()) {
                if (p.agencyId() != null) {
                    FundtrailOrgDefinition agency = org(p.agencyId());
                    if (!d.id().equals(agency.parentId())) {
                        throw new IllegalArgumentException("agency '" + agency.id() + "' must have parent '" + d.id()
                                + "' in the network, not '" + agency.parentId() + "'");
                    }
                    addAs(MINISTRY, registration(agency), Set.of(), null, null);
                }
            }
        }
    }

    private OrganizationRequest registration(FundtrailOrgDefinition o) {
        OrgDefinition host = network.orgHosting(o.id()).orElseThrow();
        return new OrganizationRequest(o.id(), o.name(), Tier.valueOf(o.tier()), o.parentId(), host.mspId(),
                o.orgIdentifier());
    }

    private FundtrailOrgDefinition org(String id) {
        return network.fundtrailOrg(id).orElseThrow(() -> new IllegalArgumentException(
                "the network has no organisation '" + id + "' (the sample budget needs the demo network's)"));
    }

    /** Checks the network issues {@code user} to the MSP hosting {@code orgId} for that org. */
    private String user(String orgId, String user) {
        OrgDefinition host = network.orgHosting(orgId).orElseThrow(() -> new IllegalArgumentException(
                "the network has no organisation '" + orgId + "'"));
        boolean known = host.user(user).filter(u -> orgId.equals(u.fundtrailOrg())).isPresent();
        if (!known) {
            throw new IllegalArgumentException("the network has no user '" + user + "' acting for '" + orgId
                    + "' in " + host.mspId());
        }
        return user;
    }

    private static String officerName(String orgId) {
        return "officer@" + orgId.toLowerCase(java.util.Locale.ROOT);
    }

    // ---- appropriations and transfers ------------------------------------------------------

    private void appropriate() {
        phase = Phase.APPROPRIATIONS;
        for (int year : SampleBudget.FISCAL_YEARS) {
            for (Department d : Programmes.DEPARTMENTS) {
                for (Programme p : d.programmes()) {
                    double growth = year == 2025 ? 1.0 : 1.032;
                    double euros = p.millions2025() * 1_000_000 * growth * between(0.98, 1.02);
                    long amount = Math.round(euros / 1000) * 1000 * 100;
                    String id = "AP-" + year + "-" + p.code();
                    AppropriationRequest request = new AppropriationRequest(id, year, Money.decimal(amount, EUR), EUR,
                            new Classification(p.cofog(), p.code(), p.economic()), p.name() + ", fiscal year " + year,
                            "Budget Act " + year + ", chapter " + d.chapter() + ", programme " + p.code());
                    addAs(MINISTRY, request, Set.of(id), null, null);
                    plan.put(id, new Planned(id, MINISTRY, null, year, 0, 1, p, amount));
                    appropriations.add(id);
                }
            }
        }
    }

    private void trancheToDepartments() {
        phase = Phase.DEPARTMENT_TRANSFERS;
        for (String appropriationId : appropriations) {
            Planned ap = plan.get(appropriationId);
            String department = Programmes.DEPARTMENTS.stream()
                    .filter(d -> d.programmes().contains(ap.programme)).findFirst().orElseThrow().id();
            long transferable = Math.round(ap.available * (1 - between(0.01, 0.03)));
            long[] quarters = split(transferable, 4, 0.1);
            int last = ap.year == 2025 ? 4 : LAST_TRANCHE_2026;
            for (int q = 1; q <= last; q++) {
                String suffix = ap.year + "-" + ap.programme.code() + "-Q" + q;
                transfer(MINISTRY, ap, department, "TR-" + suffix, "AL-" + suffix, quarters[q - 1], q,
                        (q - 1) * 3 + 1, "Q" + q + " " + ap.year + " tranche: " + ap.programme.name(),
                        "MOF payment order " + ap.year + "/" + ap.programme.code() + "/Q" + q);
            }
        }
    }

    private void instalmentsToAgencies() {
        phase = Phase.AGENCY_TRANSFERS;
        for (Planned tranche : allocationsAt(1)) {
            Programme p = tranche.programme;
            if (p.agencyId() == null) {
                continue;
            }
            long passOn = Math.round(tranche.available * between(0.97, 0.995));
            long[] parts = split(passOn, scale, 0.3);
            for (int i = 0; i < scale; i++) {
                int month = month(tranche.quarter, i);
                String n = String.format("%02d", i + 1);
                transfer(tranche.holder, tranche, p.agencyId(), "TR-" + tail(tranche.id) + "-" + n,
                        "AL-" + tail(tranche.id) + "-" + n, parts[i], tranche.quarter, month,
                        "Operating grant " + tranche.year + "-" + String.format("%02d", month) + ": " + p.name(),
                        tranche.holder + " grant letter " + tranche.year + "/" + p.code() + "/" + month + "-" + n);
            }
        }
        // A transfer issued twice by mistake: the second is cancelled (reversed) before the agency uses it.
        for (String trancheId : List.of("AL-2025-HLT.01-Q2", "AL-2026-INF.01-Q1")) {
            Planned tranche = plan.get(trancheId);
            long amount = tranche.available / 2;
            Planned child = transfer(tranche.holder, tranche, tranche.programme.agencyId(),
                    "TR-" + tail(trancheId) + "-X", "AL-" + tail(trancheId) + "-X", amount, tranche.quarter,
                    tranche.month + 1,
                    "Advance for equipment: " + tranche.programme.name(),
                    tranche.holder + " grant letter " + tranche.year + "/" + tranche.programme.code() + "/advance");
            child.reserved = true;
            Step last = steps.remove(steps.size() - 1);
            steps.add(new Step(last.index(), last.phase(), last.mspId(), last.user(), last.request(), null,
                    last.balances(), "a transfer issued twice by mistake (cancelled later)"));
        }
    }

    private Planned transfer(String holder, Planned from, String toOrg, String id, String childId, long amount,
                             int quarter, int month, String purpose, String reference) {
        take(from, amount);
        TransferRequest request = new TransferRequest(id, from.id, toOrg, childId, Money.decimal(amount, EUR), EUR,
                purpose, reference);
        addAs(holder, request, Set.of(from.id, childId), null, null);
        Planned child = new Planned(childId, toOrg, from.id, from.year, quarter, month, from.programme, amount);
        plan.put(childId, child);
        return child;
    }

    // ---- spending and outcomes -------------------------------------------------------------

    /** Agency allocations set aside for the corrections (no regular spending on them). */
    private static final String DUPLICATE_ON = "AL-2025-HLT.04-Q2-01";
    private static final String ERROR_ON = "AL-2025-EDU.02-Q1-01";
    private static final String SECOND_ERROR_ON = "AL-2026-INF.01-Q2-01";

    private void spend() {
        phase = Phase.SPENDING;
        for (String id : List.of(DUPLICATE_ON, ERROR_ON, SECOND_ERROR_ON)) {
            plan.get(id).reserved = true;
        }
        for (Planned a : new ArrayList<>(plan.values())) {
            if (a.reserved || a.parent == null) {
                continue;
            }
            boolean agency = a.programme.agencyId() != null;
            if (agency && depth(a) != 2) {
                continue;
            }
            boolean current = a.year == 2026;
            if (!agency) {
                if (current && a.quarter > 2) {
                    expenditures(a, 1, between(0.2, 0.4));
                } else {
                    expenditures(a, 2, current ? between(0.6, 0.9) : between(0.9, 0.99));
                }
            } else if (random.nextDouble() < spendingChance(a)) {
                expenditures(a, random.nextDouble() < 0.2 ? 2 : 1, current ? between(0.55, 0.95) : between(0.9, 0.995));
            }
        }
        // An expenditure booked twice (the ministry reverses the duplicate) and payments booked with an
        // extra digit (the agency reverses and books the right amount).
        Planned dup = plan.get(DUPLICATE_ON);
        long amount = dup.available * 2 / 5;
        String category = dup.programme.sector().categories.get(0);
        Payee payee = supplier(category);
        String date = date(dup.year, dup.month);
        expenditure(dup, "EX-" + tail(dup.id) + "-1", amount, payee, category, date, "INV-2025-880412", null);
        expenditure(dup, "EX-" + tail(dup.id) + "-1D", amount, payee, category, date, "INV-2025-880412",
                "the same invoice booked a second time");
        for (String id : List.of(ERROR_ON, SECOND_ERROR_ON)) {
            Planned err = plan.get(id);
            long wrong = err.available / 2 / 100 * 100;
            String category1 = err.programme.sector().categories.get(1);
            expenditure(err, "EX-" + tail(id) + "-1E", wrong, supplier(category1), category1,
                    date(err.year, err.month), "INV-" + tail(id), "amount booked with an extra digit (reversed and "
                    + "corrected later)");
        }
        outcomes();
    }

    /**
     * How likely an agency instalment is to have spending: the first of each quarter always (so
     * every programme shows spending), most others; a December instalment is often left unspent
     * (and returned at year end); FY2026 spending reaches only the first half.
     */
    private double spendingChance(Planned a) {
        int instalment = Integer.parseInt(a.id.substring(a.id.length() - 2));
        if (a.year == 2026) {
            return a.quarter > 2 ? 0 : instalment == 1 ? 1 : 0.6;
        }
        if (a.quarter == 4 && instalment == scale) {
            return 0.7;
        }
        return instalment == 1 ? 1 : 0.92;
    }

    private void expenditures(Planned a, int count, double fraction) {
        long total = Math.round(a.available * fraction);
        long[] parts = split(total, count, 0.4);
        Sector sector = a.programme.sector();
        for (int i = 0; i < count; i++) {
            int lastMonth = a.year == 2026 ? LAST_SPENDING_MONTH_2026 : 12;
            int month = Math.min(a.month + random.nextInt(3), lastMonth);
            String category = sector.categories.get(random.nextInt(sector.categories.size()));
            expenditure(a, "EX-" + tail(a.id) + "-" + (i + 1), parts[i], supplier(category), category,
                    date(a.year, month),
                    "INV-" + a.year + "-" + (100000 + random.nextInt(900000)), null);
        }
        a.spent = true;
    }

    private void expenditure(Planned a, String id, long amount, Payee payee, String category, String date,
                             String invoice, String note) {
        take(a, amount);
        String uri = EVIDENCE_BASE + a.year + "/" + id + ".txt";
        String document = "PAYMENT VOUCHER\n"
                + "Record: " + id + "\n"
                + "Payer: " + org(a.holder).name() + " (" + org(a.holder).orgIdentifier() + ")\n"
                + "Allocation: " + a.id + "\n"
                + "Programme: " + a.programme.code() + " " + a.programme.name() + "\n"
                + "Payee: " + payee.name() + " (LEI " + payee.identifier() + ")\n"
                + "Invoice: " + invoice + "\n"
                + "Category: " + category + "\n"
                + "Date: " + date + "\n"
                + "Amount: " + Money.decimal(amount, EUR) + " " + EUR + "\n";
        Evidence evidence = evidence(uri, document);
        addAs(a.holder, new ExpenditureRequest(id, a.id, Money.decimal(amount, EUR), EUR, payee, category, date,
                evidence), Set.of(a.id), null, note);
        firstExpenditure.putIfAbsent(a.id, new Money(EUR, amount));
    }

    private void outcomes() {
        for (Department d : Programmes.DEPARTMENTS) {
            for (Programme p : d.programmes()) {
                if (p.agencyId() == null) {
                    continue;
                }
                List<String> held2025 = agencyAllocations(p, 2025, 4);
                List<String> held2026 = agencyAllocations(p, 2026, 2);
                int n = 1;
                for (Indicator indicator : p.indicators()) {
                    double t = indicator.target2025() - indicator.baseline();
                    double actual2025 = indicator.baseline() + t * between(0.6, 1.1);
                    outcome(p, "OC-2025-" + p.agencyId() + "-" + n, held2025, indicator, indicator.baseline(),
                            indicator.target2025(), actual2025, "2025");
                    double t2 = indicator.target2026() - actual2025;
                    double actualH1 = actual2025 + t2 * between(0.3, 0.7);
                    outcome(p, "OC-2026-" + p.agencyId() + "-" + n, held2026, indicator, actual2025,
                            indicator.target2026(), actualH1, "2026-H1");
                    n++;
                }
            }
        }
    }

    private List<String> agencyAllocations(Programme p, int year, int lastQuarter) {
        List<String> ids = new ArrayList<>();
        for (Planned a : plan.values()) {
            if (a.programme == p && a.year == year && a.quarter <= lastQuarter && p.agencyId().equals(a.holder)
                    && !a.id.endsWith("-X") && ids.size() < MAX_OUTCOME_ALLOCATIONS) {
                ids.add(a.id);
            }
        }
        return ids;
    }

    private void outcome(Programme p, String id, List<String> allocations, Indicator indicator, double baseline,
                         double target, double actual, String period) {
        String b = measure(baseline, indicator.decimals());
        String t = measure(target, indicator.decimals());
        String a = measure(actual, indicator.decimals());
        String uri = EVIDENCE_BASE + period.substring(0, 4) + "/" + id + ".txt";
        String document = "OUTCOME REPORT\n"
                + "Record: " + id + "\n"
                + "Reported by: " + org(p.agencyId()).name() + " (" + org(p.agencyId()).orgIdentifier() + ")\n"
                + "Programme: " + p.code() + " " + p.name() + " (COFOG " + p.cofog() + ")\n"
                + "Indicator: " + indicator.name() + "\n"
                + "Unit: " + indicator.unit() + "\n"
                + "Period: " + period + "\n"
                + "Baseline: " + b + "\nTarget: " + t + "\nActual: " + a + "\n"
                + "Allocations: " + String.join(", ", allocations) + "\n";
        addAs(p.agencyId(), new OutcomeRequest(id, allocations, indicator.name(), indicator.unit(), b, t, a, period,
                evidence(uri, document)), Set.of(), null, null);
    }

    // ---- corrections -----------------------------------------------------------------------

    private void correct() {
        phase = Phase.CORRECTIONS;
        for (String childId : List.of("AL-2025-HLT.01-Q2-X", "AL-2026-INF.01-Q1-X")) {
            Planned child = plan.get(childId);
            Planned from = plan.get(child.parent);
            from.available += child.available;
            addAs(from.holder, new ReversalRequest("RV-" + tail(childId), "TR-" + tail(childId), ReasonCode.CANCELLED,
                    "Payment instruction issued twice; cancelled before the agency drew on it"),
                    Set.of(from.id, childId), null, "cancelled transfer reversed before use");
            child.available = 0;
        }
        Planned dup = plan.get(DUPLICATE_ON);
        Money duplicated = firstExpenditure.get(DUPLICATE_ON);
        dup.available += duplicated.minorUnits();
        addAs(MINISTRY, new ReversalRequest("RV-" + tail(DUPLICATE_ON) + "-1D", "EX-" + tail(DUPLICATE_ON) + "-1D",
                ReasonCode.DUPLICATE, "Invoice INV-2025-880412 was paid once; the second booking is a duplicate"),
                Set.of(DUPLICATE_ON), null, "duplicate expenditure reversed by the finance ministry");
        for (String id : List.of(ERROR_ON, SECOND_ERROR_ON)) {
            Planned err = plan.get(id);
            long wrong = firstExpenditure.get(id).minorUnits();
            err.available += wrong;
            addAs(err.holder, new ReversalRequest("RV-" + tail(id) + "-1E", "EX-" + tail(id) + "-1E",
                    ReasonCode.DATA_ENTRY_ERROR, "Amount keyed with an extra digit; the correct amount is booked "
                    + "as EX-" + tail(id) + "-1C"), Set.of(id), null, "erroneous expenditure reversed");
            String category1 = err.programme.sector().categories.get(1);
            expenditure(err, "EX-" + tail(id) + "-1C", wrong / 10, supplier(category1), category1,
                    date(err.year, err.month + 1), "INV-" + tail(id), "the corrected expenditure");
        }
        // Year end 2025: December instalments left unspent go back to the department...
        for (Planned a : new ArrayList<>(plan.values())) {
            if (a.year == 2025 && a.quarter == 4 && depth(a) == 2 && !a.spent && !a.reserved
                    && a.id.endsWith(String.format("-%02d", scale)) && a.available > 0) {
                returnFunds(a, a.available, ReasonCode.UNSPENT, "Unspent at the end of fiscal year 2025");
            }
        }
        // ...departments return what is left of their own Q4 tranches, and one programme closes early.
        for (Department d : Programmes.DEPARTMENTS) {
            Planned central = plan.get("AL-2025-" + d.programmes().get(0).code() + "-Q4");
            returnFunds(central, central.available, ReasonCode.UNSPENT, "Unspent at the end of fiscal year 2025");
        }
        Planned closed = plan.get("AL-2025-HLT.05-Q4");
        returnFunds(closed, closed.available, ReasonCode.PROGRAMME_CLOSED,
                "Research call HLT.05/2025-3 closed without awards; funds returned to the appropriation");
    }

    private void returnFunds(Planned a, long amount, ReasonCode code, String reason) {
        if (amount <= 0) {
            return;
        }
        Planned parent = plan.get(a.parent);
        take(a, amount);
        parent.available += amount;
        addAs(a.holder, new ReturnRequest("RT-" + tail(a.id), a.id, Money.decimal(amount, EUR), EUR, code, reason),
                Set.of(a.id, parent.id), null, null);
    }

    // ---- refusals --------------------------------------------------------------------------

    private void refuse() {
        phase = Phase.REFUSALS;
        Planned hosp = plan.get("AL-2025-HLT.01-Q1-01");
        long over = hosp.available + 250_000_00L;
        Payee payee = supplier("Medical equipment");
        String text = "PAYMENT VOUCHER\nRecord: X-OVERSPEND-1\nAmount: " + Money.decimal(over, EUR) + " EUR\n";
        addAs(hosp.holder, new ExpenditureRequest("X-OVERSPEND-1", hosp.id, Money.decimal(over, EUR), EUR, payee,
                        "Medical equipment", "2025-12-30", evidence(EVIDENCE_BASE + "2025/X-OVERSPEND-1.txt", text)),
                Set.of(), ErrorCode.INSUFFICIENT_FUNDS, "an expenditure above the allocation's available balance");
        Planned healthTranche = plan.get("AL-2026-HLT.01-Q1");
        addAs("EDU", new TransferRequest("X-WRONGORG-1", healthTranche.id, "EDU-SCHOOLS", "X-WRONGORG-1-A",
                        "1000000.00", EUR, "School health programme", null),
                Set.of(), ErrorCode.FORBIDDEN, "a department transfers from another department's allocation");
        addAs(MINISTRY, new TransferRequest("X-SKIPTIER-1", "AP-2026-HLT.01", "HEALTH-HOSP", "X-SKIPTIER-1-A",
                        "5000000.00", EUR, "Direct grant to hospitals", null),
                Set.of(), ErrorCode.FLOW_NOT_ALLOWED, "the ministry transfers straight to an agency");
        String doc = "PAYMENT VOUCHER\nRecord: X-MINSPEND-1\n";
        addAs(MINISTRY, new ExpenditureRequest("X-MINSPEND-1", "AP-2026-EDU.01", "120000.00", EUR,
                        supplier("Consultancy"),
                        "Consultancy", "2026-03-02", evidence(EVIDENCE_BASE + "2026/X-MINSPEND-1.txt", doc)),
                Set.of(), ErrorCode.FLOW_NOT_ALLOWED, "the ministry spends from an appropriation");
        Planned pens = plan.get("AL-2025-SOC.01-Q1-01");
        addAs(pens.holder, new ReturnRequest("X-OVERRETURN-1", pens.id, Money.decimal(pens.available + 100_000L, EUR),
                        EUR, ReasonCode.UNSPENT, "Unspent pension payments"),
                Set.of(), ErrorCode.INSUFFICIENT_FUNDS, "a return above the allocation's available balance");
        addAs(MINISTRY, new ReversalRequest("X-LATEREVERSE-1", "TR-2025-EDU.01-Q1", ReasonCode.OTHER,
                        "Reallocation"),
                Set.of(), ErrorCode.NOT_REVERSIBLE, "reversing a transfer whose money was already passed on");
        addAs("HEALTH", new TransferRequest("TR-2025-HLT.01-Q1-01", "AL-2025-HLT.01-Q1", "HEALTH-HOSP",
                        "X-DUPLICATE-1-A", "1.00", EUR, "Operating grant (resubmitted)", null),
                Set.of(), ErrorCode.ALREADY_EXISTS, "a transfer resubmitted under an id already used");
        addAs("HEALTH-HOSP", new OrganizationRequest("HEALTH-HOSP-NORTH", "Northern Hospitals Trust", Tier.AGENCY,
                        "HEALTH", "HealthMSP", null),
                Set.of(), ErrorCode.FORBIDDEN, "an agency registers an organisation");
        add(network.orgHosting(AUDITOR).orElseThrow().mspId(), user(AUDITOR, "auditor"),
                new TransferRequest("X-AUDITOR-1", "AP-2026-HLT.01", "HEALTH", "X-AUDITOR-1-A", "1000.00", EUR,
                        "Audit fee", null),
                Set.of(), ErrorCode.FORBIDDEN, "an auditor tries to move money");
        Planned roads = plan.get("AL-2026-INF.01-Q3-01");
        addAs(roads.holder, new ExpenditureRequest("X-CURRENCY-1", roads.id, "25000.00", "USD", supplier(
                        "Engineering design"), "Engineering design", "2026-08-14",
                        evidence(EVIDENCE_BASE + "2026/X-CURRENCY-1.txt", "PAYMENT VOUCHER\nRecord: X-CURRENCY-1\n")),
                Set.of(), ErrorCode.CURRENCY_MISMATCH, "an expenditure in USD from a EUR allocation");
        addAs("HEALTH", new ReversalRequest("X-REREVERSE-1", "TR-2025-HLT.01-Q2-X", ReasonCode.CANCELLED,
                        "Cancelled"),
                Set.of(), ErrorCode.ALREADY_EXISTS, "reversing a transfer a second time");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void addAs(String orgId, SubmitRequest request, Set<String> balances, ErrorCode expected, String note) {
        add(network.orgHosting(orgId).orElseThrow(() -> new IllegalArgumentException(
                "the network has no organisation '" + orgId + "'")).mspId(), user(orgId, officerName(orgId)),
                request, balances, expected, note);
    }

    private void add(String mspId, String user, SubmitRequest request, Set<String> balances, ErrorCode expected,
                     String note) {
        steps.add(new Step(steps.size(), phase, mspId, user, request, expected, balances, note));
    }

    private static void take(Planned a, long amount) {
        if (amount <= 0) {
            throw new IllegalStateException("planned a non-positive amount on " + a.id);
        }
        if (amount > a.available) {
            throw new IllegalStateException("planned an overspend of " + a.id + ": " + amount + " > " + a.available);
        }
        a.available -= amount;
    }

    private List<Planned> allocationsAt(int depth) {
        return plan.values().stream().filter(p -> depth(p) == depth).toList();
    }

    private int depth(Planned a) {
        int depth = 0;
        for (Planned p = a; p.parent != null; p = plan.get(p.parent)) {
            depth++;
        }
        return depth;
    }

    /** {@code AL-2025-HLT.01-Q1} → {@code 2025-HLT.01-Q1}. */
    private static String tail(String id) {
        return id.substring(id.indexOf('-') + 1);
    }

    /** The month of instalment {@code i} of a quarter's {@code scale} (or of three) instalments. */
    private int month(int quarter, int i) {
        return (quarter - 1) * 3 + 1 + Math.min(2, i * 3 / Math.max(scale, 3));
    }

    private String date(int year, int month) {
        return LocalDate.of(year, month, 1 + random.nextInt(28)).toString();
    }

    private double between(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Splits {@code total} into {@code n} positive parts of random weights 1 ± jitter. */
    private long[] split(long total, int n, double jitter) {
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + jitter * (2 * random.nextDouble() - 1);
            sum += weights[i];
        }
        long[] parts = new long[n];
        long assigned = 0;
        for (int i = 0; i < n - 1; i++) {
            parts[i] = Math.max(1, (long) Math.floor(total * weights[i] / sum));
            assigned += parts[i];
        }
        parts[n - 1] = total - assigned;
        if (parts[n - 1] <= 0) {
            throw new IllegalStateException("cannot split " + total + " into " + n + " parts");
        }
        return parts;
    }

    private static String measure(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    private Evidence evidence(String uri, String document) {
        documents.put(uri, document);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return new Evidence(HexFormat.of().formatHex(hash), uri);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A supplier paid for {@code category}. */
    private Payee supplier(String category) {
        List<Payee> pool = suppliers.get(category);
        return pool.get(random.nextInt(pool.size()));
    }

    /** Four suppliers per category of the sector, named after what they sell. */
    private void addSuppliers(Sector sector) {
        for (int c = 0; c < sector.categories.size(); c++) {
            Set<String> names = new LinkedHashSet<>();
            while (names.size() < 4) {
                names.add(pick(Programmes.SURNAMES) + " " + sector.supplierWords.get(c) + " "
                        + pick(Programmes.SUFFIXES));
            }
            List<Payee> payees = suppliers.computeIfAbsent(sector.categories.get(c), k -> new ArrayList<>());
            for (String name : names) {
                payees.add(new Payee(name, lei()));
            }
        }
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A syntactically valid Legal Entity Identifier (ISO 17442): 18 characters and ISO 7064 check digits. */
    private String lei() {
        String alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        StringBuilder base = new StringBuilder("5299").append("00");
        for (int i = 0; i < 12; i++) {
            base.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (base + "00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return base + String.format("%02d", check);
    }
}

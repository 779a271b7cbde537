package org.fundtrail.cli.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fundtrail.network.definition.NetworkDefinition;

/**
 * A realistic national budget, generated deterministically from a seed (no clock, no other
 * randomness): the organisations of the {@link DemoNetwork}, appropriations for fiscal years 2025
 * and 2026 classified by COFOG function with programme codes and legal references (EUR), quarterly
 * tranches to the departments, instalments to the agencies, expenditures with payees, dates and
 * evidence hashes, outcomes with indicators, baselines, targets and actuals, returns of unspent
 * money, reversals (a cancelled transfer, erroneous and duplicate expenditures) and submissions the
 * ledger must refuse (an overspend, a transfer by the wrong organisation, a ministry-to-agency
 * transfer and more).
 *
 * <p>While generating, the budget keeps a plan of every allocation's available balance and never
 * plans an overspend except the deliberate ones; {@link #plannedAvailable()} is what the ledger
 * must show once all steps are loaded. FY2025 is fully executed; FY2026 is in progress (three
 * tranches transferred, spending in the first half).
 *
 * <pre>{@code
 * SampleBudget budget = SampleBudget.newInstance().seed(7).scale(2).build();
 * for (Step step : budget.steps()) { ... }
 * String available = budget.plannedAvailable().get("AL-2025-HLT.01-Q1");   // "12345.67"
 * }</pre>
 */
public final class SampleBudget {
    /** The default seed. */
    public static final long DEFAULT_SEED = 20260101L;
    /** The default scale: about 4,500 steps of which about 2,500 are transfers. */
    public static final int DEFAULT_SCALE = 12;
    /** The largest scale. */
    public static final int MAX_SCALE = 99;
    /** The fiscal years of the budget. */
    public static final List<Integer> FISCAL_YEARS = List.of(2025, 2026);
    /** The currency of every allocation. */
    public static final String CURRENCY = "EUR";

    private final long seed;
    private final int scale;
    private final List<Step> steps;
    private final Map<String, String> plannedAvailable;
    private final List<String> appropriationIds;
    private final Map<String, String> documents;

    SampleBudget(long seed, int scale, List<Step> steps, Map<String, String> plannedAvailable,
                 List<String> appropriationIds, Map<String, String> documents) {
        this.seed = seed;
        this.scale = scale;
        this.steps = List.copyOf(steps);
        this.plannedAvailable = Collections.unmodifiableMap(new LinkedHashMap<>(plannedAvailable));
        this.appropriationIds = List.copyOf(appropriationIds);
        this.documents = Collections.unmodifiableMap(new LinkedHashMap<>(documents));
    }

    /** @return a builder with the default seed, scale and the demo network */
    public static Builder newInstance() {
        return new Builder();
    }

    /** @return the seed it was generated from */
    public long seed() {
        return seed;
    }

    /** @return its scale: the number of instalments each quarterly tranche is paid to an agency in */
    public int scale() {
        return scale;
    }

    /** @return every step, in phase order and, within a phase, in the order they must be applied */
    public List<Step> steps() {
        return steps;
    }

    /**
     * @return the ids of the appropriations (the roots of the allocation trees), FY2025 first
     */
    public List<String> appropriationIds() {
        return appropriationIds;
    }

    /**
     * The available balance of every allocation once all steps are applied, as canonical decimals of
     * {@link #CURRENCY}; never negative.
     *
     * @return allocation id to available amount, in creation order
     */
    public Map<String, String> plannedAvailable() {
        return plannedAvailable;
    }

    /**
     * The synthetic documents behind the evidence of expenditures and outcomes: each record's
     * {@code evidence.sha256} is the SHA-256 of its document's UTF-8 bytes.
     *
     * @return evidence URI to document text
     */
    public Map<String, String> documents() {
        return documents;
    }

    /** @return how many steps there are of each transaction (e.g. {@code Transfer}), refusals excluded */
    public Map<String, Integer> committingCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Step step : steps) {
            if (step.expectedRefusal().isEmpty()) {
                counts.merge(step.request().transactionName(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Records worth showing first, e.g. in the demo's example commands.
     *
     * @return the highlights of this budget
     */
    public Highlights highlights() {
        return new Highlights(appropriationIds.get(0), firstId("RecordExpenditure", "EX-2025-HLT.01-"),
                firstId("RecordOutcome", "OC-2025-HEALTH-HOSP-"), "TR-2025-HLT.01-Q2-X",
                firstId("ReturnFunds", "RT-2025-"));
    }

    private String firstId(String transaction, String prefix) {
        return steps.stream().filter(s -> s.expectedRefusal().isEmpty()
                        && s.request().transactionName().equals(transaction) && s.request().id().startsWith(prefix))
                .map(s -> s.request().id()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + transaction + " " + prefix + "*"));
    }

    /**
     * Records of the budget worth showing first.
     *
     * <pre>{@code
     * Highlights h = budget.highlights();
     * out.println("fundtrail trace DOWN " + h.appropriationId());
     * out.println("fundtrail trace UP " + h.expenditureId());
     * }</pre>
     *
     * @param appropriationId the FY2025 hospital services appropriation, the root of a large tree
     * @param expenditureId a hospital expenditure, three levels below it
     * @param outcomeId a hospital outcome (beds available)
     * @param reversedTransferId a transfer cancelled by a reversal
     * @param returnId a return of money unspent at the end of 2025
     */
    public record Highlights(String appropriationId, String expenditureId, String outcomeId,
                             String reversedTransferId, String returnId) {
    }

    /** @return the steps the ledger must refuse */
    public List<Step> plannedRefusals() {
        return steps.stream().filter(s -> s.expectedRefusal().isPresent()).toList();
    }

    /**
     * Builds a {@link SampleBudget}.
     *
     * <pre>{@code SampleBudget.newInstance().seed(42).scale(1).build();}</pre>
     */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private int scale = DEFAULT_SCALE;
        private NetworkDefinition network;

        private Builder() {
        }

        /**
         * @param value the seed (default {@link #DEFAULT_SEED}); the same seed and scale give the same budget
         * @return this builder
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value instalments per quarterly tranche to an agency, 1 to {@link #MAX_SCALE}
         *     (default {@link #DEFAULT_SCALE}); 1 gives about 800 steps
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder scale(int value) {
            if (value < 1 || value > MAX_SCALE) {
                throw new IllegalArgumentException("scale must be from 1 to " + MAX_SCALE + ", not " + value);
            }
            this.scale = value;
            return this;
        }

        /**
         * @param value the network whose organisations and users the budget uses (default
         *     {@link DemoNetwork#definition()}); it must host the demo's organisations and officers
         * @return this builder
         */
        public Builder network(NetworkDefinition value) {
            this.network = Objects.requireNonNull(value, "network");
            return this;
        }

        /**
         * @return the budget
         * @throws IllegalArgumentException when the network lacks an organisation or user the budget needs
         */
        public SampleBudget build() {
            return new BudgetGenerator(seed, scale, network == null ? DemoNetwork.definition() : network)
                    .generate();
        }
    }
}

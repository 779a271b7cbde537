package org.fundtrail.cli.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fundtrail.chaincode.domain.ErrorCode;

/**
 * What loading a budget did.
 *
 * <pre>{@code
 * LoadSummary s = loader.load(budget.steps());
 * if (!s.succeeded()) s.failures().forEach(f -> System.err.println(f));
 * }</pre>
 *
 * @param total how many steps were given
 * @param committed steps that committed as planned
 * @param alreadyPresent steps whose record the ledger already held (only when the loader resumes an
 *     earlier, stopped load of the same budget)
 * @param refusals steps the ledger refused as planned, in step order
 * @param failures steps that did not do what was planned (committed when a refusal was expected,
 *     refused with another code, refused when they should commit, or failed to reach the ledger)
 * @param notRun steps not submitted because an earlier phase had failures or the load was stopped
 * @param elapsed wall time of the load
 * @param phaseTimes wall time of each phase that ran, in phase order
 */
public record LoadSummary(int total, int committed, int alreadyPresent, List<Refusal> refusals, List<Failure> failures, int notRun,
                          Duration elapsed, Map<Phase, Duration> phaseTimes) {
    /** Copies the lists and the map. */
    public LoadSummary {
        refusals = List.copyOf(refusals);
        failures = List.copyOf(failures);
        Objects.requireNonNull(elapsed, "elapsed");
        phaseTimes = Collections.unmodifiableMap(new EnumMap<>(phaseTimes));
    }

    /** @return true when every step did what was planned */
    public boolean succeeded() {
        return failures.isEmpty() && notRun == 0 && committed + alreadyPresent + refusals.size() == total;
    }

    /** @return how many planned refusals were seen, per code */
    public Map<ErrorCode, Integer> refusalsByCode() {
        Map<ErrorCode, Integer> counts = new TreeMap<>();
        refusals.forEach(r -> counts.merge(r.code(), 1, Integer::sum));
        return counts;
    }

    /** @return committed steps per second of elapsed time */
    public double committedPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : committed / seconds;
    }

    /**
     * A planned refusal the ledger made.
     *
     * @param step the step
     * @param code the code it was refused with (the planned one)
     * @param message the chaincode's reason
     */
    public record Refusal(Step step, ErrorCode code, String message) {
    }

    /**
     * A step that did not do what was planned.
     *
     * @param step the step
     * @param problem what happened instead
     */
    public record Failure(Step step, String problem) {
        @Override
        public String toString() {
            return step + ": " + problem;
        }
    }
}

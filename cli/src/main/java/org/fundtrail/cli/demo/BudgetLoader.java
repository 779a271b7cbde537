package org.fundtrail.cli.demo;

import java.io.IOException;
import java.util.List;
import org.fundtrail.client.FundtrailLedger;

/**
 * Submits the steps of a budget to a ledger, many in flight, in dependency order: phase by phase
 * ({@link Phase}), each phase starting once every step of the one before has committed; within a
 * phase, a step waits for the earlier steps that change the same allocation balance
 * ({@link Step#balances()}), so transactions do not invalidate each other and planned balances
 * hold. Each step is signed by its own identity. Planned refusals are checked to be refused with
 * their code; anything else that does not commit is a failure, and the load stops after the phase
 * in which one happened (later phases depend on it).
 *
 * <pre>{@code
 * BudgetLoader loader = BudgetLoader.newInstance()
 *     .ledgers((mspId, user) -> FundtrailLedger.newInstance().config(configOf(mspId, user)).build())
 *     .inFlight(32)
 *     .progress((done, total) -> bar.update(done, total))
 *     .build();
 * LoadSummary summary = loader.load(SampleBudget.newInstance().build().steps());
 * }</pre>
 */
public interface BudgetLoader {
    /** The default number of submissions in flight. */
    int DEFAULT_IN_FLIGHT = 32;

    /** @return a builder */
    static Builder newInstance() {
        return new BudgetLoaderImpl.BuilderImpl();
    }

    /**
     * Submits the steps and waits until all are done (or the load stops after a failed phase).
     *
     * @param steps the steps, in the order of {@link SampleBudget#steps()}
     * @return what happened
     * @throws InterruptedException when the calling thread is interrupted; submissions in flight
     *     are abandoned (each either commits or not, as the ledger decides)
     */
    LoadSummary load(List<Step> steps) throws InterruptedException;

    /** Opens the ledger connection of one identity. */
    @FunctionalInterface
    interface Ledgers {
        /**
         * @param mspId the identity's MSP, e.g. {@code HealthMSP}
         * @param user the user name, e.g. {@code officer@health}
         * @return a ledger signing as that user; the loader opens each identity once, on first use,
         *     and closes it when {@link #load} returns
         * @throws IOException when the identity cannot be read or the ledger reached
         */
        FundtrailLedger open(String mspId, String user) throws IOException;
    }

    /** Hears of progress, on the thread that called {@link #load}. */
    @FunctionalInterface
    interface Progress {
        /**
         * @param done steps finished so far (committed, refused or failed)
         * @param total steps in all
         */
        void update(int done, int total);
    }

    /** Builds a {@link BudgetLoader}. */
    interface Builder {
        /**
         * @param ledgers opens a ledger per identity; required
         * @return this builder
         */
        Builder ledgers(Ledgers ledgers);

        /**
         * @param count how many submissions may be in flight at once, 1 to 1024 (default
         *     {@link #DEFAULT_IN_FLIGHT})
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        Builder inFlight(int count);

        /**
         * @param progress called after every finished step (default: nothing)
         * @return this builder
         */
        Builder progress(Progress progress);

        /**
         * @param resume whether to count a step whose record the ledger already holds (the same
         *     submission, which the ledger reports already done, or a refusal {@code ALREADY_EXISTS})
         *     as already loaded rather than as a failure (default false): for loading a budget again
         *     into a ledger that a stopped load of the same budget (same seed and scale) left half
         *     done. A refusal {@code ALREADY_EXISTS} is not compared, so a different budget's records
         *     would pass unnoticed.
         * @return this builder
         */
        Builder resume(boolean resume);

        /**
         * @return the loader
         * @throws NullPointerException when no {@link Ledgers} was given
         */
        BudgetLoader build();
    }
}

package org.fundtrail.cli.demo;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.LedgerException;
import org.fundtrail.client.RefusedException;
import org.fundtrail.client.Submission;

/** The {@link BudgetLoader}: one coordinating thread (the caller's) and a pool of submitters. */
final class BudgetLoaderImpl implements BudgetLoader {
    private final Ledgers ledgers;
    private final int inFlight;
    private final Progress progress;
    private final boolean resume;

    private BudgetLoaderImpl(BuilderImpl builder) {
        this.ledgers = builder.ledgers;
        this.inFlight = builder.inFlight;
        this.progress = builder.progress;
        this.resume = builder.resume;
    }

    /**
     * The outcome of one step, produced on a submitter thread: committed (all null, not present),
     * already present, refused as planned ({@code refusedWith}) or failed ({@code failure}).
     */
    private record Result(Step step, boolean present, ErrorCode refusedWith, String message, String failure) {
        static Result committed(Step step) {
            return new Result(step, false, null, null, null);
        }

        static Result failed(Step step, String failure) {
            return new Result(step, false, null, null, failure);
        }
    }

    @Override
    public LoadSummary load(List<Step> steps) throws InterruptedException {
        Objects.requireNonNull(steps, "steps");
        long start = System.nanoTime();
        Map<Phase, List<Step>> byPhase = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            byPhase.put(phase, new ArrayList<>());
        }
        steps.forEach(s -> byPhase.get(s.phase()).add(s));
        Map<String, FundtrailLedger> open = Collections.synchronizedMap(new LinkedHashMap<>());
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "budget-loader-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(inFlight, threads);
        int committed = 0;
        int present = 0;
        int done = 0;
        int notRun = 0;
        List<Result> results = new ArrayList<>();
        Map<Phase, Duration> phaseTimes = new EnumMap<>(Phase.class);
        try {
            boolean failed = false;
            for (Map.Entry<Phase, List<Step>> entry : byPhase.entrySet()) {
                List<Step> phase = entry.getValue();
                if (failed) {
                    notRun += phase.size();
                    continue;
                }
                long phaseStart = System.nanoTime();
                List<Result> phaseResults = runPhase(phase, pool, open, steps.size(), done);
                phaseTimes.put(entry.getKey(), Duration.ofNanos(System.nanoTime() - phaseStart));
                done += phaseResults.size();
                results.addAll(phaseResults);
                failed = phaseResults.stream().anyMatch(r -> r.failure() != null);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            synchronized (open) {
                open.values().forEach(FundtrailLedger::close);
            }
        }
        results.sort((a, b) -> Integer.compare(a.step().index(), b.step().index()));
        List<LoadSummary.Refusal> refusals = new ArrayList<>();
        List<LoadSummary.Failure> failures = new ArrayList<>();
        for (Result r : results) {
            if (r.failure() != null) {
                failures.add(new LoadSummary.Failure(r.step(), r.failure()));
            } else if (r.refusedWith() != null) {
                refusals.add(new LoadSummary.Refusal(r.step(), r.refusedWith(), r.message()));
            } else if (r.present()) {
                present++;
            } else {
                committed++;
            }
        }
        return new LoadSummary(steps.size(), committed, present, refusals, failures, notRun,
                Duration.ofNanos(System.nanoTime() - start), phaseTimes);
    }

    /**
     * Runs one phase: starts, in list order, every step whose balances no running or earlier waiting
     * step touches, up to {@code inFlight} at once.
     */
    private List<Result> runPhase(List<Step> phase, ExecutorService pool, Map<String, FundtrailLedger> open,
                                  int total, int doneBefore) throws InterruptedException {
        LinkedList<Step> waiting = new LinkedList<>(phase);
        Set<String> busy = new HashSet<>();
        BlockingQueue<Result> finished = new LinkedBlockingQueue<>();
        List<Result> results = new ArrayList<>(phase.size());
        int running = 0;
        while (!waiting.isEmpty() || running > 0) {
            if (running < inFlight && !waiting.isEmpty()) {
                Set<String> blocked = new HashSet<>();
                for (Iterator<Step> it = waiting.iterator(); it.hasNext() && running < inFlight; ) {
                    Step step = it.next();
                    if (Collections.disjoint(step.balances(), busy) && Collections.disjoint(step.balances(), blocked)) {
                        it.remove();
                        busy.addAll(step.balances());
                        running++;
                        pool.execute(() -> finished.add(submit(step, open)));
                    } else {
                        blocked.addAll(step.balances());
                    }
                }
            }
            Result result = finished.take();
            running--;
            busy.removeAll(result.step().balances());
            results.add(result);
            progress.update(doneBefore + results.size(), total);
        }
        return results;
    }

    private Result submit(Step step, Map<String, FundtrailLedger> open) {
        FundtrailLedger ledger;
        try {
            ledger = ledger(step, open);
        } catch (IOException | RuntimeException e) {
            return Result.failed(step, "cannot open the ledger as " + step.identity() + ": " + e.getMessage());
        }
        ErrorCode expected = step.expectedCode();
        try {
            Submission done = ledger.submit(step.request());
            if (expected != null) {
                return Result.failed(step, "committed, but the ledger should have refused it with " + expected);
            }
            if (done.alreadyDone() && resume) {
                return new Result(step, true, null, "already on the ledger (tx " + done.transactionId() + ")", null);
            }
            if (done.alreadyDone()) {
                return Result.failed(step, "already on the ledger (tx " + done.transactionId() + ") "
                        + "[ALREADY_EXISTS]; load with resume to count it as present");
            }
            return Result.committed(step);
        } catch (RefusedException e) {
            if (e.code() == expected) {
                return new Result(step, false, e.code(), e.getMessage(), null);
            }
            if (resume && expected == null && e.code() == ErrorCode.ALREADY_EXISTS) {
                return new Result(step, true, null, e.getMessage(), null);
            }
            return Result.failed(step, "refused with " + e.code() + " (" + e.field() + "): " + e.getMessage()
                    + (expected == null ? "" : "; expected " + expected));
        } catch (LedgerException e) {
            return Result.failed(step, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return Result.failed(step, e.toString());
        }
    }

    private FundtrailLedger ledger(Step step, Map<String, FundtrailLedger> open) throws IOException {
        synchronized (open) {
            FundtrailLedger ledger = open.get(step.identity());
            if (ledger == null) {
                ledger = Objects.requireNonNull(ledgers.open(step.mspId(), step.user()),
                        "ledger of " + step.identity());
                open.put(step.identity(), ledger);
            }
            return ledger;
        }
    }

    /** Builds the loader. */
    static final class BuilderImpl implements Builder {
        private Ledgers ledgers;
        private int inFlight = DEFAULT_IN_FLIGHT;
        private Progress progress = (done, total) -> { };
        private boolean resume;

        @Override
        public Builder ledgers(Ledgers value) {
            this.ledgers = Objects.requireNonNull(value, "ledgers");
            return this;
        }

        @Override
        public Builder inFlight(int count) {
            if (count < 1 || count > 1024) {
                throw new IllegalArgumentException("inFlight must be from 1 to 1024, not " + count);
            }
            this.inFlight = count;
            return this;
        }

        @Override
        public Builder progress(Progress value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        @Override
        public Builder resume(boolean value) {
            this.resume = value;
            return this;
        }

        @Override
        public BudgetLoader build() {
            Objects.requireNonNull(ledgers, "ledgers");
            return new BudgetLoaderImpl(this);
        }
    }
}

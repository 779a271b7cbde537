package org.fundtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.client.FundtrailLedger;
import org.fundtrail.client.ReversalRequest;
import org.fundtrail.client.SubmitRequest;
import org.fundtrail.client.Submission;
import org.junit.jupiter.api.Test;

/** The loader's scheduling, against a ledger that only records what it was asked to do and when. */
class BudgetLoaderOrderTest {
    /** What the fake ledger saw: per step id, start and end tick; the ids that were running together. */
    private final Map<String, long[]> spans = Collections.synchronizedMap(new HashMap<>());
    private final AtomicInteger clock = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Set<String> closed = Collections.synchronizedSet(new HashSet<>());
    private final Set<String> failOn = new HashSet<>();

    /**
     * A ledger that records submissions and closes; a proxy, so the test does not follow every
     * method added to {@link FundtrailLedger}.
     */
    private FundtrailLedger fakeLedger(String identity) {
        return (FundtrailLedger) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FundtrailLedger.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "submit" -> submit((SubmitRequest) args[0]);
                    case "close" -> closed.add(identity);
                    case "toString" -> "fake ledger of " + identity;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Submission submit(SubmitRequest request) {
        long start = clock.incrementAndGet();
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running.decrementAndGet();
        spans.put(request.id(), new long[] {start, clock.incrementAndGet()});
        if (failOn.contains(request.id())) {
            throw new IllegalStateException("boom on " + request.id());
        }
        return new Submission("tx-" + request.id(), 1, List.of(), false);
    }

    private static Step step(List<Step> steps, Phase phase, String id, String user, Set<String> balances,
                             ErrorCode expected) {
        Step s = new Step(steps.size(), phase, "HealthMSP", user, new ReversalRequest(id, "ORIG", ReasonCode.OTHER,
                "test"), expected, balances, null);
        steps.add(s);
        return s;
    }

    private LoadSummary load(List<Step> steps, int inFlight) throws InterruptedException {
        return BudgetLoader.newInstance().inFlight(inFlight)
                .ledgers((msp, user) -> fakeLedger(msp + "/" + user))
                .build().load(steps);
    }

    @Test
    void steps_sharing_a_balance_run_one_at_a_time_in_list_order_and_others_run_together() throws Exception {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Set<String> balances = i % 7 == 0 ? Set.of("K" + i % 10, "K" + (i + 3) % 10) : Set.of("K" + i % 10);
            step(steps, Phase.AGENCY_TRANSFERS, "S" + i, "officer@u" + i % 3, balances, null);
        }
        LoadSummary summary = load(steps, 8);

        assertThat(summary.committed()).isEqualTo(200);
        assertThat(summary.succeeded()).isTrue();
        for (int k = 0; k < 10; k++) {
            String key = "K" + k;
            List<long[]> onKey = steps.stream().filter(s -> s.balances().contains(key))
                    .map(s -> spans.get(s.request().id())).toList();
            for (int i = 1; i < onKey.size(); i++) {
                assertThat(onKey.get(i)[0]).as("step %d on %s starts after the one before ends", i, key)
                        .isGreaterThan(onKey.get(i - 1)[1]);
            }
        }
        assertThat(maxRunning.get()).isBetween(2, 8);
        assertThat(closed).containsExactlyInAnyOrder("HealthMSP/officer@u0", "HealthMSP/officer@u1",
                "HealthMSP/officer@u2");
    }

    @Test
    void a_phase_starts_only_when_every_step_of_the_phase_before_has_finished() throws Exception {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            step(steps, Phase.DEPARTMENT_TRANSFERS, "A" + i, "officer@a", Set.of(), null);
        }
        for (int i = 0; i < 40; i++) {
            step(steps, Phase.AGENCY_TRANSFERS, "B" + i, "officer@b", Set.of(), null);
        }
        LoadSummary summary = load(steps, 16);

        long lastEndOfA = steps.subList(0, 40).stream().mapToLong(s -> spans.get(s.request().id())[1]).max()
                .orElseThrow();
        long firstStartOfB = steps.subList(40, 80).stream().mapToLong(s -> spans.get(s.request().id())[0]).min()
                .orElseThrow();
        assertThat(firstStartOfB).isGreaterThan(lastEndOfA);
        assertThat(summary.phaseTimes()).containsOnlyKeys(Phase.values());
    }

    @Test
    void a_failure_is_reported_and_stops_the_load_after_its_phase() throws Exception {
        List<Step> steps = new ArrayList<>();
        step(steps, Phase.APPROPRIATIONS, "OK-1", "officer@mof", Set.of("X"), null);
        step(steps, Phase.APPROPRIATIONS, "BAD-1", "officer@mof", Set.of("Y"), null);
        step(steps, Phase.APPROPRIATIONS, "OK-2", "officer@mof", Set.of("Y"), null);
        step(steps, Phase.SPENDING, "LATER-1", "officer@mof", Set.of(), null);
        step(steps, Phase.REFUSALS, "LATER-2", "officer@mof", Set.of(), ErrorCode.FORBIDDEN);
        failOn.add("BAD-1");
        LoadSummary summary = load(steps, 4);

        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.step().request().id()).isEqualTo("BAD-1");
            assertThat(f.problem()).contains("boom on BAD-1");
        });
        assertThat(summary.committed()).isEqualTo(2);
        assertThat(summary.notRun()).isEqualTo(2);
        assertThat(summary.succeeded()).isFalse();
        assertThat(spans).doesNotContainKeys("LATER-1", "LATER-2");
        assertThat(closed).containsExactly("HealthMSP/officer@mof");
    }

    @Test
    void a_planned_refusal_that_commits_is_a_failure() throws Exception {
        List<Step> steps = new ArrayList<>();
        step(steps, Phase.REFUSALS, "X-1", "officer@mof", Set.of(), ErrorCode.INSUFFICIENT_FUNDS);
        LoadSummary summary = load(steps, 1);

        assertThat(summary.refusals()).isEmpty();
        assertThat(summary.failures()).singleElement().extracting(LoadSummary.Failure::problem).asString()
                .contains("should have refused it with INSUFFICIENT_FUNDS");
    }
}

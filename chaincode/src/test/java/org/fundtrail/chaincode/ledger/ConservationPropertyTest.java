package org.fundtrail.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundtrail.chaincode.ledger.Ledger.officer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.chaincode.ledger.Ledger.Op;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property: whatever sequence of transfers, spending, returns and reversals officers attempt —
 * allowed or not, by the right org or the wrong one — every refusal changes nothing, and afterwards
 * every allocation's books balance: available ≥ 0, the parent's transfers equal what its children
 * kept, returns in equal children's returns out, and spending equals its unreversed expenditures.
 *
 * <p>Each sequence is generated from a seed printed in the test name, so a failure is reproduced
 * by running that seed again. {@code -Dfundtrail.property.sequences=N} runs more.
 */
class ConservationPropertyTest {
    private static final int SEQUENCES = Integer.getInteger("fundtrail.property.sequences", 2000);
    private static final int STEPS = 40;
    private static final List<String> ORGS = List.of("MOF", "HEALTH", "EDU", "HOSP", "SCHOOLS");

    @TestFactory
    Stream<DynamicTest> random_operation_sequences_conserve_money() {
        return LongStream.range(0, SEQUENCES).mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () -> runSequence(seed)));
    }

    private static void runSequence(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Ledger ledger = Ledger.withOrganizations();
        List<String> allocations = new ArrayList<>();
        List<String> movable = new ArrayList<>();
        ledger.appropriate("A0", amount(random, 100_000));
        allocations.add("A0");
        for (int step = 0; step < STEPS; step++) {
            String id = "S" + step;
            String by = ORGS.get(random.nextInt(ORGS.size()));
            String allocation = allocations.get(random.nextInt(allocations.size()));
            String amount = amount(random, 30_000);
            Refusal refusal = switch (random.nextInt(6)) {
                case 0, 1 -> {
                    String toOrg = ORGS.get(random.nextInt(ORGS.size()));
                    Refusal r = ledger.attempt(Op.TRANSFER, officer(by), Ledger.transferRequest(id, allocation,
                            toOrg, id + "-A", amount));
                    if (r == null) {
                        allocations.add(id + "-A");
                        movable.add(id);
                    }
                    yield r;
                }
                case 2 -> {
                    Refusal r = ledger.attempt(Op.SPEND, officer(by), Ledger.spendRequest(id, allocation, amount));
                    if (r == null) {
                        movable.add(id);
                    }
                    yield r;
                }
                case 3 -> ledger.attempt(Op.RETURN, officer(by), Ledger.returnRequest(id, allocation, amount));
                case 4 -> movable.isEmpty() ? null : ledger.attempt(Op.REVERSE, officer(by),
                        Ledger.reverseRequest(id, movable.get(random.nextInt(movable.size()))));
                default -> ledger.attempt(Op.APPROPRIATE, officer(by), Ledger.appropriation(id, amount, "EUR"));
            };
            assertThat(refusal == null || refusal.getMessage().startsWith(refusal.field() + ": ")).isTrue();
        }
        assertBooksBalance(ledger, allocations);
    }

    private static String amount(SplittableRandom random, int maxCents) {
        return Money.decimal(1 + random.nextInt(maxCents), "EUR");
    }

    private static void assertBooksBalance(Ledger ledger, List<String> allocationIds) {
        Map<String, Long> keptByChildren = new HashMap<>();
        Map<String, Long> returnedByChildren = new HashMap<>();
        Map<String, Long> spentRecorded = new HashMap<>();
        for (String id : allocationIds) {
            Allocation allocation = ledger.read(RecordType.ALLOCATION, id, Allocation.class);
            Balance b = ledger.balance(id);
            assertThat(b.availableMinor()).as("available of %s", id).isNotNegative();
            assertThat(b.availableMinor()).isEqualTo(b.receivedMinor() + b.returnedInMinor() - b.transferredMinor()
                    - b.spentMinor() - b.returnedOutMinor() - b.reversedMinor());
            if (allocation.parentAllocationId() != null) {
                keptByChildren.merge(allocation.parentAllocationId(), b.receivedMinor() - b.reversedMinor(),
                        Long::sum);
                returnedByChildren.merge(allocation.parentAllocationId(), b.returnedOutMinor(), Long::sum);
                Transfer t = ledger.read(RecordType.TRANSFER, allocation.transferId(), Transfer.class);
                assertThat(Money.ofStored(t.amount(), "EUR").minorUnits()).isEqualTo(b.receivedMinor());
            }
        }
        for (var entry : ledger.state.snapshot().entrySet()) {
            if (entry.getKey().startsWith(prefix(RecordType.EXPENDITURE))) {
                Expenditure e = org.fundtrail.chaincode.domain.CanonicalJson.read(entry.getValue(),
                        Expenditure.class);
                boolean reversed = ledger.state.snapshot().containsKey(Keys.key(Keys.REVERSED_BY, e.id()));
                if (!reversed) {
                    spentRecorded.merge(e.allocationId(), Money.ofStored(e.amount(), "EUR").minorUnits(),
                            Long::sum);
                }
            }
        }
        for (String id : allocationIds) {
            Balance b = ledger.balance(id);
            assertThat(b.transferredMinor()).as("transferred by %s = kept by its children", id)
                    .isEqualTo(keptByChildren.getOrDefault(id, 0L));
            assertThat(b.returnedInMinor()).as("returned into %s = returned by its children", id)
                    .isEqualTo(returnedByChildren.getOrDefault(id, 0L));
            assertThat(b.spentMinor()).as("spent from %s = its unreversed expenditures", id)
                    .isEqualTo(spentRecorded.getOrDefault(id, 0L));
        }
    }

    private static String prefix(RecordType type) {
        String key = Keys.record(type, "");
        return key.substring(0, key.length() - 1);
    }
}

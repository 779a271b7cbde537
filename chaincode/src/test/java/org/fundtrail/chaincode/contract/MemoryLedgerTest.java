package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.junit.jupiter.api.Test;

class MemoryLedgerTest {

    private static final TestIdentity CALLER = TestIdentities.officer("FinanceMSP", "treasury");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final MemoryLedger ledger = new MemoryLedger();

    private MemoryStub stub(final String txId) {
        return ledger.newTransaction(txId, T0, CALLER.serialized(), "Test", List.of());
    }

    @Test
    void writes_are_invisible_until_commit_then_all_visible() {
        final MemoryStub stub = stub("tx1");
        stub.putStringState("a", "1");
        stub.putStringState("b", "2");

        assertThat(ledger.keys()).isEmpty();
        ledger.commit(stub);

        assertThat(ledger.snapshot().asStringMap()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void commit_applies_puts_and_deletes_together() {
        final MemoryStub first = stub("tx1");
        first.putStringState("keep", "1");
        first.putStringState("drop", "2");
        ledger.commit(first);
        final MemoryStub second = stub("tx2");
        second.delState("drop");
        second.putStringState("keep", "3");
        second.delState("never-existed");

        ledger.commit(second);

        assertThat(ledger.snapshot().asStringMap()).containsExactly(Map.entry("keep", "3"));
        assertThat(ledger.history("never-existed")).singleElement().satisfies(m -> {
            assertThat(m.getTxId()).isEqualTo("tx2");
            assertThat(m.isDeleted()).isTrue();
        });
    }

    @Test
    void commit_appends_one_history_entry_per_written_key() {
        final MemoryStub stub = ledger.newTransaction("tx1", T0.plusSeconds(5), CALLER.serialized(), "T", List.of());
        stub.putStringState("k", "draft");
        stub.putStringState("k", "final");

        ledger.commit(stub);

        assertThat(ledger.history("k")).singleElement().satisfies(m -> {
            assertThat(m.getTxId()).isEqualTo("tx1");
            assertThat(m.getTimestamp()).isEqualTo(T0.plusSeconds(5));
            assertThat(m.getStringValue()).isEqualTo("final");
            assertThat(m.isDeleted()).isFalse();
        });
    }

    @Test
    void history_is_newest_first() {
        for (final String txId : List.of("tx1", "tx2", "tx3")) {
            final MemoryStub stub = stub(txId);
            stub.putStringState("k", txId);
            ledger.commit(stub);
        }

        assertThat(ledger.history("k")).extracting(KeyModification::getTxId).containsExactly("tx3", "tx2", "tx1");
    }

    @Test
    void duplicate_transaction_id_is_refused_and_changes_nothing() {
        final MemoryStub first = stub("tx1");
        first.putStringState("k", "1");
        ledger.commit(first);
        final MemoryLedger.Snapshot before = ledger.snapshot();
        final MemoryStub replay = stub("tx1");
        replay.putStringState("k", "2");
        replay.putStringState("other", "3");

        assertThatThrownBy(() -> ledger.commit(replay))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate transaction ID tx1");
        assertThat(ledger.snapshot()).isEqualTo(before);
        assertThat(ledger.history("other")).isEmpty();
    }

    @Test
    void a_stub_is_committed_at_most_once_and_only_to_its_own_ledger() {
        final MemoryStub stub = stub("tx1");
        ledger.commit(stub);

        assertThatThrownBy(() -> ledger.commit(stub)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new MemoryLedger().commit(stub("tx2"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshot_is_an_immutable_copy_compared_by_content() {
        final MemoryStub first = stub("tx1");
        first.putStringState("k", "1");
        ledger.commit(first);
        final MemoryLedger.Snapshot before = ledger.snapshot();

        final MemoryStub second = stub("tx2");
        second.putStringState("k", "2");
        ledger.commit(second);

        assertThat(before.asStringMap()).containsExactly(Map.entry("k", "1"));
        assertThat(ledger.snapshot()).isNotEqualTo(before);
        assertThat(ledger.snapshot()).isEqualTo(ledger.snapshot()).hasSameHashCodeAs(ledger.snapshot());
        assertThatThrownBy(() -> before.keys().clear()).isInstanceOf(UnsupportedOperationException.class);
        before.get("k")[0] = 'x';
        assertThat(before.asStringMap()).containsEntry("k", "1");
    }

    @Test
    void keys_are_ordered_by_utf8_bytes_not_java_string_order() {
        final MemoryStub stub = stub("tx1");
        final List<String> keys = List.of("\uD83D\uDE00", "\uFF21", "z", "\u0000composite\u0000");
        keys.forEach(k -> stub.putStringState(k, "v"));

        ledger.commit(stub);

        assertThat("\uD83D\uDE00".compareTo("\uFF21")).isNegative(); // what MemoryLedger must not do
        assertThat(ledger.keys()).containsExactly("\u0000composite\u0000", "z", "\uFF21", "\uD83D\uDE00");
        assertThat(ledger.snapshot().keys()).containsExactlyElementsOf(ledger.keys());
    }

    @Test
    void utf8_order_matches_comparing_encoded_bytes() {
        final List<String> samples = List.of("", "a", "ab", "\u007f", "\u0080", "\u07ff", "\u0800", "\uD7FF",
                "\uE000", "\uFFFF", "\uD800\uDC00", "\uDBFF\uDFFF", "a\uD83D\uDE00", "a\uFF21");

        for (final String left : samples) {
            for (final String right : samples) {
                assertThat(Integer.signum(MemoryLedger.KEY_ORDER.compare(left, right)))
                        .as("%s vs %s", left, right)
                        .isEqualTo(Integer.signum(Arrays.compareUnsigned(
                                left.getBytes(UTF_8),
                                right.getBytes(UTF_8))));
            }
        }
    }

    @Test
    void get_returns_null_for_absent_keys_and_copies_for_present_ones() {
        final MemoryStub stub = stub("tx1");
        stub.putState("k", new byte[] {1});
        ledger.commit(stub);

        ledger.get("k")[0] = 7;

        assertThat(ledger.get("k")).containsExactly(1);
        assertThat(ledger.get("absent")).isNull();
        assertThat(ledger.getString("absent")).isNull();
    }
}

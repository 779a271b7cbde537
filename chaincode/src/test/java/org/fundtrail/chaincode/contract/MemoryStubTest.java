package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.Test;

class MemoryStubTest {

    private static final TestIdentity CALLER = TestIdentities.officer("FinanceMSP", "treasury");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final MemoryLedger ledger = new MemoryLedger();
    private int txCount;

    private MemoryStub newStub() {
        txCount++;
        return ledger.newTransaction("tx" + txCount, T0.plusSeconds(txCount), CALLER.serialized(), "Test", List.of());
    }

    private void commit(final Consumer<MemoryStub> writes) {
        final MemoryStub stub = newStub();
        writes.accept(stub);
        ledger.commit(stub);
    }

    private static List<String> keys(final Iterable<KeyValue> results) {
        final List<String> keys = new ArrayList<>();
        results.forEach(kv -> keys.add(kv.getKey()));
        return keys;
    }

    private String composite(final String type, final String... attributes) {
        return new CompositeKey(type, attributes).toString();
    }

    // ---- transaction context ----

    @Test
    void args_are_function_then_parameters() {
        final MemoryStub stub = ledger.newTransaction(
                "tx", T0, CALLER.serialized(), "spending:Transfer", List.of("a", "b", "100"));

        assertThat(stub.getFunction()).isEqualTo("spending:Transfer");
        assertThat(stub.getParameters()).containsExactly("a", "b", "100");
        assertThat(stub.getStringArgs()).containsExactly("spending:Transfer", "a", "b", "100");
        assertThat(stub.getArgs()).extracting(bytes -> new String(bytes, UTF_8))
                .containsExactly("spending:Transfer", "a", "b", "100");
    }

    @Test
    void reports_transaction_id_timestamp_creator_channel_and_peer_msp() {
        final MemoryStub stub = new MemoryLedger("HealthMSP")
                .newTransaction("tx-42", T0, CALLER.serialized(), "Transfer", List.of());

        assertThat(stub.getTxId()).isEqualTo("tx-42");
        assertThat(stub.getTxTimestamp()).isEqualTo(T0);
        assertThat(stub.getCreator()).isEqualTo(CALLER.serialized());
        assertThat(stub.getChannelId()).isEqualTo("fundtrail");
        assertThat(stub.getMspId()).isEqualTo("HealthMSP");
        assertThat(newStub().getMspId()).isEqualTo("FinanceMSP");
        assertThat(stub.getTransient()).isEmpty();
        assertThat(stub.getBinding()).hasSize(32).isEqualTo(stub.getBinding());
    }

    @Test
    void only_the_last_event_survives() {
        final MemoryStub stub = newStub();

        stub.setEvent("First", "1".getBytes(UTF_8));
        stub.setEvent("Second", "2".getBytes(UTF_8));

        assertThat(stub.eventName()).isEqualTo("Second");
        assertThat(stub.eventPayload()).isEqualTo("2".getBytes(UTF_8));
        assertThat(stub.getEvent().getEventName()).isEqualTo("Second");
    }

    @Test
    void no_event_until_one_is_set_and_blank_names_are_refused() {
        final MemoryStub stub = newStub();

        assertThat(stub.eventName()).isNull();
        assertThat(stub.eventPayload()).isNull();
        assertThatThrownBy(() -> stub.setEvent(" ", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- reads and writes ----

    @Test
    void transaction_cannot_read_its_own_writes() {
        commit(s -> s.putStringState("balance", "100"));
        final MemoryStub stub = newStub();

        stub.putStringState("balance", "40");
        stub.putStringState("fresh", "1");

        assertThat(stub.getStringState("balance")).isEqualTo("100");
        assertThat(stub.getState("fresh")).isEmpty();
        assertThat(keys(stub.getStateByRange("", ""))).containsExactly("balance");
        assertThat(stub.writes()).containsOnlyKeys("balance", "fresh");
    }

    @Test
    void missing_key_reads_as_empty_bytes_like_the_real_shim() {
        final MemoryStub stub = newStub();

        assertThat(stub.getState("absent")).isEmpty();
        assertThat(stub.getStringState("absent")).isEmpty();
    }

    @Test
    void later_write_to_the_same_key_replaces_the_earlier() {
        final MemoryStub stub = newStub();

        stub.putStringState("k", "first");
        stub.delState("k");
        stub.putStringState("k", "last");

        assertThat(stub.writes()).containsOnlyKeys("k");
        assertThat(new String(stub.writes().get("k"), UTF_8)).isEqualTo("last");
    }

    @Test
    void write_set_is_ordered_by_utf8_key_bytes() {
        final MemoryStub stub = newStub();

        stub.putStringState("b", "1");
        stub.putStringState("\uD83D\uDE00", "2"); // U+1F600: 4 UTF-8 bytes starting F0
        stub.putStringState("\uFF21", "3"); // U+FF21: 3 UTF-8 bytes starting EF, yet after U+1F600 in String order
        stub.putStringState("a", "4");

        assertThat(stub.writes().keySet()).containsExactly("a", "b", "\uFF21", "\uD83D\uDE00");
    }

    @Test
    void put_of_an_empty_value_is_a_delete() {
        commit(s -> s.putStringState("k", "v"));
        final MemoryStub stub = newStub();

        stub.putState("k", new byte[0]);
        ledger.commit(stub);

        assertThat(stub.writes()).containsEntry("k", null);
        assertThat(ledger.get("k")).isNull();
        assertThat(ledger.history("k").get(0).isDeleted()).isTrue();
    }

    @Test
    void delete_is_buffered_as_a_null_write() {
        commit(s -> s.putStringState("k", "v"));
        final MemoryStub stub = newStub();

        stub.delState("k");

        assertThat(stub.writes()).containsExactly(entry("k", null));
        assertThat(stub.getStringState("k")).isEqualTo("v");
    }

    @Test
    void invalid_keys_and_null_values_are_refused() {
        final MemoryStub stub = newStub();

        assertThatThrownBy(() -> stub.putStringState("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stub.putState(null, new byte[1])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stub.putState("k", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> stub.putStringState("bad\uD800", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("surrogate");
        assertThat(stub.writes()).isEmpty();
    }

    @Test
    void writes_returns_copies() {
        final MemoryStub stub = newStub();
        final byte[] value = {1, 2};
        stub.putState("k", value);

        value[0] = 9;
        stub.writes().get("k")[1] = 9;

        assertThat(stub.writes().get("k")).containsExactly(1, 2);
        assertThatThrownBy(() -> stub.writes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- range queries ----

    @Test
    void range_query_never_returns_composite_keys() {
        commit(s -> {
            s.putStringState("alpha", "1");
            s.putStringState(composite("allocation", "a1"), "2");
            s.putStringState("zulu", "3");
        });

        assertThat(keys(newStub().getStateByRange("", ""))).containsExactly("alpha", "zulu");
        assertThat(keys(newStub().getStateByRange(null, null))).containsExactly("alpha", "zulu");
        assertThat(ledger.keys()).hasSize(3);
    }

    @Test
    void range_query_is_half_open_and_ordered_by_utf8_bytes() {
        commit(s -> {
            for (final String key : List.of("a", "b", "c", "d", "\uFF21", "\uD83D\uDE00")) {
                s.putStringState(key, key);
            }
        });

        assertThat(keys(newStub().getStateByRange("b", "d"))).containsExactly("b", "c");
        assertThat(keys(newStub().getStateByRange("c", ""))).containsExactly("c", "d", "\uFF21", "\uD83D\uDE00");
        assertThat(keys(newStub().getStateByRange("", "b"))).containsExactly("a");
        assertThat(keys(newStub().getStateByRange("\uFF21", "\uD83D\uDE00"))).containsExactly("\uFF21");
        assertThat(keys(newStub().getStateByRange("d", "b"))).isEmpty();
    }

    @Test
    void range_query_values_are_the_committed_bytes() {
        commit(s -> s.putStringState("k", "v1"));
        final MemoryStub stub = newStub();
        stub.putStringState("k", "v2");

        final KeyValue only = stub.getStateByRange("", "").iterator().next();

        assertThat(only.getStringValue()).isEqualTo("v1");
        assertThat(only.getValue()).isEqualTo("v1".getBytes(UTF_8));
    }

    @Test
    void range_query_refuses_composite_bounds() {
        final MemoryStub stub = newStub();

        assertThatThrownBy(() -> stub.getStateByRange(composite("allocation"), ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stub.getStateByRangeWithPagination("", composite("x"), 10, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- composite keys ----

    @Test
    void composite_keys_are_encoded_and_split_by_the_shim() {
        final MemoryStub stub = newStub();

        final CompositeKey key = stub.createCompositeKey("allocation~child", "parent-1", "child-2");

        assertThat(key.toString()).isEqualTo("\u0000allocation~child\u0000parent-1\u0000child-2\u0000");
        assertThat(stub.splitCompositeKey(key.toString()).getObjectType()).isEqualTo("allocation~child");
        assertThat(stub.splitCompositeKey(key.toString()).getAttributes()).containsExactly("parent-1", "child-2");
    }

    @Test
    void partial_composite_key_query_returns_only_matching_keys_in_order() {
        commit(s -> {
            s.putStringState(composite("allocation", "p1", "c2"), "x");
            s.putStringState(composite("allocation", "p1", "c1"), "x");
            s.putStringState(composite("allocation", "p10", "c1"), "x");
            s.putStringState(composite("allocation", "p2", "c1"), "x");
            s.putStringState(composite("allocations", "p1", "c1"), "x");
            s.putStringState("allocation", "simple");
        });
        final MemoryStub stub = newStub();

        assertThat(keys(stub.getStateByPartialCompositeKey("allocation", "p1")))
                .containsExactly(composite("allocation", "p1", "c1"), composite("allocation", "p1", "c2"));
        assertThat(keys(stub.getStateByPartialCompositeKey(new CompositeKey("allocation"))))
                .containsExactly(
                        composite("allocation", "p1", "c1"),
                        composite("allocation", "p1", "c2"),
                        composite("allocation", "p10", "c1"),
                        composite("allocation", "p2", "c1"));
        assertThat(keys(stub.getStateByPartialCompositeKey("allocations"))).hasSize(1);
        assertThat(keys(stub.getStateByPartialCompositeKey(composite("allocation", "p2")))).hasSize(1);
    }

    // ---- pagination ----

    @Test
    void pagination_returns_pages_with_next_key_bookmark_until_empty() {
        commit(s -> List.of("a", "b", "c", "d", "e").forEach(k -> s.putStringState(k, k)));

        final QueryResultsIteratorWithMetadata<KeyValue> first = newStub().getStateByRangeWithPagination("", "", 2, "");
        final QueryResultsIteratorWithMetadata<KeyValue> second =
                newStub().getStateByRangeWithPagination("", "", 2, first.getMetadata().getBookmark());
        final QueryResultsIteratorWithMetadata<KeyValue> last =
                newStub().getStateByRangeWithPagination("", "", 2, second.getMetadata().getBookmark());

        assertThat(keys(first)).containsExactly("a", "b");
        assertThat(first.getMetadata()).isEqualTo(metadata(2, "c"));
        assertThat(keys(second)).containsExactly("c", "d");
        assertThat(second.getMetadata()).isEqualTo(metadata(2, "e"));
        assertThat(keys(last)).containsExactly("e");
        assertThat(last.getMetadata()).isEqualTo(metadata(1, ""));
    }

    @Test
    void pagination_bookmark_is_empty_when_a_page_ends_exactly_at_the_end() {
        commit(s -> List.of("a", "b", "c", "d").forEach(k -> s.putStringState(k, k)));

        final QueryResultsIteratorWithMetadata<KeyValue> page = newStub().getStateByRangeWithPagination("c", "", 2, "");

        assertThat(keys(page)).containsExactly("c", "d");
        assertThat(page.getMetadata()).isEqualTo(metadata(2, ""));
    }

    @Test
    void pagination_respects_the_end_key() {
        commit(s -> List.of("a", "b", "c", "d").forEach(k -> s.putStringState(k, k)));

        final QueryResultsIteratorWithMetadata<KeyValue> page = newStub().getStateByRangeWithPagination("a", "c", 5, "");

        assertThat(keys(page)).containsExactly("a", "b");
        assertThat(page.getMetadata()).isEqualTo(metadata(2, ""));
    }

    @Test
    void page_size_zero_without_bookmark_is_an_unpaginated_query_without_metadata() {
        commit(s -> List.of("a", "b", "c").forEach(k -> s.putStringState(k, k)));
        final MemoryStub stub = newStub();

        final QueryResultsIteratorWithMetadata<KeyValue> all = stub.getStateByRangeWithPagination("", "", 0, "");
        stub.putStringState("x", "writes stay allowed: this was not a paginated query");

        assertThat(keys(all)).containsExactly("a", "b", "c");
        assertThat(all.getMetadata()).isEqualTo(metadata(0, ""));
    }

    @Test
    void partial_composite_key_pagination_stays_within_the_prefix() {
        commit(s -> {
            for (final String id : List.of("1", "2", "3")) {
                s.putStringState(composite("spend", "org-a", id), id);
            }
            s.putStringState(composite("spend", "org-b", "1"), "other org");
        });
        final CompositeKey orgA = new CompositeKey("spend", "org-a");

        final QueryResultsIteratorWithMetadata<KeyValue> first =
                newStub().getStateByPartialCompositeKeyWithPagination(orgA, 2, "");
        final QueryResultsIteratorWithMetadata<KeyValue> second =
                newStub().getStateByPartialCompositeKeyWithPagination(orgA, 2, first.getMetadata().getBookmark());

        assertThat(keys(first)).containsExactly(composite("spend", "org-a", "1"), composite("spend", "org-a", "2"));
        assertThat(first.getMetadata()).isEqualTo(metadata(2, composite("spend", "org-a", "3")));
        assertThat(keys(second)).containsExactly(composite("spend", "org-a", "3"));
        assertThat(second.getMetadata()).isEqualTo(metadata(1, ""));
    }

    @Test
    void paginated_query_after_a_write_is_refused_as_on_the_peer() {
        final MemoryStub stub = newStub();
        stub.putStringState("k", "v");

        assertThatThrownBy(() -> stub.getStateByRangeWithPagination("", "", 10, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Paginated queries are supported only in a read-only transaction");
    }

    @Test
    void write_after_a_paginated_query_is_refused_as_on_the_peer() {
        final MemoryStub stub = newStub();
        stub.getStateByPartialCompositeKeyWithPagination(new CompositeKey("spend"), 10, "");

        assertThatThrownBy(() -> stub.delState("k"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Writes are not allowed");
        assertThat(stub.writes()).isEmpty();
    }

    private static QueryResponseMetadata metadata(final int count, final String bookmark) {
        return QueryResponseMetadata.newBuilder().setFetchedRecordsCount(count).setBookmark(bookmark).build();
    }

    // ---- history ----

    @Test
    void history_is_newest_first_with_tx_ids_timestamps_and_deletes() {
        commit(s -> s.putStringState("k", "v1"));
        commit(s -> s.putStringState("other", "x"));
        commit(s -> s.putStringState("k", "v2"));
        commit(s -> s.delState("k"));

        final List<KeyModification> history = new ArrayList<>();
        newStub().getHistoryForKey("k").forEach(history::add);

        assertThat(history).extracting(KeyModification::getTxId).containsExactly("tx4", "tx3", "tx1");
        assertThat(history).extracting(KeyModification::getTimestamp)
                .containsExactly(T0.plusSeconds(4), T0.plusSeconds(3), T0.plusSeconds(1));
        assertThat(history).extracting(KeyModification::isDeleted).containsExactly(true, false, false);
        assertThat(history).extracting(KeyModification::getStringValue).containsExactly("", "v2", "v1");
    }

    @Test
    void history_does_not_include_the_current_transaction() {
        commit(s -> s.putStringState("k", "v1"));
        final MemoryStub stub = newStub();
        stub.putStringState("k", "v2");

        assertThat(stub.getHistoryForKey("k")).hasSize(1);
        assertThat(newStub().getHistoryForKey("never-written")).isEmpty();
    }

    // ---- unsupported ----

    @Test
    void private_data_rich_queries_endorsement_parameters_and_chaincode_calls_are_unsupported() {
        final MemoryStub stub = newStub();
        final List<Runnable> calls = List.of(
                () -> stub.getPrivateData("c", "k"),
                () -> stub.getPrivateDataHash("c", "k"),
                () -> stub.putPrivateData("c", "k", new byte[1]),
                () -> stub.putPrivateData("c", "k", "v"),
                () -> stub.delPrivateData("c", "k"),
                () -> stub.purgePrivateData("c", "k"),
                () -> stub.getPrivateDataByRange("c", "a", "b"),
                () -> stub.getPrivateDataByPartialCompositeKey("c", "t"),
                () -> stub.getPrivateDataByPartialCompositeKey("c", new CompositeKey("t")),
                () -> stub.getPrivateDataByPartialCompositeKey("c", "t", "a"),
                () -> stub.getPrivateDataQueryResult("c", "{}"),
                () -> stub.getPrivateDataValidationParameter("c", "k"),
                () -> stub.setPrivateDataValidationParameter("c", "k", new byte[1]),
                () -> stub.getQueryResult("{}"),
                () -> stub.getQueryResultWithPagination("{}", 1, ""),
                () -> stub.getStateValidationParameter("k"),
                () -> stub.setStateValidationParameter("k", new byte[1]),
                () -> stub.invokeChaincode("other", List.of(), "fundtrail"),
                () -> stub.invokeChaincodeWithStringArgs("other", "f"));

        assertThat(calls).allSatisfy(call -> assertThatThrownBy(call::run)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("not supported by MemoryStub"));
    }

    @Test
    void reads_return_copies_of_committed_values() {
        commit(s -> s.putState("k", new byte[] {1, 2}));
        final MemoryStub stub = newStub();

        stub.getState("k")[0] = 9;

        assertThat(stub.getState("k")).containsExactly(1, 2);
        assertThat(ledger.get("k")).containsExactly(1, 2);
    }
}

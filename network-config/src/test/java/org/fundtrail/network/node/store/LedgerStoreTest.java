package org.fundtrail.network.node.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerStoreTest {
    @TempDir
    Path dir;

    private static Block block(long n, int txs) {
        BlockData.Builder data = BlockData.newBuilder();
        for (int i = 0; i < txs; i++) {
            data.addData(ByteString.copyFromUtf8("env-" + n + "-" + i));
        }
        return Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(n)).setData(data).build();
    }

    private static StateWrite write(String key, String value, long block, long tx) {
        return new StateWrite("cc", key, value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                new Version(block, tx), "tx-" + block + "-" + tx, Instant.ofEpochSecond(1000 + block, 5));
    }

    @Test
    void commits_blocks_state_history_and_index_and_finds_them_after_reopening() throws Exception {
        try (LedgerStore store = LedgerStore.open(dir)) {
            store.commit(new BlockCommit(block(0, 1), new byte[] {1}, List.of("a"), List.of(0),
                    List.of(write("k", "v1", 0, 0), write("k2", "x", 0, 0))));
            store.commit(new BlockCommit(block(1, 2), new byte[] {2}, List.of("b", "a"), List.of(0, 11),
                    List.of(write("k", "v2", 1, 0))));
            store.commit(new BlockCommit(block(2, 1), new byte[] {3}, List.of("c"), List.of(0), List.of(write("k", null, 2, 0))));
            assertThatThrownBy(() -> store.commit(new BlockCommit(block(7, 0), new byte[] {9}, List.of(), List.of(), List.of())))
                    .isInstanceOf(IllegalStateException.class);
        }
        try (LedgerStore store = LedgerStore.open(dir)) {
            assertThat(store.height()).isEqualTo(3);
            assertThat(store.lastHeaderHash()).containsExactly(3);
            assertThat(store.block(1).orElseThrow().getData().getDataCount()).isEqualTo(2);
            assertThat(store.block(3)).isEmpty();
            assertThat(store.transaction("a")).contains(new TxLocation(0, 0, 0)); // first occurrence wins
            assertThat(store.transaction("b")).contains(new TxLocation(1, 0, 0));
            assertThat(store.state("cc", "k")).isEmpty();
            assertThat(store.state("cc", "k2").orElseThrow().version()).isEqualTo(new Version(0, 0));
            List<HistoryEntry> history = store.history("cc", "k");
            assertThat(history).extracting(HistoryEntry::txId).containsExactly("tx-2-0", "tx-1-0", "tx-0-0");
            assertThat(history.get(0).deleted()).isTrue();
            assertThat(new String(history.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("v2");
            assertThat(history.get(2).timestamp()).isEqualTo(Instant.ofEpochSecond(1000, 5));
        }
    }

    @Test
    void ranges_follow_fabric_key_order_and_stay_in_their_namespace() throws Exception {
        try (LedgerStore store = LedgerStore.open(dir)) {
            store.commit(new BlockCommit(block(0, 1), new byte[] {1}, List.of("t"), List.of(0), List.of(
                    write("b", "1", 0, 0), write("a", "1", 0, 0), write("\u0000obj\u0000x\u0000", "1", 0, 0), write("é", "1", 0, 0),
                    new StateWrite("other", "a", new byte[] {1}, new Version(0, 0), "t", Instant.EPOCH))));
            assertThat(store.range("cc", "", "", 100)).extracting(VersionedValue::key)
                    .containsExactly("\u0000obj\u0000x\u0000", "a", "b", "é");
            assertThat(store.range("cc", "\u0001", "b", 100)).extracting(VersionedValue::key).containsExactly("a");
            assertThat(store.range("cc", "\u0000obj\u0000", "\u0000obj\u0000\udbff\udfff", 100)).hasSize(1);
            assertThat(store.range("cc", "a", "", 1)).extracting(VersionedValue::key).containsExactly("a");
        }
    }

    @Test
    void refuses_use_after_close() throws Exception {
        LedgerStore store = LedgerStore.open(dir);
        store.close();
        assertThatThrownBy(() -> store.state("cc", "k")).hasMessageContaining("closed");
    }
}

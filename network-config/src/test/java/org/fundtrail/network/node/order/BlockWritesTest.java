package org.fundtrail.network.node.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.fundtrail.network.node.store.BlockCommit;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.StateWrite;
import org.fundtrail.network.node.store.Version;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer's MVCC and phantom-read validation against committed state plus the earlier valid
 * transactions of the same block, without the gateway or block-cutting timing: committed state is
 * {@code cc/a} and {@code cc/b} at (0, 0) and {@code other/a} at (0, 0); the block being cut is block 1.
 * Namespace {@code wide} holds {@code m}+U+FF21 and {@code m}+U+1F600 at (0, 0), for key order: Fabric
 * orders keys by their UTF-8 bytes (code points), where U+1F600 comes after U+FF21; Java's
 * {@link String#compareTo} compares UTF-16 units and puts U+1F600 (surrogates 0xD83D 0xDE00) first.
 */
class BlockWritesTest {
    private static final String NS = "cc";
    private static final String WIDE = "wide";
    /** U+FF21, in U+E000..U+FFFF: one UTF-16 unit above every surrogate, but below U+10000 in UTF-8. */
    private static final String FULLWIDTH_A = "\uFF21";
    /** U+1F600, a surrogate pair in UTF-16. */
    private static final String GRINNING = "\uD83D\uDE00";
    /** U+10FFFF, Fabric's max unicode rune: the end of a partial-composite-key range. */
    private static final String MAX_RUNE = "\uDBFF\uDFFF";
    @TempDir
    Path dir;
    LedgerStore store;
    BlockWrites writes;

    @BeforeEach
    void commitBlockZero() throws Exception {
        store = LedgerStore.open(dir);
        Block block0 = Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(0))
                .setData(BlockData.newBuilder().addData(ByteString.copyFromUtf8("env"))).build();
        store.commit(new BlockCommit(block0, new byte[] {1}, List.of("t0"), List.of(0), List.of(
                committed(NS, "a"), committed(NS, "b"), committed("other", "a"),
                committed(WIDE, "m" + FULLWIDTH_A), committed(WIDE, "m" + GRINNING))));
        writes = new BlockWrites(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StateWrite committed(String ns, String key) {
        return new StateWrite(ns, key, "v".getBytes(StandardCharsets.UTF_8), new Version(0, 0), "t0", Instant.EPOCH);
    }

    private static KVRead read(String key, long block, long tx) {
        return KVRead.newBuilder().setKey(key).setVersion(org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version
                .newBuilder().setBlockNum(block).setTxNum(tx)).build();
    }

    /** A read that found no value. */
    private static KVRead readAbsent(String key) {
        return KVRead.newBuilder().setKey(key).build();
    }

    /** A range query that read exactly these keys, all at (0, 0), and reached its end. */
    private static RangeQueryInfo range(String start, String end, String... keys) {
        QueryReads.Builder reads = QueryReads.newBuilder();
        for (String k : keys) {
            reads.addKvReads(read(k, 0, 0));
        }
        return RangeQueryInfo.newBuilder().setStartKey(start).setEndKey(end).setItrExhausted(true)
                .setRawReads(reads).build();
    }

    private TxValidationCode validate(KVRWSet set) throws Exception {
        return validate(NS, set);
    }

    private TxValidationCode validate(String namespace, KVRWSet set) throws Exception {
        NsReadWriteSet ns = NsReadWriteSet.newBuilder().setNamespace(namespace).setRwset(set.toByteString()).build();
        return writes.validate(List.of(ns), List.of(set));
    }

    @Test
    void a_read_of_committed_state_is_valid_until_an_earlier_transaction_of_the_block_writes_the_key()
            throws Exception {
        KVRWSet readA = KVRWSet.newBuilder().addReads(read("a", 0, 0)).build();
        assertThat(validate(readA)).isEqualTo(TxValidationCode.VALID);
        writes.written(NS, "a", new Version(1, 0));
        assertThat(validate(readA)).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        assertThat(validate(KVRWSet.newBuilder().addReads(read("a", 1, 0)).build())).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void a_write_in_another_namespace_is_another_key() throws Exception {
        writes.written("other", "a", new Version(1, 0));
        assertThat(validate(KVRWSet.newBuilder().addReads(read("a", 0, 0)).build())).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void a_key_deleted_earlier_in_the_block_reads_as_absent() throws Exception {
        writes.deleted(NS, "a");
        assertThat(validate(KVRWSet.newBuilder().addReads(read("a", 0, 0)).build()))
                .isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        assertThat(validate(KVRWSet.newBuilder().addReads(readAbsent("a")).build())).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void a_key_written_earlier_in_the_block_is_no_longer_absent() throws Exception {
        KVRWSet readNew = KVRWSet.newBuilder().addReads(readAbsent("new")).build();
        assertThat(validate(readNew)).isEqualTo(TxValidationCode.VALID);
        writes.written(NS, "new", new Version(1, 0));
        assertThat(validate(readNew)).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
    }

    @Test
    void a_key_inserted_into_a_range_earlier_in_the_block_is_a_phantom() throws Exception {
        KVRWSet counting = KVRWSet.newBuilder().addRangeQueriesInfo(range("a", "c", "a", "b")).build();
        assertThat(validate(counting)).isEqualTo(TxValidationCode.VALID);
        writes.written(NS, "c", new Version(1, 0)); // the end key is outside [a, c)
        writes.written("other", "ab", new Version(1, 0));
        assertThat(validate(counting)).isEqualTo(TxValidationCode.VALID);
        writes.written(NS, "ab", new Version(1, 1));
        assertThat(validate(counting)).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void a_key_deleted_from_a_range_earlier_in_the_block_is_a_phantom() throws Exception {
        KVRWSet counting = KVRWSet.newBuilder().addRangeQueriesInfo(range("", "", "a", "b")).build();
        assertThat(validate(counting)).isEqualTo(TxValidationCode.VALID);
        writes.deleted(NS, "b");
        assertThat(validate(counting)).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
        assertThat(validate(KVRWSet.newBuilder().addRangeQueriesInfo(range("", "", "a")).build()))
                .isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void a_range_sees_the_version_an_earlier_transaction_of_the_block_wrote() throws Exception {
        writes.written(NS, "a", new Version(1, 0));
        assertThat(validate(KVRWSet.newBuilder().addRangeQueriesInfo(range("a", "b", "a")).build()))
                .isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void a_write_only_transaction_does_not_conflict_with_earlier_writes_of_the_block() throws Exception {
        writes.written(NS, "a", new Version(1, 0));
        writes.deleted(NS, "b");
        KVRWSet blind = KVRWSet.newBuilder()
                .addWrites(KVWrite.newBuilder().setKey("a").setValue(ByteString.copyFromUtf8("x")))
                .addWrites(KVWrite.newBuilder().setKey("b").setIsDelete(true)).build();
        assertThat(validate(blind)).isEqualTo(TxValidationCode.VALID);
    }

    @Test
    void a_range_is_re_read_in_utf8_byte_order_not_java_string_order() throws Exception {
        KVRWSet composite = KVRWSet.newBuilder()
                .addRangeQueriesInfo(range("m", "m" + MAX_RUNE, "m" + FULLWIDTH_A, "m" + GRINNING)).build();
        assertThat(validate(WIDE, composite)).isEqualTo(TxValidationCode.VALID);
        writes.written(WIDE, "m" + GRINNING, new Version(1, 0));
        assertThat(validate(WIDE, composite)).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void a_key_in_u_e000_to_u_ffff_inserted_earlier_in_the_block_is_inside_a_range_ending_at_u_10ffff()
            throws Exception {
        KVRWSet composite = KVRWSet.newBuilder().addRangeQueriesInfo(range("n", "n" + MAX_RUNE)).build();
        assertThat(validate(WIDE, composite)).isEqualTo(TxValidationCode.VALID);
        writes.written(WIDE, "n" + FULLWIDTH_A, new Version(1, 0)); // String order: after the end, outside
        assertThat(validate(WIDE, composite)).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void a_supplementary_key_inserted_earlier_in_the_block_is_outside_a_range_ending_at_u_e000() throws Exception {
        KVRWSet bounded = KVRWSet.newBuilder().addRangeQueriesInfo(range("o", "o\uE000")).build();
        writes.written(WIDE, "o" + GRINNING, new Version(1, 0)); // String order: before the end, inside
        writes.written(WIDE, "o\uE000", new Version(1, 1)); // the end key is outside [o, o U+E000)
        assertThat(validate(WIDE, bounded)).isEqualTo(TxValidationCode.VALID);
        writes.written(WIDE, "o\uD7FF", new Version(1, 2));
        assertThat(validate(WIDE, bounded)).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }
}

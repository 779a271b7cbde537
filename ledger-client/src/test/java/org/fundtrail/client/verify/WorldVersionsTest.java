package org.fundtrail.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.QueryReads;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.RangeQueryInfo;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.Version;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier's phantom-read replay orders and bounds keys as Fabric does, by their UTF-8 bytes. Block 0
 * wrote {@code m}+U+FF21 and {@code m}+U+1F600 in namespace {@code cc} at (0, 0); the block replayed is block 1.
 * Java's {@link String#compareTo} compares UTF-16 units and puts U+1F600 (surrogates 0xD83D 0xDE00) before
 * U+FF21, and U+FF21 after U+10FFFF (0xDBFF 0xDFFF), the end of a partial-composite-key range.
 */
class WorldVersionsTest {
    private static final List<String> CC = List.of("cc");
    private static final String FULLWIDTH_A = "\uFF21";
    private static final String GRINNING = "\uD83D\uDE00";
    private static final String MAX_RUNE = "\uDBFF\uDFFF";

    WorldVersions world;
    WorldVersions.BlockUpdates block;

    @BeforeEach
    void replayBlockZero() {
        world = new WorldVersions();
        WorldVersions.BlockUpdates zero = world.begin();
        zero.apply(CC, List.of(writes("m" + FULLWIDTH_A, "m" + GRINNING)), 0, 0);
        zero.commit();
        block = world.begin();
    }

    private static KVRWSet writes(String... keys) {
        KVRWSet.Builder set = KVRWSet.newBuilder();
        for (String k : keys) {
            set.addWrites(KVWrite.newBuilder().setKey(k).setValue(ByteString.copyFromUtf8("v")));
        }
        return set.build();
    }

    /** A range query that read exactly these keys, all at (0, 0), and reached its end. */
    private static KVRWSet range(String start, String end, String... keys) {
        QueryReads.Builder reads = QueryReads.newBuilder();
        for (String k : keys) {
            reads.addKvReads(KVRead.newBuilder().setKey(k).setVersion(Version.newBuilder().setBlockNum(0).setTxNum(0)));
        }
        return KVRWSet.newBuilder().addRangeQueriesInfo(RangeQueryInfo.newBuilder().setStartKey(start)
                .setEndKey(end).setItrExhausted(true).setRawReads(reads)).build();
    }

    @Test
    void a_range_is_replayed_in_utf8_byte_order_not_java_string_order() {
        KVRWSet composite = range("m", "m" + MAX_RUNE, "m" + FULLWIDTH_A, "m" + GRINNING);
        assertThat(block.validate(CC, List.of(composite))).isEqualTo(TxValidationCode.VALID);
        block.apply(CC, List.of(writes("m" + GRINNING)), 1, 0);
        assertThat(block.validate(CC, List.of(composite))).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void a_key_in_u_e000_to_u_ffff_written_earlier_in_the_block_is_inside_a_range_ending_at_u_10ffff() {
        KVRWSet composite = range("n", "n" + MAX_RUNE);
        assertThat(block.validate(CC, List.of(composite))).isEqualTo(TxValidationCode.VALID);
        block.apply(CC, List.of(writes("n" + FULLWIDTH_A)), 1, 0); // String order: after the end, outside
        assertThat(block.validate(CC, List.of(composite))).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void a_supplementary_key_written_earlier_in_the_block_is_outside_a_range_ending_at_u_e000() {
        KVRWSet bounded = range("o", "o\uE000");
        block.apply(CC, List.of(writes("o" + GRINNING, "o\uE000")), 1, 0); // String order: the first is inside
        assertThat(block.validate(CC, List.of(bounded))).isEqualTo(TxValidationCode.VALID);
        block.apply(CC, List.of(writes("o\uD7FF")), 1, 1);
        assertThat(block.validate(CC, List.of(bounded))).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
    }

    @Test
    void committed_keys_are_replayed_in_utf8_byte_order_in_later_blocks() {
        block.apply(CC, List.of(writes("p" + GRINNING, "p" + FULLWIDTH_A)), 1, 0);
        block.commit();
        KVRWSet composite = KVRWSet.newBuilder().addRangeQueriesInfo(RangeQueryInfo.newBuilder().setStartKey("p")
                .setEndKey("p" + MAX_RUNE).setItrExhausted(true).setRawReads(QueryReads.newBuilder()
                        .addKvReads(KVRead.newBuilder().setKey("p" + FULLWIDTH_A)
                                .setVersion(Version.newBuilder().setBlockNum(1).setTxNum(0)))
                        .addKvReads(KVRead.newBuilder().setKey("p" + GRINNING)
                                .setVersion(Version.newBuilder().setBlockNum(1).setTxNum(0))))).build();
        assertThat(world.begin().validate(CC, List.of(composite))).isEqualTo(TxValidationCode.VALID);
    }
}

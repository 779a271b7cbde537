package org.fundtrail.network.node.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fundtrail.network.node.store.BlockCommit;
import org.fundtrail.network.node.store.LedgerStore;
import org.fundtrail.network.node.store.StateWrite;
import org.fundtrail.network.node.store.Version;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRead;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key order in the simulated read/write set and in range reads: Fabric sorts a read/write set's reads and
 * writes by key, and orders range results, by the keys' UTF-8 bytes. Committed state is namespace {@code cc}
 * with {@code a}, {@code z}, U+FF21, U+1F600 and composite keys {@code t/}U+FF21 and {@code t/}U+1F600, all
 * at (0, 0). Java's {@link String#compareTo} would put U+1F600 (a surrogate pair) before U+FF21.
 */
class SimulationStubTest {
    private static final String FULLWIDTH_A = "\uFF21";
    private static final String GRINNING = "\uD83D\uDE00";
    @TempDir
    Path dir;
    LedgerStore store;

    @BeforeEach
    void commitBlockZero() throws Exception {
        store = LedgerStore.open(dir);
        Block block0 = Block.newBuilder().setHeader(BlockHeader.newBuilder().setNumber(0))
                .setData(BlockData.newBuilder().addData(ByteString.copyFromUtf8("env"))).build();
        List<StateWrite> state = new ArrayList<>();
        for (String key : List.of("a", "z", FULLWIDTH_A, GRINNING, composite(FULLWIDTH_A), composite(GRINNING))) {
            state.add(new StateWrite("cc", key, "v".getBytes(StandardCharsets.UTF_8), new Version(0, 0), "t0",
                    Instant.EPOCH));
        }
        store.commit(new BlockCommit(block0, new byte[] {1}, List.of("t0"), List.of(0), state));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String composite(String attribute) {
        return new CompositeKey("t", attribute).toString();
    }

    private SimulationStub stub() {
        return new SimulationStub(new InvocationContext("cc", "ch", "tx1", List.of(ByteString.copyFromUtf8("f")),
                ByteString.EMPTY, Instant.EPOCH, SignedProposal.getDefaultInstance(), Map.of(), ByteString.EMPTY,
                "FinanceMSP"), store);
    }

    private static List<String> keys(Iterable<KeyValue> results) {
        List<String> keys = new ArrayList<>();
        results.forEach(kv -> keys.add(kv.getKey()));
        return keys;
    }

    @Test
    void reads_and_writes_are_sorted_by_utf8_bytes_as_fabric_sorts_them() {
        SimulationStub stub = stub();
        for (String key : List.of(GRINNING, "z", FULLWIDTH_A, "a")) {
            stub.getState(key);
            stub.putState(key, "w".getBytes(StandardCharsets.UTF_8));
        }

        KVRWSet set = stub.readWriteSet();

        List<String> fabricOrder = List.of("a", "z", FULLWIDTH_A, GRINNING);
        assertThat(set.getReadsList()).extracting(KVRead::getKey).containsExactlyElementsOf(fabricOrder);
        assertThat(set.getWritesList()).extracting(KVWrite::getKey).containsExactlyElementsOf(fabricOrder);
    }

    @Test
    void a_partial_composite_key_range_reads_keys_above_u_e000_in_utf8_order() {
        SimulationStub stub = stub();

        assertThat(keys(stub.getStateByPartialCompositeKey("t")))
                .containsExactly(composite(FULLWIDTH_A), composite(GRINNING));
        assertThat(stub.readWriteSet().getRangeQueriesInfo(0).getRawReads().getKvReadsList())
                .extracting(KVRead::getKey).containsExactly(composite(FULLWIDTH_A), composite(GRINNING));
        assertThat(keys(stub.getStateByRange(FULLWIDTH_A, ""))).containsExactly(FULLWIDTH_A, GRINNING);
    }

    @Test
    void pages_continue_from_the_bookmark_in_utf8_order() {
        SimulationStub stub = stub();

        QueryResultsIteratorWithMetadata<KeyValue> first = stub.getStateByRangeWithPagination("z", "", 2, "");
        assertThat(keys(first)).containsExactly("z", FULLWIDTH_A);
        String bookmark = first.getMetadata().getBookmark();
        assertThat(bookmark).isEqualTo(GRINNING);
        assertThat(keys(stub.getStateByRangeWithPagination("z", "", 2, bookmark))).containsExactly(GRINNING);
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.RocksDB;

/**
 * A damaged or stale ledger, as a user meets it: a data folder of a real embedded node with a few
 * blocks, copied, then damaged. {@code verify --data COPY} reads a stopped folder read-only and names
 * a damaged block (exit 6); a ledger behind its read model makes {@code up} refuse to start and
 * {@code verify} stop after a bounded wait instead of hanging.
 */
class DamagedLedgerTest {
    private static final String[] COLUMN_FAMILIES = {"default", "blocks", "txindex", "state", "history", "meta"};

    @TempDir
    static Path tmp;
    /** A stopped folder with several blocks. */
    static Path data;
    /** The same folder when it had fewer blocks. */
    static Path early;

    @BeforeAll
    static void makeLedger() throws Exception {
        data = tmp.resolve("data");
        try (FundtrailServer server = FundtrailServer.start(new DataDir(data), null, 0, -1)) {
            Cli cli = new Cli("--data", data.toString());
            ok(cli, "org", "register", "--as", "FinanceMSP/Admin", "--id", "MOF", "--name", "Ministry of Finance",
                    "--tier", "MINISTRY", "--org-msp", "FinanceMSP");
            assertThat(server.awaitProjection(java.time.Duration.ofSeconds(30))).isTrue();
        }
        early = tmp.resolve("early");
        copy(data, early);
        try (FundtrailServer server = FundtrailServer.start(new DataDir(data), null, 0, -1)) {
            Cli cli = new Cli("--data", data.toString());
            for (int i = 1; i <= 6; i++) {
                ok(cli, "appropriate", "--as", "MOF", "--id", "APP-" + i, "--fiscal-year", "2026", "--amount",
                        "1000", "--cofog", "07.3", "--programme", "P", "--purpose", "Hospitals " + i);
            }
            assertThat(server.awaitProjection(java.time.Duration.ofSeconds(30))).isTrue();
        }
    }

    private static Cli.Run ok(Cli cli, String... args) {
        Cli.Run run = cli.run(args);
        assertThat(run.exit()).as("%s", run).isZero();
        return run;
    }

    @Test
    void verify_reads_a_stopped_folder_read_only() throws Exception {
        Path copy = tmp.resolve("intact");
        copy(data, copy);
        Map<String, String> before = digests(copy);
        Cli.Run run = new Cli("--data", copy.toString()).run("verify");
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("verified blocks 0 to 7");
        assertThat(digests(copy)).as("every file byte-identical, none added or removed").isEqualTo(before);
    }

    @Test
    void verify_names_the_block_a_flipped_byte_in_an_sst_file_damaged_and_writes_nothing() throws Exception {
        Path copy = tmp.resolve("flipped");
        copy(data, copy);
        Path sst = flushBlocksToSst(copy.resolve("node").resolve("ledger"));
        flipByte(sst, Files.size(sst) / 3);
        Map<String, String> before = digests(copy);
        Cli.Run run = new Cli("--data", copy.toString()).run("verify");
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCode.MISMATCH);
        Matcher block = Pattern.compile("verification failed: block (\\d+): block \\1 is damaged in the ledger "
                + "store: .*(?i:corruption|checksum)").matcher(run.out());
        assertThat(block.find()).as("%s", run).isTrue();
        assertThat(digests(copy)).as("every file byte-identical, none added or removed").isEqualTo(before);
    }

    @Test
    void up_refuses_a_ledger_behind_its_read_model() throws Exception {
        Path copy = tmp.resolve("behind");
        copy(data, copy);
        deleteTree(copy.resolve("node").resolve("ledger"));
        copy(early.resolve("node").resolve("ledger"), copy.resolve("node").resolve("ledger"));
        assertThatThrownBy(() -> FundtrailServer.start(new DataDir(copy), null, 0, -1).close())
                .isInstanceOf(UserError.class)
                .hasMessageContaining("the ledger store holds 2 blocks but the read model")
                .hasMessageContaining("already projected blocks up to 7")
                .hasMessageContaining(copy.resolve("readmodel.db").toString());
        assertThat(new DataDir(copy).running()).as("nothing left running").isEmpty();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void verify_stops_with_a_message_when_the_ledger_does_not_have_the_read_model_s_blocks() throws Exception {
        Path copy = tmp.resolve("stale-read-model");
        copy(data, copy);
        Path ahead = tmp.resolve("ahead.db");
        Files.copy(copy.resolve("readmodel.db"), ahead);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ahead);
             Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE projector_checkpoint SET block_number = 12");
        }
        try (FundtrailServer server = FundtrailServer.start(new DataDir(copy), null, 0, -1)) {
            long t0 = System.nanoTime();
            Cli.Run run = new Cli("--data", copy.toString()).run("verify", "--read-model", "jdbc:sqlite:" + ahead,
                    "--wait", "1");
            assertThat(run.exit()).as("%s", run).isEqualTo(ExitCode.MISMATCH);
            assertThat(run.out()).contains("block 8 was not delivered within 1 s")
                    .contains("the ledger is behind the read model, whose checkpoint is block 12");
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(20));
        }
    }

    @Test
    void a_block_damaged_in_the_read_model_is_not_served_and_reconcile_names_it() throws Exception {
        Path copy = tmp.resolve("damaged-read-model");
        copy(data, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("readmodel.db"));
             java.sql.PreparedStatement read = c.prepareStatement("SELECT data FROM blocks WHERE block_number = 3");
             java.sql.PreparedStatement write = c.prepareStatement("UPDATE blocks SET data = ? WHERE block_number = 3")) {
            byte[] block;
            try (java.sql.ResultSet rs = read.executeQuery()) {
                assertThat(rs.next()).isTrue();
                block = rs.getBytes(1);
            }
            block[block.length / 2] ^= 0x01; // inside a transaction's bytes: still parses
            write.setBytes(1, block);
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
        try (FundtrailServer server = FundtrailServer.start(new DataDir(copy), null, 0, 0)) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpResponse<String> bad = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + server.apiPort() + "/api/v1/blocks/3")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(500);
            assertThat(bad.body()).contains("\"CORRUPTED\"").contains("block 3 in the read model is damaged");
            java.net.http.HttpResponse<byte[]> good = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.apiPort() + "/api/v1/blocks/4")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(good.statusCode()).isEqualTo(200);

            Cli.Run reconcile = new Cli("--data", copy.toString()).run("reconcile", "--fiscal-year", "2026");
            assertThat(reconcile.exit()).as("%s", reconcile).isEqualTo(ExitCode.MISMATCH);
            assertThat(reconcile.out()).contains("the read model agrees")
                    .contains("DAMAGED block 3 in the read model is damaged").doesNotContain("DAMAGED block 4");
        }
    }

    @Test
    void a_damaged_read_model_is_named_with_its_fix_and_rebuild_restores_it() throws Exception {
        Path copy = tmp.resolve("garbled-read-model");
        copy(data, copy);
        Path file = copy.resolve("readmodel.db");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(0);
            f.write("this is not SQLite at all".getBytes(StandardCharsets.US_ASCII));
        }
        Cli cli = new Cli("--data", copy.toString());
        Cli.Run list = cli.run("list", "allocations");
        assertThat(list.exit()).as("%s", list).isEqualTo(ExitCode.ERROR);
        assertThat(list.err()).contains("the read model file " + file + " is damaged")
                .contains("fundtrail rebuild").doesNotContain("unexpected error").doesNotContain("fundtrail up");

        Cli.Run rebuild = cli.run("rebuild");
        assertThat(rebuild.exit()).as("%s", rebuild).isZero();
        assertThat(rebuild.out()).contains("8 blocks (to block 7)");
        Cli.Run after = cli.run("list", "allocations");
        assertThat(after.exit()).as("%s", after).isZero();
        assertThat(after.out()).contains("APP-6");
        Cli.Run verify = cli.run("verify");
        assertThat(verify.exit()).as("%s", verify).isZero();
    }

    /** Flushes the store's memtables (a small ledger lives in the WAL) and returns the blocks' table file. */
    static Path flushBlocksToSst(Path store) throws Exception {
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : COLUMN_FAMILIES) {
            descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions();
             RocksDB db = RocksDB.open(options, store.toString(), descriptors, handles);
             FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            db.flush(flush, handles);
            Path found = null;
            for (LiveFileMetaData f : db.getLiveFilesMetaData()) {
                if (new String(f.columnFamilyName(), StandardCharsets.UTF_8).equals("blocks")) {
                    found = store.resolve(f.fileName().replaceFirst("^/", ""));
                }
            }
            handles.forEach(ColumnFamilyHandle::close);
            assertThat(found).as("the blocks are in a table file").isNotNull();
            return found;
        }
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 0x5a);
        }
    }

    static Map<String, String> digests(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journalists' site in a real headless Chromium (Debian's chromium + chromium-driver, see
 * {@code .ci/install-browser}) against the demo ledger served by {@link FundtrailServer}: the numbers
 * the pages show are the API's, the Sankey's bands add up to the year's totals, a shared URL reopens
 * the same view, the keyboard reaches the charts, and the record page verifies the record against the
 * signed blocks with WebCrypto: Verified when untouched, NOT verified (and why) when the read model
 * serves its block with one byte flipped. Skipped, saying why, without a browser.
 */
class SiteBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** network-config/network.yaml's endorsementPolicy, which the demo server states. */
    private static final String LEDGER_POLICY = "AND('FinanceMSP.peer','AuditMSP.peer')";

    static Path data;
    static FundtrailServer server;
    static ChromeDriver browser;
    static String base;
    static int year;

    @BeforeAll
    static void start() throws Exception {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " is missing"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " is missing" : null;
        if (missing != null) {
            System.err.println("SiteBrowserIT skipped: " + missing + "; run .ci/install-browser");
        }
        assumeTrue(missing == null, () -> "no browser: " + missing + "; run .ci/install-browser");
        data = Files.createTempDirectory("fundtrail-site");
        Cli.Run demo = new Cli().run("demo", "--data", data.resolve("d").toString(), "--scale", "1", "--port", "0",
                "--exit");
        assertThat(demo.exit()).as("%s", demo).isZero();
        server = FundtrailServer.start(new DataDir(data.resolve("d")), null, 0, 0);
        assertThat(server.awaitProjection(Duration.ofMinutes(1))).isTrue();
        base = "http://127.0.0.1:" + server.apiPort();
        year = api("/api/v1/summary").at("/byFiscalYear/0/fiscalYear").asInt();
        browser = browser(data.resolve("chromium-profile"));
    }

    /** Headless Chromium with a fresh profile and nothing that talks to the network by itself. */
    static ChromeDriver browser(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Opens a page and waits until the app says it rendered that URL. */
    static void open(String path) {
        browser.get(base + path);
        awaitRendered(path);
    }

    static void awaitRendered(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> path.equals(
                ((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
        assertThat(browser.findElements(By.cssSelector("#view .error"))).as("error on " + path).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, String>> bands() {
        return (List<Map<String, String>>) browser.executeScript("return [...document.querySelectorAll('path.band')]"
                + ".map(b => ({source: b.dataset.source, target: b.dataset.target, value: b.dataset.value}))");
    }

    static BigDecimal sum(List<Map<String, String>> bands, java.util.function.Predicate<Map<String, String>> which) {
        return bands.stream().filter(which).map(b -> new BigDecimal(b.get("value"))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    @Test
    void year_overview_shows_the_api_s_totals_and_a_sankey_whose_bands_add_up() throws Exception {
        open("/fy/" + year);
        JsonNode totals = api("/api/v1/summary?fiscalYear=" + year).at("/byFiscalYear/0");
        for (String k : List.of("appropriated", "transferred", "spent", "returned", "reversed", "available")) {
            WebElement dd = browser.findElement(By.cssSelector("#totals dd[data-total='" + k + "']"));
            assertThat(dd.getAttribute("data-value")).as(k).isEqualTo(totals.get(k).asText());
            assertThat(dd.getText().replace(",", "")).as(k).startsWith(totals.get(k).asText());
        }
        List<Map<String, String>> bands = bands();
        assertThat(bands).isNotEmpty();
        assertThat(sum(bands, b -> b.get("target").equals("spent"))).as("bands into Spent")
                .isEqualByComparingTo(totals.get("spent").asText());
        assertThat(sum(bands, b -> b.get("target").equals("unspent") || b.get("target").equals("returned")))
                .as("bands into Unspent and Returned").isEqualByComparingTo(totals.get("available").asText());
        java.util.Set<String> targets = new java.util.HashSet<>();
        bands.forEach(b -> targets.add(b.get("target")));
        BigDecimal fromRoots = sum(bands, b -> !targets.contains(b.get("source")));
        assertThat(fromRoots).as("bands out of the ministry").isEqualByComparingTo(totals.get("appropriated").asText());
        // the table under the chart holds the same numbers
        List<WebElement> cells = browser.findElements(By.cssSelector("#flow-table td[data-key='amount']"));
        assertThat(cells).hasSize(bands.size());
    }

    @Test
    void keyboard_reaches_a_sankey_node_and_enter_opens_the_organisation() {
        open("/fy/" + year);
        WebElement first = browser.findElement(By.cssSelector("svg.sankey .node[tabindex='0']"));
        String org = first.getAttribute("data-node");
        browser.findElement(By.cssSelector("#flow h2")).click();
        Actions keys = new Actions(browser);
        for (int i = 0; i < 200 && !org.equals(browser.switchTo().activeElement().getAttribute("data-node")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement().getAttribute("data-node")).as("Tab reaches the node").isEqualTo(org);
        keys.sendKeys(Keys.ENTER).perform();
        awaitRendered("/org/" + org + "?fy=" + year);
        assertThat(browser.getCurrentUrl()).endsWith("/org/" + org + "?fy=" + year);
    }

    @Test
    void a_shared_organisation_url_reopens_the_same_view_with_the_api_s_numbers() throws Exception {
        JsonNode dept = api("/api/v1/summary?fiscalYear=" + year).at("/byDepartment/0");
        String id = dept.get("department").asText();
        String path = "/org/" + id + "?fy=" + year;
        open("/fy/" + year);
        browser.findElement(By.cssSelector("#departments-table a[href='" + path + "']")).click();
        awaitRendered(path);
        String navigated = browser.findElement(By.id("view")).getText();
        browser.quit();
        browser = browser(data.resolve("chromium-profile-2"));
        open(path);
        assertThat(browser.findElement(By.id("view")).getText()).isEqualTo(navigated);
        List<JsonNode> own = new java.util.ArrayList<>();
        api("/api/v1/allocations?org=" + id + "&fiscalYear=" + year + "&limit=1000").get("items").forEach(own::add);
        BigDecimal spent = own.stream().map(a -> new BigDecimal(a.at("/balance/spent").asText()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(browser.findElement(By.cssSelector("#money-table td[data-key='spent']"))
                .getAttribute("data-value"))).isEqualByComparingTo(spent);
        assertThat(browser.findElements(By.cssSelector("#allocations-table tbody tr"))).hasSize(own.size());
    }

    @Test
    void trace_and_record_pages_show_the_api_s_tree_and_fields() throws Exception {
        String root = api("/api/v1/allocations?fiscalYear=" + year + "&limit=1").at("/items/0/id").asText();
        JsonNode trace = api("/api/v1/trace/" + root + "?direction=down");
        open("/trace/" + root);
        assertThat(browser.findElements(By.cssSelector("#tree details"))).hasSize(trace.get("nodes").asInt());
        assertThat(browser.findElement(By.cssSelector("#tree > details > summary [data-field='spent']"))
                .getAttribute("data-value")).isEqualTo(trace.at("/root/spent").asText());
        open("/record/" + root);
        assertThat(browser.findElement(By.cssSelector("#fields td[data-field='id']")).getText()).isEqualTo(root);
        assertThat(browser.findElement(By.id("txid")).getText()).isEqualTo(api("/api/v1/records/" + root)
                .at("/ledger/txId").asText());
    }

    /** Waits for the record page's in-browser verification to finish; returns its verdict. */
    static String awaitVerdict(ChromeDriver b) {
        new WebDriverWait(b, Duration.ofSeconds(60)).until(d -> "done".equals(
                ((JavascriptExecutor) d).executeScript("const v = document.getElementById('verify'); return v && v.dataset.state")));
        return b.findElement(By.id("verdict")).getText();
    }

    static Map<String, String> checks(ChromeDriver b) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (WebElement li : b.findElements(By.cssSelector("#verify li[data-check]"))) {
            out.put(li.getAttribute("data-check"), li.getAttribute("data-ok"));
        }
        return out;
    }

    /** The genesis block's header hash as the Java verifier computes it, from the served block 0. */
    static String genesisHash() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/blocks/0")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return java.util.HexFormat.of().formatHex(org.fundtrail.client.verify.BlockHashes.headerHash(
                org.hyperledger.fabric.protos.common.Block.parseFrom(r.body()).getHeader()));
    }

    @Test
    void record_page_verifies_records_of_every_kind_in_the_browser_against_the_trust_anchor() throws Exception {
        String anchor = genesisHash();
        List<String> ids = new java.util.ArrayList<>();
        for (String list : List.of("allocations", "transfers", "expenditures", "outcomes", "returns", "reversals")) {
            ids.add(api("/api/v1/" + list + "?fiscalYear=" + year + "&limit=1").at("/items/0/id").asText());
        }
        ids.add(api("/api/v1/summary?fiscalYear=" + year).at("/byDepartment/0/department").asText());
        for (String id : ids) {
            open("/record/" + id + "?anchor=" + anchor);
            assertThat(awaitVerdict(browser)).as(id).isEqualTo("Verified");
            assertThat(checks(browser)).as(id).isEqualTo(Map.of("record", "true", "block", "true", "chain", "true",
                    "signatures", "true", "policy", "true"));
            assertThat(browser.findElement(By.id("anchor")).getText()).isEqualTo(anchor);
            // no policy in the link: the server's, and the page says whose word it is
            assertThat(browser.findElement(By.id("policy")).getText()).isEqualTo(LEDGER_POLICY);
            assertThat(browser.findElement(By.id("policy-note")).getText()).startsWith("as stated by this server, not "
                    + "by the ledger");
            assertThat(browser.findElement(By.cssSelector("#verify li[data-check='policy'] .detail")).getText())
                    .matches("endorsed by .*FinanceMSP\\.peer.*AuditMSP\\.peer.*: satisfies AND\\('FinanceMSP\\.peer', "
                            + "'AuditMSP\\.peer'\\) \\(as stated by this server, not by the ledger\\)|endorsed by .*AuditMSP"
                            + "\\.peer.*FinanceMSP\\.peer.*: satisfies .*");
        }
        // without an anchor in the link, the page shows block 0's hash as the server gives it
        open("/record/" + ids.get(0));
        assertThat(awaitVerdict(browser)).isEqualTo("Verified against this server's own genesis block (no trust anchor"
                + " given)");
        assertThat(browser.findElement(By.id("anchor")).getText()).isEqualTo(anchor);
        assertThat(browser.findElement(By.id("pin-anchor")).getAttribute("href"))
                .isEqualTo(base + "/record/" + ids.get(0) + "?anchor=" + anchor);
        // another anchor, entered in the form: the chain does not reach it
        String other = "0".repeat(64);
        browser.findElement(By.id("anchor-input")).sendKeys(other, Keys.ENTER);
        awaitRendered("/record/" + ids.get(0) + "?anchor=" + other);
        assertThat(awaitVerdict(browser)).startsWith("NOT verified: block 0's header hash is " + anchor
                + ", not the trust anchor " + other);
        assertThat(checks(browser)).containsEntry("chain", "false").containsEntry("record", "true");
    }

    /** What the record page shows when the read model serves block {@code number} with one byte flipped. */
    record Shown(String verdict, Map<String, String> checks, Map<String, String> details) {
    }

    static Shown withFlippedByte(String id, long number, java.util.function.ToIntFunction<byte[]> where)
            throws Exception {
        // flip one byte of the block as the read model stores it, so the real server serves it so
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(new DataDir(data.resolve("d")).readModelUrl())) {
            byte[] original = blockBytes(db, number);
            int at = where.applyAsInt(original);
            assertThat(at).as("the byte to flip in block %d", number).isPositive();
            byte[] flipped = original.clone();
            flipped[at] ^= 0x01;
            // a fresh profile: blocks are immutable, a browser that saw the original keeps it cached
            ChromeDriver fresh = browser(Files.createTempDirectory(data, "chromium-profile-tamper"));
            try {
                storeBlock(db, number, flipped);
                fresh.get(base + "/record/" + id + "?anchor=" + genesisHash());
                String verdict = awaitVerdict(fresh);
                Map<String, String> details = new java.util.LinkedHashMap<>();
                for (WebElement li : fresh.findElements(By.cssSelector("#verify li[data-check]"))) {
                    details.put(li.getAttribute("data-check"), li.findElement(By.className("detail")).getText());
                }
                return new Shown(verdict, checks(fresh), details);
            } finally {
                storeBlock(db, number, original);
                fresh.quit();
            }
        }
    }

    static org.hyperledger.fabric.protos.common.Block parse(byte[] block) throws Exception {
        return org.hyperledger.fabric.protos.common.Block.parseFrom(block);
    }

    @Test
    void a_served_block_with_one_flipped_byte_in_the_record_s_write_shows_not_verified_and_why() throws Exception {
        JsonNode record = api("/api/v1/expenditures?fiscalYear=" + year + "&limit=1").at("/items/0");
        String id = record.get("id").asText();
        long number = record.at("/ledger/blockNumber").asLong();
        String amount = "\"amount\":\"" + record.get("amount").asText() + "\"";
        // the amount's first digit, in the value the transaction wrote
        Shown shown = withFlippedByte(id, number, b -> writtenAmount(b, "\u0000ft.expenditure\u0000" + id + "\u0000",
                amount) + "\"amount\":\"".length());
        // The server checks its stored copy against the chain before serving it (issue 12): it refuses the
        // block, and the page says so; it never shows a record from a block it could not check.
        assertThat(shown.verdict()).startsWith("NOT verified").contains("block " + number + " in the read model is "
                + "damaged");
        assertThat(shown.checks()).containsEntry("block", "false");
    }

    @Test
    void a_served_block_with_one_flipped_byte_in_the_orderer_s_signature_fails_only_the_signature_check()
            throws Exception {
        JsonNode record = api("/api/v1/transfers?fiscalYear=" + year + "&limit=1").at("/items/0");
        long number = record.at("/ledger/blockNumber").asLong();
        // the last byte of the orderer's DER signature (the end of s): still DER, no longer a valid signature
        Shown shown = withFlippedByte(record.get("id").asText(), number, b -> {
            try {
                byte[] sig = org.hyperledger.fabric.protos.common.Metadata.parseFrom(parse(b).getMetadata()
                        .getMetadata(0)).getSignatures(0).getSignature().toByteArray();
                return indexOf(b, sig, 0) + sig.length - 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(shown.verdict()).matches("NOT verified: orderer signature 0: the signature of OrdererMSP .* does not"
                + " verify");
        assertThat(shown.checks()).isEqualTo(Map.of("record", "true", "block", "true", "chain", "true",
                "signatures", "false", "policy", "true"));
    }

    @Test
    void a_served_block_with_one_flipped_byte_in_its_previous_hash_is_not_chained() throws Exception {
        JsonNode record = api("/api/v1/outcomes?fiscalYear=" + year + "&limit=1").at("/items/0");
        long number = record.at("/ledger/blockNumber").asLong();
        Shown shown = withFlippedByte(record.get("id").asText(), number, b -> {
            try {
                return indexOf(b, parse(b).getHeader().getPreviousHash().toByteArray(), 0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The server's own check of its stored copy (issue 12) refuses the block; the page says so.
        assertThat(shown.verdict()).startsWith("NOT verified").contains("block " + number + " in the read model is "
                + "damaged");
    }

    /**
     * A server that lies: an HTTP proxy on 127.0.0.1 in front of the real API server that passes every
     * GET through unchanged, except the answers it is told to rewrite (by path). The real server's own
     * check of its stored blocks sees nothing wrong, so what the page shows is the page's own checks.
     */
    static final class LyingProxy implements AutoCloseable {
        final com.sun.net.httpserver.HttpServer http;
        final Map<String, java.util.function.UnaryOperator<byte[]>> rewrites = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Set<String> rewritten = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final HttpClient client = HttpClient.newHttpClient();

        LyingProxy() throws java.io.IOException {
            http = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
            http.createContext("/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getRawPath();
                    String query = exchange.getRequestURI().getRawQuery();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path
                            + (query == null ? "" : "?" + query)));
                    String accept = exchange.getRequestHeaders().getFirst("Accept");
                    if (accept != null) {
                        request.header("Accept", accept);
                    }
                    HttpResponse<byte[]> r = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    byte[] body = r.body();
                    java.util.function.UnaryOperator<byte[]> rewrite = rewrites.get(path);
                    if (rewrite != null && r.statusCode() == 200) {
                        body = rewrite.apply(body.clone());
                        rewritten.add(path);
                    }
                    r.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set(
                            "Content-Type", t));
                    exchange.getResponseHeaders().set("Cache-Control", "no-store");
                    exchange.sendResponseHeaders(r.statusCode(), body.length == 0 ? -1 : body.length);
                    if (body.length > 0) {
                        exchange.getResponseBody().write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            http.start();
        }

        String base() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        }
    }

    /** What the record page shows when opened through a proxy that rewrites the given answers. */
    static Shown throughLyingProxy(String id, String query, Map<String, java.util.function.UnaryOperator<byte[]>> rewrites)
            throws Exception {
        try (LyingProxy proxy = new LyingProxy()) {
            proxy.rewrites.putAll(rewrites);
            ChromeDriver fresh = browser(Files.createTempDirectory(data, "chromium-profile-lying"));
            try {
                fresh.get(proxy.base() + "/record/" + id + query);
                String verdict = awaitVerdict(fresh);
                assertThat(proxy.rewritten).as("the answers the proxy changed").isEqualTo(rewrites.keySet());
                Map<String, String> details = new java.util.LinkedHashMap<>();
                for (WebElement li : fresh.findElements(By.cssSelector("#verify li[data-check]"))) {
                    details.put(li.getAttribute("data-check"), li.findElement(By.className("detail")).getText());
                }
                return new Shown(verdict, checks(fresh), details);
            } finally {
                fresh.quit();
            }
        }
    }

    /** Flips one bit of the byte {@code where} finds in a served block. */
    static java.util.function.UnaryOperator<byte[]> flip(java.util.function.ToIntFunction<byte[]> where) {
        return b -> {
            int at = where.applyAsInt(b);
            assertThat(at).as("the byte to flip").isPositive();
            b[at] ^= 0x01;
            return b;
        };
    }

    /** Where block {@code number}'s previous_hash is in an answer of /api/v1/headers, or -1. */
    static int previousHashInHeaders(byte[] answer, long number) {
        try {
            com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(answer);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                byte[] header = in.readByteArray();
                org.hyperledger.fabric.protos.common.BlockHeader h = org.hyperledger.fabric.protos.common.BlockHeader
                        .parseFrom(header);
                if (h.getNumber() == number) {
                    int at = in.getTotalBytesRead() - header.length;
                    return indexOf(answer, h.getPreviousHash().toByteArray(), at);
                }
            }
            return -1;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] servedBlock(long number) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/blocks/" + number)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void a_lying_server_that_changes_the_record_s_write_in_its_block_fails_the_page_s_data_hash_check()
            throws Exception {
        JsonNode record = api("/api/v1/expenditures?fiscalYear=" + year + "&limit=1").at("/items/0");
        String id = record.get("id").asText();
        long number = record.at("/ledger/blockNumber").asLong();
        String amount = "\"amount\":\"" + record.get("amount").asText() + "\"";
        String key = "\u0000ft.expenditure\u0000" + id + "\u0000";
        assertThat(writtenAmount(servedBlock(number), key, amount)).as("the write in block %d", number).isPositive();
        Shown shown = throughLyingProxy(id, "?anchor=" + genesisHash(), Map.of("/api/v1/blocks/" + number,
                flip(b -> writtenAmount(b, key, amount) + "\"amount\":\"".length())));
        // the server served it (its stored copy is intact); the page's data hash check is what catches it
        assertThat(shown.verdict()).startsWith("NOT verified: block " + number + "'s data hash is not the SHA-256 of "
                + "its envelopes");
        assertThat(shown.checks()).containsEntry("block", "false").containsEntry("record", "false")
                .containsEntry("chain", "true");
        assertThat(shown.details().get("record")).contains("differs from what the transaction wrote");
    }

    @Test
    void a_lying_server_that_changes_a_previous_hash_below_the_record_s_block_fails_only_the_chain_check()
            throws Exception {
        JsonNode record = null;
        for (JsonNode r : api("/api/v1/transfers?fiscalYear=" + year + "&limit=50").get("items")) {
            if (r.at("/ledger/blockNumber").asLong() >= 2) {
                record = r;
                break;
            }
        }
        assertThat(record).as("a transfer in block 2 or later").isNotNull();
        long number = record.at("/ledger/blockNumber").asLong();
        long below = number - 1;
        // block below's header as /api/v1/headers serves it (the page downloads no other block below the
        // record's but the config block): previous_hash, one bit flipped; the record's own block (and its
        // orderer signature over its header) is served as it is
        Shown shown = throughLyingProxy(record.get("id").asText(), "?anchor=" + genesisHash(), Map.of(
                "/api/v1/headers", flip(b -> previousHashInHeaders(b, below))));
        // that changes the header below's hash too, so the first link broken, top down, is the record's block's
        assertThat(shown.verdict()).matches("NOT verified: block " + number + "'s previous_hash [0-9a-f]{64} is not "
                + "the hash of block " + below + "'s header \\([0-9a-f]{64}\\)");
        assertThat(shown.checks()).isEqualTo(Map.of("record", "true", "block", "true", "chain", "false",
                "signatures", "true", "policy", "true"));
    }

    @Test
    void a_server_that_states_a_policy_the_endorsements_do_not_satisfy_shows_not_verified_naming_the_policy()
            throws Exception {
        assertThat(api("/api/v1/endorsement-policy").get("policy").asText()).isEqualTo(LEDGER_POLICY);
        JsonNode record = api("/api/v1/allocations?fiscalYear=" + year + "&limit=1").at("/items/0");
        String id = record.get("id").asText();
        String lie = "AND('FinanceMSP.peer','HealthMSP.peer')";
        Shown shown = throughLyingProxy(id, "?anchor=" + genesisHash(), Map.of("/api/v1/endorsement-policy", b -> {
            try {
                com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode)
                        JSON.readTree(b);
                return JSON.writeValueAsBytes(body.put("policy", lie));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(shown.verdict()).matches("NOT verified: the endorsements do not satisfy the endorsement policy "
                + "AND\\('FinanceMSP\\.peer', 'HealthMSP\\.peer'\\) \\(as stated by this server, not by the ledger\\): "
                + "endorsed by .*");
        assertThat(shown.checks()).isEqualTo(Map.of("record", "true", "block", "true", "chain", "true",
                "signatures", "true", "policy", "false"));
    }

    @Test
    void a_policy_in_the_link_is_checked_instead_of_the_server_s_and_said_to_come_from_the_link() throws Exception {
        String id = api("/api/v1/transfers?fiscalYear=" + year + "&limit=1").at("/items/0/id").asText();
        String anchor = genesisHash();
        // any two of three, the ledger's two among them: satisfied
        String twoOfThree = "OutOf(2, 'FinanceMSP.peer', 'HealthMSP.peer', 'AuditMSP.peer')";
        String query = "?anchor=" + anchor + "&policy=" + java.net.URLEncoder.encode(twoOfThree,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        open("/record/" + id + query);
        assertThat(awaitVerdict(browser)).isEqualTo("Verified");
        assertThat(browser.findElement(By.id("policy")).getText()).isEqualTo(twoOfThree);
        assertThat(browser.findElement(By.id("policy-note")).getText()).isEqualTo("from the link you opened (?policy=).");
        assertThat(browser.findElement(By.cssSelector("#verify li[data-check='policy'] .detail")).getText())
                .endsWith("satisfies " + twoOfThree + " (from the link you opened (?policy=))");
        // the right orgs in the wrong role: the endorsers are peers, not admins
        String admins = "AND('FinanceMSP.admin','AuditMSP.peer')";
        open("/record/" + id + "?anchor=" + anchor + "&policy=" + java.net.URLEncoder.encode(admins,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(awaitVerdict(browser)).startsWith("NOT verified: the endorsements do not satisfy the endorsement "
                + "policy AND('FinanceMSP.admin', 'AuditMSP.peer') (from the link you opened (?policy=))");
        assertThat(checks(browser)).containsEntry("policy", "false").containsEntry("signatures", "true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_page_s_policy_evaluator_reads_fabric_s_syntax_and_counts_each_endorser_once_in_its_role() {
        open("/");
        Map<String, Object> results = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/assets/policy.js').then((p) => {
                  const fin = { mspId: 'FinanceMSP', role: 'peer' };
                  const aud = { mspId: 'AuditMSP', role: 'peer' };
                  const finAdmin = { mspId: 'FinanceMSP', role: 'admin' };
                  const noRole = { mspId: 'HealthMSP', role: null };
                  const ok = (text, signers) => p.satisfiedBy(p.parse(text), signers);
                  const error = (text) => { try { p.parse(text); return 'parsed'; } catch (e) { return e.constructor.name; } };
                  done({
                    and: ok("AND('FinanceMSP.peer','AuditMSP.peer')", [fin, aud]),
                    andMissing: ok("AND('FinanceMSP.peer','AuditMSP.peer')", [fin]),
                    andSameSignerTwice: ok("AND('FinanceMSP.peer','FinanceMSP.peer')", [fin]),
                    andTwoOfSameMsp: ok("AND('FinanceMSP.peer','FinanceMSP.member')", [fin, finAdmin]),
                    or: ok("OR('HealthMSP.peer','AuditMSP.peer')", [aud]),
                    orNone: ok("OR('HealthMSP.peer','FinanceMSP.admin')", [fin, aud]),
                    outOf2: ok("OutOf(2, 'FinanceMSP.peer', 'HealthMSP.peer', 'AuditMSP.peer')", [fin, aud]),
                    outOf2One: ok("OutOf(2, 'FinanceMSP.peer', 'HealthMSP.peer', 'AuditMSP.peer')", [aud]),
                    outOfQuoted: ok("OutOf('2', 'FinanceMSP.peer', 'AuditMSP.peer')", [aud, fin]),
                    roleMismatch: ok("AND('FinanceMSP.admin','AuditMSP.peer')", [fin, aud]),
                    member: ok("OR('FinanceMSP.member')", [finAdmin]),
                    memberNoRole: ok("OR('HealthMSP.member')", [noRole]),
                    peerNoRole: ok("OR('HealthMSP.peer')", [noRole]),
                    nested: ok("OR(AND('FinanceMSP.peer','HealthMSP.peer'), AND('FinanceMSP.peer','AuditMSP.peer'))", [fin, aud]),
                    nestedShared: ok("AND(OR('FinanceMSP.peer','AuditMSP.peer'), OR('FinanceMSP.peer'))", [fin, aud]),
                    render: p.render(p.parse(`and( 'A.peer' , or('B.member',"C.admin"), OutOf(1,'D.client'))`)),
                    badRole: error("AND('FinanceMSP.boss')"),
                    badOp: error("ALL('FinanceMSP.peer')"),
                    tooMany: error("OutOf(3, 'A.peer', 'B.peer')"),
                    trailing: error("OR('A.peer') x"),
                    unclosed: error("AND('A.peer'"),
                  });
                }, (e) => done({ error: String(e) }));
                """);
        assertThat(results).doesNotContainKey("error");
        assertThat(results).containsEntry("and", true).containsEntry("andMissing", false)
                .containsEntry("andSameSignerTwice", false).containsEntry("andTwoOfSameMsp", true)
                .containsEntry("or", true).containsEntry("orNone", false).containsEntry("outOf2", true)
                .containsEntry("outOf2One", false).containsEntry("outOfQuoted", true)
                .containsEntry("roleMismatch", false).containsEntry("member", true).containsEntry("memberNoRole", false)
                .containsEntry("peerNoRole", false).containsEntry("nested", true)
                // the first OR uses every signer it can, so the second finds FinanceMSP's peer used: rules in
                // order, each signer once, as Fabric's cauthdsl (and EndorsementPolicy) evaluate them
                .containsEntry("nestedShared", false)
                .containsEntry("render", "AND('A.peer', OR('B.member', 'C.admin'), OR('D.client'))")
                .containsEntry("badRole", "PolicyError").containsEntry("badOp", "PolicyError")
                .containsEntry("tooMany", "PolicyError").containsEntry("trailing", "PolicyError")
                .containsEntry("unclosed", "PolicyError");
    }

    static byte[] blockBytes(java.sql.Connection db, long number) throws java.sql.SQLException {
        try (java.sql.PreparedStatement st = db.prepareStatement("SELECT data FROM blocks WHERE block_number = ?")) {
            st.setLong(1, number);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    static void storeBlock(java.sql.Connection db, long number, byte[] data) throws java.sql.SQLException {
        try (java.sql.PreparedStatement st = db.prepareStatement("UPDATE blocks SET data = ? WHERE block_number = ?")) {
            st.setBytes(1, data);
            st.setLong(2, number);
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    /**
     * Where the amount is in the value of the KVWrite of that key (key field, then field 3 value): not in
     * the proposal's arguments or the event, which may hold the same text.
     */
    static int writtenAmount(byte[] block, String key, String amount) {
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = indexOf(block, k, 0); i >= 0; i = indexOf(block, k, i + 1)) {
            int at = i + k.length;
            if (at < block.length && block[at] == 0x1a) { // KVWrite.value follows the key (a KVRead has a version)
                int start = at + 1;
                while ((block[start] & 0x80) != 0) {
                    start++;
                }
                int found = indexOf(block, amount.getBytes(java.nio.charset.StandardCharsets.UTF_8), start + 1);
                return found < 0 ? -1 : found;
            }
        }
        return -1;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

package org.fundtrail.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test: a benchmark, run only when asked (see docs/BENCHMARKS.md), through failsafe so that its
 * classpath is the build's:
 *
 * <pre>
 * mvn -o -pl cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SiteBenchmark -Dfailsafe.failIfNoSpecifiedTests=false -Dfundtrail.bench=true \
 *     [-Dfundtrail.bench.data=DIR] [-Dfundtrail.bench.runs=7] [-Dfundtrail.bench.screenshots=DIR]
 * </pre>
 *
 * <p>It serves the default demo (created in {@code fundtrail.bench.data} when that folder has none;
 * default {@code cli/target/bench-demo}) and, in a fresh headless Chromium per run (empty profile, so
 * an empty cache), measures the year overview: time from navigation start to the app's
 * {@code fundtrail-rendered} mark (totals, Sankey and tables drawn from the API's answers), first
 * contentful paint, and the bytes transferred (compressed, as on the wire) and decoded, for the page's
 * own files and for the API's answers. The first run also takes a screenshot of each page (year,
 * organisation, trace, and record with its in-browser verification, whose time and block bytes it
 * prints), and of the record page while the read model serves its block with one byte flipped (restored
 * afterwards), into {@code fundtrail.bench.screenshots} (default {@code docs/screenshots}).
 */
@EnabledIfSystemProperty(named = "fundtrail.bench", matches = "true")
class SiteBenchmark {
    @Test
    void year_overview_render_time_and_page_weight_and_screenshots() throws Exception {
        Path root = Path.of(System.getProperty("fundtrail.root", ".."));
        Path data = Path.of(System.getProperty("fundtrail.bench.data", root.resolve("cli/target/bench-demo").toString()));
        Path shots = Path.of(System.getProperty("fundtrail.bench.screenshots", root.resolve("docs/screenshots").toString()));
        int runs = Integer.getInteger("fundtrail.bench.runs", 7);
        if (!Files.exists(data.resolve("network.yaml"))) {
            Cli.Run demo = new Cli().run("demo", "--data", data.toString(), "--port", "0", "--exit");
            if (demo.exit() != 0) {
                throw new IllegalStateException(demo.toString());
            }
        }
        Files.createDirectories(shots);
        try (FundtrailServer server = FundtrailServer.start(new DataDir(data), null, 0, 0)) {
            server.awaitProjection(Duration.ofMinutes(5));
            SiteBrowserIT.base = "http://127.0.0.1:" + server.apiPort();
            int year = SiteBrowserIT.api("/api/v1/summary").at("/byFiscalYear/0/fiscalYear").asInt();
            long height = SiteBrowserIT.api("/api/v1/health").get("ledgerHeight").asLong();
            List<Double> render = new ArrayList<>();
            List<Double> paint = new ArrayList<>();
            List<Map<String, Object>> weights = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path profile = Files.createTempDirectory("fundtrail-bench");
                ChromeDriver browser = SiteBrowserIT.browser(profile);
                try {
                    SiteBrowserIT.browser = browser;
                    SiteBrowserIT.open("/fy/" + year);
                    render.add(((Number) browser.executeScript(
                            "return performance.getEntriesByName('fundtrail-rendered')[0].startTime")).doubleValue());
                    paint.add(((Number) browser.executeScript("const p = performance.getEntriesByName("
                            + "'first-contentful-paint')[0]; return p ? p.startTime : -1")).doubleValue());
                    @SuppressWarnings("unchecked")
                    Map<String, Object> w = (Map<String, Object>) browser.executeScript(
                            "const all = performance.getEntriesByType('navigation')"
                            + ".concat(performance.getEntriesByType('resource'));"
                            + "const sum = (es, f) => es.reduce((s, e) => s + e[f], 0);"
                            + "const api = all.filter(e => e.name.includes('/api/'));"
                            + "const page = all.filter(e => !e.name.includes('/api/'));"
                            + "return {pageFiles: page.length, pageTransferred: sum(page, 'transferSize'),"
                            + " pageEncoded: sum(page, 'encodedBodySize'), pageDecoded: sum(page, 'decodedBodySize'),"
                            + " apiAnswers: api.length, apiTransferred: sum(api, 'transferSize'),"
                            + " apiDecoded: sum(api, 'decodedBodySize')}");
                    weights.add(w);
                    if (i == 0) {
                        screenshots(browser, shots, year, data);
                    }
                } finally {
                    browser.quit();
                }
            }
            System.out.printf("SiteBenchmark: demo ledger height %d, year overview /fy/%d, %d fresh-browser runs%n",
                    height, year, runs);
            System.out.printf("  first meaningful render (fundtrail-rendered mark) ms: %s; median %.0f ms%n",
                    render, median(render));
            System.out.printf("  first contentful paint ms: %s; median %.0f ms%n", paint, median(paint));
            System.out.printf("  bytes per run: %s%n", weights);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void screenshots(ChromeDriver browser, Path dir, int year, Path data) throws Exception {
        shoot(browser, dir.resolve("year.png"));
        String org = SiteBrowserIT.api("/api/v1/summary?fiscalYear=" + year).at("/byDepartment/0/department").asText();
        SiteBrowserIT.open("/org/" + org + "?fy=" + year);
        shoot(browser, dir.resolve("organisation.png"));
        // a ministry appropriation for the department's second programme: three tiers deep
        String ministry = SiteBrowserIT.api("/api/v1/organisations/" + org).get("parentId").asText();
        String root = SiteBrowserIT.api("/api/v1/allocations?fiscalYear=" + year + "&org=" + ministry + "&limit=2")
                .at("/items/1/id").asText();
        SiteBrowserIT.open("/trace/" + root);
        shoot(browser, dir.resolve("trace.png"));
        String expenditure = SiteBrowserIT.api("/api/v1/expenditures?fiscalYear=" + year + "&limit=1")
                .at("/items/0/id").asText();
        // with the trust anchor in the link, as a journalist would share it
        String anchor = SiteBrowserIT.genesisHash();
        SiteBrowserIT.open("/record/" + expenditure + "?anchor=" + anchor);
        String verdict = SiteBrowserIT.awaitVerdict(browser);
        System.out.printf("SiteBenchmark: record page /record/%s: %s; verification %s%n", expenditure, verdict,
                browser.executeScript("const b = performance.getEntriesByType('resource')"
                        + ".filter(e => e.name.includes('/api/v1/blocks/') || e.name.includes('/api/v1/headers'));"
                        + "const sum = (f) => b.reduce((s, e) => s + e[f], 0);"
                        + "return {doneMs: performance.getEntriesByName('fundtrail-verified')[0].startTime,"
                        + " requests: b.length, headers: b.filter(e => e.name.includes('/headers')).length, transferred: sum('transferSize'), decoded: sum('decodedBodySize')}"));
        shoot(browser, dir.resolve("record.png"));
        tamperedRecord(browser, dir, data, expenditure, anchor);
    }

    /**
     * The same record page in a fresh browser while the read model serves its block with one byte of the
     * record's amount flipped (restored afterwards): what "NOT verified" looks like.
     */
    private static void tamperedRecord(ChromeDriver previous, Path dir, Path data, String id, String anchor)
            throws Exception {
        com.fasterxml.jackson.databind.JsonNode record = SiteBrowserIT.api("/api/v1/records/" + id);
        long number = record.at("/ledger/blockNumber").asLong();
        String amount = "\"amount\":\"" + record.get("amount").asText() + "\"";
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(new DataDir(data).readModelUrl())) {
            byte[] original = SiteBrowserIT.blockBytes(db, number);
            byte[] flipped = original.clone();
            flipped[SiteBrowserIT.writtenAmount(original, "\u0000ft.expenditure\u0000" + id + "\u0000", amount)
                    + "\"amount\":\"".length()] ^= 0x01;
            ChromeDriver fresh = SiteBrowserIT.browser(Files.createTempDirectory("fundtrail-bench"));
            try {
                SiteBrowserIT.storeBlock(db, number, flipped);
                SiteBrowserIT.browser = fresh;
                SiteBrowserIT.open("/record/" + id + "?anchor=" + anchor);
                SiteBrowserIT.awaitVerdict(fresh);
                shoot(fresh, dir.resolve("record-tampered.png"));
            } finally {
                SiteBrowserIT.storeBlock(db, number, original);
                SiteBrowserIT.browser = previous;
                fresh.quit();
            }
        }
    }

    /** The page from its top, at most 2600 px of it, in a 1280 px wide viewport (Chromium's device metrics). */
    private static void shoot(ChromeDriver browser, Path file) throws Exception {
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height",
                Math.min(2600, height), "deviceScaleFactor", 1, "mobile", false));
        Thread.sleep(300);
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
}

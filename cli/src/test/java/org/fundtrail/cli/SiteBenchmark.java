package org.fundtrail.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Not a test: time to first meaningful render of the year overview on the default demo, in headless
 * Chromium (the app's {@code fundtrail-rendered} performance mark, measured from navigation start),
 * the bytes transferred, and screenshots of each page into {@code docs/}. Run as documented in
 * docs/BENCHMARKS.md: {@code java -cp … org.fundtrail.cli.SiteBenchmark DATA_DIR DOCS_DIR RUNS}.
 */
public final class SiteBenchmark {
    private SiteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path docs = Path.of(args[1]);
        int runs = Integer.parseInt(args[2]);
        if (!Files.exists(data.resolve("network.yaml"))) {
            Cli.Run demo = new Cli().run("demo", "--data", data.toString(), "--port", "0", "--exit");
            if (demo.exit() != 0) {
                throw new IllegalStateException(demo.toString());
            }
        }
        try (FundtrailServer server = FundtrailServer.start(new DataDir(data), null, 0, 0)) {
            server.awaitProjection(Duration.ofMinutes(5));
            SiteBrowserIT.base = "http://127.0.0.1:" + server.apiPort();
            int year = SiteBrowserIT.api("/api/v1/summary").at("/byFiscalYear/0/fiscalYear").asInt();
            List<Double> render = new ArrayList<>();
            List<Long> bytes = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Path profile = Files.createTempDirectory("fundtrail-bench");
                ChromeDriver browser = SiteBrowserIT.browser(profile);
                try {
                    SiteBrowserIT.browser = browser;
                    SiteBrowserIT.open("/fy/" + year);
                    render.add(((Number) browser.executeScript(
                            "return performance.getEntriesByName('fundtrail-rendered')[0].startTime")).doubleValue());
                    bytes.add(((Number) browser.executeScript("return performance.getEntriesByType('navigation')"
                            + ".concat(performance.getEntriesByType('resource'))"
                            + ".filter(e => !e.name.includes('/api/')).reduce((s, e) => s + e.transferSize, 0)"))
                            .longValue());
                    if (i == 0 && docs != null) {
                        shoot(browser, docs.resolve("site-year.png"));
                        String org = SiteBrowserIT.api("/api/v1/summary?fiscalYear=" + year)
                                .at("/byDepartment/0/department").asText();
                        SiteBrowserIT.open("/org/" + org + "?fy=" + year);
                        shoot(browser, docs.resolve("site-org.png"));
                        String root = SiteBrowserIT.api("/api/v1/allocations?fiscalYear=" + year + "&limit=1")
                                .at("/items/0/id").asText();
                        SiteBrowserIT.open("/trace/" + root);
                        shoot(browser, docs.resolve("site-trace.png"));
                        SiteBrowserIT.open("/record/" + root);
                        shoot(browser, docs.resolve("site-record.png"));
                    }
                } finally {
                    browser.quit();
                }
            }
            List<Double> sorted = new ArrayList<>(render);
            sorted.sort(null);
            System.out.printf("year overview /fy/%d: first meaningful render ms per run %s, median %.0f ms;"
                    + " page assets transferred (no API answers) %s bytes%n", year, render,
                    sorted.get(sorted.size() / 2), bytes);
        }
    }

    private static void shoot(ChromeDriver browser, Path file) throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}

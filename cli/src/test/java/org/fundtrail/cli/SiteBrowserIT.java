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
 * the same view, and the keyboard reaches the charts. Skipped, saying why, without a browser.
 */
class SiteBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

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
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
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
}

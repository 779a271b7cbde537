package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fundtrail up} as a person runs it: a separate process that serves the data folder until it
 * is told to stop (SIGTERM runs the same shutdown as Ctrl-C), removes its run file on the way out,
 * and resumes where it stopped when started again.
 */
class UpProcessTest {

    /**
     * A running {@code fundtrail up}, what it printed until "Press Ctrl-C to stop.", and everything it
     * printed on the console (stdout and stderr) so far.
     */
    private record Up(Process process, String printed, StringBuffer console) {
    }

    private static Up up(Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Fundtrail.class.getName(), "up", "--data", data.toString(),
                "--gateway-port", "0", "--port", "0").redirectErrorStream(true);
        // as the launcher (./fundtrail) does: the chaincode shim reads its log level from these only
        builder.environment().put("CORE_CHAINCODE_LOGGING_LEVEL", "WARNING");
        builder.environment().put("CORE_CHAINCODE_LOGGING_SHIM", "WARNING");
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String line;
        StringBuffer seen = new StringBuffer();
        while ((line = out.readLine()) != null && Instant.now().isBefore(deadline)) {
            seen.append(line).append('\n');
            if (line.startsWith("Press Ctrl-C to stop.")) {
                String printed = seen.toString();
                Thread drain = new Thread(() -> {
                    try {
                        for (String more = out.readLine(); more != null; more = out.readLine()) {
                            seen.append(more).append('\n');
                        }
                    } catch (java.io.IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                assertThat(seen.toString()).contains("Fabric gateway  127.0.0.1:").contains("public API      http://");
                return new Up(process, printed, seen);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("fundtrail up did not start:\n" + seen);
    }

    /** FUNDTRAIL_DATA is the default --data of every command. */
    @Test
    void the_fundtrail_data_environment_variable_is_the_default_data_folder(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("from-env");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Fundtrail.class.getName(), "show", "MOF")
                .redirectErrorStream(true);
        builder.environment().put("FUNDTRAIL_DATA", data.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(output).contains("fundtrail up --data " + data);
    }

    @Test
    void up_serves_until_stopped_cleans_up_and_resumes(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Cli cli = new Cli("--data", data.toString());
        Up firstUp = up(data);
        Process first = firstUp.process();
        assertThat(firstUp.printed()).as("an empty ledger: next steps").contains("The ledger is empty. Next steps")
                .contains("./fundtrail org register --as FinanceMSP/Admin --id MOF --name \"Ministry of Finance\" "
                        + "--tier MINISTRY --org-msp FinanceMSP --data " + data)
                .contains("Adding an organisation").contains("./fundtrail appropriate --as MOF");
        try {
            assertThat(new DataDir(data).running()).isPresent();
            Cli.Run registered = cli.run("org", "register", "--as", "FinanceMSP/Admin", "--id", "MOF", "--name",
                    "Ministry of Finance", "--tier", "MINISTRY", "--org-msp", "FinanceMSP");
            assertThat(registered.exit()).as("%s", registered).isZero();
            String api = firstUp.printed().lines().filter(l -> l.contains("public API")).findFirst().orElseThrow()
                    .replaceAll(".*(http://[^ ]+/).*", "$1");
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api
                    + "openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
        } finally {
            first.destroy();
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
        Path log = data.resolve("fundtrail.log");
        assertThat(firstUp.console().toString()).as("the console: what fundtrail prints, no library INFO lines")
                .doesNotContain("INFO").doesNotContain("Flyway").doesNotContain("Javalin").doesNotContain("jetty")
                .doesNotContain("GET /openapi.json");
        assertThat(Files.readString(log)).as("the log file").contains("INFO").contains("Flyway")
                .contains("Javalin").contains("GET /openapi.json");
        assertThat(firstUp.printed()).contains("log             " + log);
        assertThat(Files.exists(new DataDir(data).runFile())).as("run file removed on the way out").isFalse();
        assertThat(cli.run("show", "MOF", "--from-ledger").exit()).isEqualTo(ExitCode.UNREACHABLE);

        Up secondUp = up(data);
        Process second = secondUp.process();
        assertThat(secondUp.printed()).as("the ministry is registered").doesNotContain("The ledger is empty");
        try {
            Cli.Run shown = cli.run("show", "MOF", "--from-ledger");
            assertThat(shown.exit()).as("%s", shown).isZero();
            assertThat(shown.out()).contains("Ministry of Finance");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            Cli.Run fromReadModel = cli.run("show", "MOF");
            while (fromReadModel.exit() != 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                fromReadModel = cli.run("show", "MOF");
            }
            assertThat(fromReadModel.out()).contains("Ministry of Finance");
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }
}

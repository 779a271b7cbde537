package org.fundtrail.chaincode.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar runs as chaincode-as-a-service: started as a peer's external builder would start
 * it, it listens on {@code CHAINCODE_SERVER_ADDRESS}.
 */
class ChaincodeServiceIT {

    @Test
    void the_service_jar_starts_a_chaincode_server_on_the_given_address(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("fundtrail.service.jar", "target/missing.jar"));
        assertThat(jar).as("the shaded service jar, built by mvn package").exists();
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path log = dir.resolve("chaincode.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        builder.environment().put("CORE_CHAINCODE_ID_NAME", "spending_1.0:0123456789abcdef");
        Process process = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            boolean listening = false;
            while (!listening && process.isAlive() && Instant.now().isBefore(deadline)) {
                listening = connects(port);
                if (!listening) {
                    Thread.sleep(200);
                }
            }
            assertThat(listening).as("chaincode server listening on %d; log:%n%s", port, Files.exists(log)
                    ? Files.readString(log) : "").isTrue();
            assertThat(process.isAlive()).isTrue();
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    private static boolean connects(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

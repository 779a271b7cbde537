package org.fundtrail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The data folder of an embedded Fundtrail network:
 * <pre>
 * DATA/network.yaml                      the network definition
 * DATA/node/                             the embedded node (crypto/ MSP folders, ledger/)
 * DATA/connections/MSP/USER.json         a connection file per user
 * DATA/readmodel.db                      the SQL read model
 * DATA/run.json                          present while {@code fundtrail up} runs: ports and process id
 * </pre>
 *
 * @param root the folder
 */
public record DataDir(Path root) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the network definition file */
    public Path networkFile() {
        return root.resolve("network.yaml");
    }

    /** @return the embedded node's folder */
    public Path nodeDir() {
        return root.resolve("node");
    }

    /** @return the connection file of a user */
    public Path connectionFile(String mspId, String user) {
        return root.resolve("connections").resolve(mspId).resolve(user + ".json");
    }

    /** @return the read model's JDBC URL */
    public String readModelUrl() {
        return "jdbc:sqlite:" + root.resolve("readmodel.db").toAbsolutePath();
    }

    /** @return the run file written while a node serves this folder */
    public Path runFile() {
        return root.resolve("run.json");
    }

    /** @return whether {@code network init} has run here */
    public boolean isInitialised() {
        return Files.exists(networkFile());
    }

    /**
     * What a running {@code fundtrail up} recorded.
     *
     * @param pid its process id
     * @param gatewayPort the node's gateway port
     * @param apiPort the API's port, or 0 when not serving
     */
    public record Running(long pid, int gatewayPort, int apiPort) {
    }

    /**
     * @return the running node serving this folder, if its process is alive
     * @throws UserError when the run file is unreadable
     */
    public Optional<Running> running() {
        Path file = runFile();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(file.toFile());
            Running running = new Running(json.get("pid").asLong(), json.get("gatewayPort").asInt(),
                    json.path("apiPort").asInt(0));
            boolean alive = ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(running) : Optional.empty();
        } catch (IOException | NullPointerException e) {
            throw new UserError(ExitCode.ERROR, "cannot read " + file + " (" + e.getMessage()
                    + "); if no node runs, delete it");
        }
    }

    /** Records that this process serves the folder (written atomically). */
    public void writeRunning(Running running) throws IOException {
        Path tmp = root.resolve("run.json.tmp");
        JSON.writeValue(tmp.toFile(), JSON.createObjectNode().put("pid", running.pid())
                .put("gatewayPort", running.gatewayPort()).put("apiPort", running.apiPort()));
        Files.move(tmp, runFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Removes the run file. */
    public void clearRunning() {
        try {
            Files.deleteIfExists(runFile());
        } catch (IOException e) {
            // the next start overwrites it; a stale pid is detected as not alive
        }
    }
}

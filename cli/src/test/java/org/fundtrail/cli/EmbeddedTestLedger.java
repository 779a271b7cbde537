package org.fundtrail.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.fundtrail.client.ConnectionConfig;

/** The embedded node serving a data folder, with its projector and API, as {@code fundtrail up} runs it. */
final class EmbeddedTestLedger implements TestLedger {
    private final DataDir dir;
    private final FundtrailServer server;

    EmbeddedTestLedger(Path data) throws IOException {
        this.dir = new DataDir(data);
        this.server = FundtrailServer.start(dir, null, 0, 0);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public DataDir dir() {
        return dir;
    }

    @Override
    public List<String> cliOptions() {
        return List.of("--data", dir.root().toString());
    }

    @Override
    public ConnectionConfig connection(String mspId, String user) throws IOException {
        return ConnectionConfig.load(dir.connectionFile(mspId, user)).withEndpoint("127.0.0.1:" + server.node().port());
    }

    @Override
    public int apiPort() {
        return server.apiPort();
    }

    @Override
    public void close() {
        server.close();
    }
}

package org.fundtrail.cli;

import java.io.IOException;
import java.util.List;
import org.fundtrail.client.ConnectionConfig;
import org.fundtrail.client.FundtrailLedger;

/** A ledger the scenario suite runs against: the embedded node or a real Fabric network. */
interface TestLedger extends AutoCloseable {
    /** @return a short name for messages: {@code embedded} or {@code fabric} */
    String name();

    /** @return the ledger's data folder */
    DataDir dir();

    /** @return the {@code fundtrail} options that select this ledger */
    List<String> cliOptions();

    /**
     * @param mspId the user's MSP
     * @param user the user's name in the network definition
     * @return a connection as that user
     */
    ConnectionConfig connection(String mspId, String user) throws IOException;

    /** @return a client signing as a user of the network definition */
    default FundtrailLedger open(String mspId, String user) throws IOException {
        return FundtrailLedger.newInstance().config(connection(mspId, user)).build();
    }

    /**
     * The public API serving this ledger's read model, as {@code fundtrail up} (embedded) or
     * {@code fundtrail up --network fabric} runs it; started on first use.
     *
     * @return its port on 127.0.0.1
     */
    int apiPort() throws IOException;

    /** Stops the ledger; its data folder stays. */
    @Override
    void close();
}

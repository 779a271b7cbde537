package org.fundtrail.network.node;

import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.fundtrail.network.crypto.NetworkCrypto;
import org.fundtrail.network.definition.NetworkDefinition;

/**
 * A single-process, Fabric Gateway-compatible network: every org's endorsing peer, the ordering
 * service and the committing peer in one JVM, serving Fabric's Gateway and Deliver gRPC services on
 * a loopback port and on an in-process channel. It runs the unmodified contract classes on the
 * classpath, checks every signature against the orgs' MSPs, validates transactions as Fabric does
 * and writes Fabric blocks durably (see {@code docs/STORAGE.md}).
 *
 * <pre>{@code
 * try (EmbeddedNode node = EmbeddedNode.newInstance()
 *     .dataDirectory(Path.of("data"))
 *     .network(NetworkDefinition.defaults())
 *     .port(0)
 *     .blockCutting(500, 5)
 *     .build()) {
 *   node.start();
 *   ManagedChannel channel = node.inProcessChannel();
 *   Gateway gateway = Gateway.newInstance().identity(id).signer(signer).connection(channel).connect();
 * }
 * }</pre>
 */
public interface EmbeddedNode extends AutoCloseable {
    /** @return a builder for a node */
    static Builder newInstance() {
        return new Builder();
    }

    /**
     * Generates crypto material if missing, opens (recovering) the ledger, writes the genesis block of
     * a new ledger, and starts serving.
     *
     * @throws IOException when the data directory, the ledger or the port cannot be used
     * @throws IllegalStateException when already started or closed
     */
    void start() throws IOException;

    /**
     * @return the loopback TCP port the node listens on
     * @throws IllegalStateException when not started or TCP is disabled
     */
    int port();

    /**
     * @return a new in-process channel to the node; the caller shuts it down
     * @throws IllegalStateException when not started
     */
    ManagedChannel inProcessChannel();

    /** @return the network definition the node serves */
    NetworkDefinition network();

    /**
     * @return the network's crypto material (identities for clients)
     * @throws IllegalStateException when not started
     */
    NetworkCrypto crypto();

    /** @return the number of committed blocks */
    long height();

    /** Stops serving and closes the ledger. Idempotent. */
    @Override
    void close();

    /**
     * Builds an {@link EmbeddedNode}.
     *
     * <pre>{@code EmbeddedNode.newInstance().dataDirectory(dir).build();}</pre>
     */
    final class Builder {
        Path dataDirectory;
        NetworkDefinition network = NetworkDefinition.defaults();
        int port = 0;
        boolean tcp = true;
        boolean tls;
        String contractClasspath;
        int maxTransactionsPerBlock = 500;
        long maxBlockDelayMillis = 5;

        Builder() {
        }

        /**
         * @param dataDirectory holds {@code crypto/} (MSP folders) and {@code ledger/}; required
         * @return this builder
         */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
            return this;
        }

        /**
         * @param network the network definition (default {@link NetworkDefinition#defaults()})
         * @return this builder
         */
        public Builder network(NetworkDefinition network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        /**
         * @param port the loopback port, 0 for any free port (the default)
         * @return this builder
         * @throws IllegalArgumentException when out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            this.tcp = true;
            return this;
        }

        /**
         * @param tls whether the TCP port speaks TLS with the gateway org's peer TLS certificate
         *     ({@code crypto().peerTls(mspId)}; clients trust its {@code caCertificate()}); default off
         * @return this builder
         */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /**
         * @param contractClasspath the classpath entries the shim scans for {@code @Contract} classes
         *     (path-separator separated, e.g. the chaincode jar and the shim jar), to start faster;
         *     default: the whole classpath
         * @return this builder
         */
        public Builder contractClasspath(String contractClasspath) {
            this.contractClasspath = Objects.requireNonNull(contractClasspath, "contractClasspath");
            return this;
        }

        /**
         * Serves only the in-process channel.
         *
         * @return this builder
         */
        public Builder inProcessOnly() {
            this.tcp = false;
            return this;
        }

        /**
         * @param maxTransactions a block is cut at this many transactions (default 500)
         * @param maxDelayMillis or this long after its first transaction arrived (default 5)
         * @return this builder
         * @throws IllegalArgumentException when {@code maxTransactions < 1} or {@code maxDelayMillis < 0}
         */
        public Builder blockCutting(int maxTransactions, long maxDelayMillis) {
            if (maxTransactions < 1 || maxDelayMillis < 0) {
                throw new IllegalArgumentException("need maxTransactions >= 1 and maxDelayMillis >= 0");
            }
            this.maxTransactionsPerBlock = maxTransactions;
            this.maxBlockDelayMillis = maxDelayMillis;
            return this;
        }

        /**
         * @return the node, not yet started
         * @throws NullPointerException when no data directory was given
         */
        public EmbeddedNode build() {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            return new EmbeddedNodeImpl(this);
        }
    }
}

package org.fundtrail.api;

import java.io.IOException;
import java.time.Duration;
import org.fundtrail.client.readmodel.ReadModel;

/**
 * The public read-only HTTP API of a Fundtrail ledger, served from its read model: record lists
 * with filters, cursor pagination and CSV export, single records with their ledger reference,
 * traces, histories, a summary, transactions and blocks, the OpenAPI document ({@code /openapi.json}),
 * its documentation page ({@code /docs}) and a web page for journalists ({@code /}).
 *
 * <p>Only GET, HEAD and OPTIONS are served; nothing the server accepts can change the ledger or the
 * read model. Every answer of the API carries an ETag tied to the ledger height; every error has one
 * JSON shape naming the parameter at fault; each client address is rate limited.
 *
 * <pre>{@code
 * try (ReadModel readModel = ReadModel.open("jdbc:sqlite:/var/lib/fundtrail/readmodel.db");
 *      ApiServer server = ApiServer.newInstance().readModel(readModel).port(8080)
 *              .rateLimit(600, Duration.ofMinutes(1)).build()) {
 *     server.start();
 *     System.out.println("http://localhost:" + server.port() + "/");
 *     ...
 * }
 * }</pre>
 */
public interface ApiServer extends AutoCloseable {
    /**
     * Levels below an allocation a downward trace shows unless asked otherwise, here and in the
     * {@code fundtrail trace} command: deeper than any ministry → department → agency tree, small
     * enough that a mistaken trace cannot build a huge answer.
     */
    int TRACE_DEPTH_DEFAULT = 10;
    /** The deepest downward trace the API and {@code fundtrail trace} build. */
    int TRACE_DEPTH_MAX = 100;

    /** @return a builder */
    static Builder newInstance() {
        return new ApiServerImpl.BuilderImpl();
    }

    /**
     * Starts serving.
     *
     * @throws IOException when the address cannot be bound
     * @throws IllegalStateException when already started or closed
     */
    void start() throws IOException;

    /**
     * @return the port the server listens on (the one chosen when built with port 0)
     * @throws IllegalStateException when not started
     */
    int port();

    /** Stops serving (the read model is the caller's to close). Idempotent. */
    @Override
    void close();

    /** Builds an {@link ApiServer}. */
    interface Builder {
        /**
         * @param readModel the read model to serve (required; the server only reads it)
         * @return this builder
         */
        Builder readModel(ReadModel readModel);

        /**
         * @param host the address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for all)
         * @return this builder
         */
        Builder host(String host);

        /**
         * @param port the TCP port, 0 for any free one (default 8080)
         * @return this builder
         * @throws IllegalArgumentException when not from 0 to 65535
         */
        Builder port(int port);

        /**
         * @param requests how many requests one client address may make per {@code period}, 0 for
         *     no limit (default 1200 per minute); beyond it the server answers 429 with Retry-After
         * @param period the period
         * @return this builder
         * @throws IllegalArgumentException when {@code requests} is negative or the period not positive
         */
        Builder rateLimit(int requests, Duration period);

        /**
         * @param blocks where {@code /api/v1/blocks/{n}} reads raw blocks (default none: that route answers 501)
         * @return this builder
         */
        Builder blocks(BlockStore blocks);

        /**
         * @param chaincode the chaincode whose policy it is
         * @param policy its endorsement policy in Fabric's syntax, e.g. {@code AND('FinanceMSP.peer','AuditMSP.peer')},
         *     as this server's configuration states it (the network definition). Served at
         *     {@code /api/v1/endorsement-policy} for the record page, which checks the endorsements
         *     against it and says it is the server's word, not the ledger's (default none: that route
         *     answers 501)
         * @return this builder
         */
        Builder endorsementPolicy(String chaincode, String policy);

        /**
         * @param problem what is wrong with the projection feeding the read model, if anything (e.g. the
         *     projector stopped on a fork, or keeps failing); {@code /health} then answers 503 with
         *     {@code "status":"DEGRADED"} and the reason (default: nothing is wrong)
         * @return this builder
         */
        Builder projectionHealth(java.util.function.Supplier<java.util.Optional<String>> problem);

        /**
         * @param timeout how long a trace, list or summary may take before the server answers 503
         *     (default 30 s); idle connections are closed after the same time
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        Builder requestTimeout(Duration timeout);

        /**
         * @param maxAge how long clients and caches may reuse an answer without asking again
         *     (default 5 s; they revalidate with the ETag after that)
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        Builder cacheMaxAge(Duration maxAge);

        /**
         * @param maxBytes how many bytes of rendered JSON answers to keep for the current ledger
         *     height (default 64 MiB; 0 turns the cache off). Answers change only when the read
         *     model applies a block, so the cache is dropped whenever the height moves.
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        Builder responseCache(long maxBytes);

        /**
         * @param enabled whether each request is logged (slf4j logger {@code org.fundtrail.api.access},
         *     INFO; default true)
         * @return this builder
         */
        Builder accessLog(boolean enabled);

        /**
         * @return the server, not yet started
         * @throws NullPointerException when the read model is missing
         */
        ApiServer build();
    }
}

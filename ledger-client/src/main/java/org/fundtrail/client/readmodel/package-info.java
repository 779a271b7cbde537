/**
 * The read model: a relational copy of the ledger in a SQL database (an SQLite file by default),
 * written only by the {@link org.fundtrail.client.readmodel.Projector} from committed blocks in
 * Fabric's format, and read through {@link org.fundtrail.client.readmodel.ReadModel}.
 *
 * <p>What {@code ReadModel} covers, each as typed, immutable values:
 * <ul>
 *   <li>records by id and filtered lists with cursor pagination ({@link org.fundtrail.client.readmodel.RecordRow},
 *       {@link org.fundtrail.client.readmodel.Page}, {@link org.fundtrail.client.readmodel.Filter}),
 *       balance histories and ledger transactions;</li>
 *   <li>the downward and upward trace, as the chaincode's own {@code TraceDown} and {@code TraceUp},
 *       computed with recursive SQL;</li>
 *   <li>the summary: totals per fiscal year, department or COFOG division
 *       ({@link org.fundtrail.client.readmodel.SummaryRow}, {@link org.fundtrail.client.readmodel.SummaryGrouping})
 *       and outcome tallies ({@link org.fundtrail.client.readmodel.OutcomeTally});</li>
 *   <li>the stored blocks, checked before they are returned;</li>
 *   <li>projection: a {@code Projector} writes through the read model's package-private
 *       {@code ProjectionStore} (checkpoint and header hash, one transaction per batch of decoded
 *       blocks), so it never depends on the JDBC implementation.</li>
 * </ul>
 * Implementations are package-private ({@code ReadModelImpl}, {@code SqlProjection}, {@code SqlTrace},
 * {@code SqlSummaries}, {@code ListQuery}); a second SQL database implements the same interfaces with
 * its own migrations in {@code db/migration/<vendor>/}. The schema is described in
 * {@code docs/READ_MODEL.md}.
 *
 * <pre>{@code
 * try (ReadModel readModel = ReadModel.open("jdbc:sqlite:/var/lib/fundtrail/readmodel.db");
 *      Projector projector = Projector.newInstance().readModel(readModel).source(blocks).build()) {
 *     projector.start();
 *     TraceDown tree = readModel.traceDown("APP-2026-07", 10).orElseThrow();
 *     List<SummaryRow> years = readModel.summary(null, Duration.ofSeconds(30)).byFiscalYear();
 * }
 * }</pre>
 */
package org.fundtrail.client.readmodel;

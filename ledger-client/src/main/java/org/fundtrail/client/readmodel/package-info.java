/**
 * The read model: a relational copy of the ledger in a SQL database (an SQLite file by default),
 * written only by the {@link org.fundtrail.client.readmodel.Projector} from committed blocks in
 * Fabric's format, and read through {@link org.fundtrail.client.readmodel.ReadModel}: records by id,
 * filtered lists with cursor pagination, ledger transactions, and the downstream and upstream trace
 * computed with recursive SQL. The schema is migrated by Flyway from
 * {@code db/migration/<vendor>/} and described in {@code docs/READ_MODEL.md}.
 *
 * <pre>{@code
 * try (ReadModel readModel = ReadModel.open("jdbc:sqlite:/var/lib/fundtrail/readmodel.db");
 *      Projector projector = Projector.newInstance().readModel(readModel).source(blocks).build()) {
 *     projector.start();
 *     TraceDown tree = readModel.traceDown("APP-2026-07", 10).orElseThrow();
 * }
 * }</pre>
 */
package org.fundtrail.client.readmodel;

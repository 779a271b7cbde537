/**
 * The public read-only HTTP API for journalists and the public: browse, filter, page and export
 * (JSON or CSV) the records of a Fundtrail ledger's read model, follow the money up and down, and
 * fetch the ledger references needed to check any record against the signed blocks.
 *
 * <p>{@link org.fundtrail.api.ApiServer} is the entry point. Every route is declared once in a
 * route table ({@code Routes}); the Javalin endpoints and the OpenAPI 3.1 document
 * ({@code /openapi.json}) are both built from it, and handlers can read only the parameters their
 * route declares, so the document cannot drift from the code. See {@code docs/API.md}.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.newInstance().readModel(readModel).port(8080).build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 */
package org.fundtrail.api;

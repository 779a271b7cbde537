/**
 * The Fundtrail ledger client: connecting to a ledger through the Fabric Gateway, the typed
 * contract API, the read model projector, trace, reconciliation and verification. Not yet
 * implemented: see the ledger-client issue.
 */
package org.fundtrail.client;

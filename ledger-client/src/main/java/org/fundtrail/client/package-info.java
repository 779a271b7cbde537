/**
 * Everything a program needs to work with a Fundtrail ledger through the Fabric Gateway, whichever
 * ledger it is (the embedded node or real Fabric: they differ only in {@link
 * org.fundtrail.client.ConnectionConfig}). {@link org.fundtrail.client.FundtrailLedger} is the typed
 * API over the {@code spending} contract; failures are {@link org.fundtrail.client.LedgerException}s.
 * The read model lives in {@code org.fundtrail.client.readmodel}.
 */
package org.fundtrail.client;

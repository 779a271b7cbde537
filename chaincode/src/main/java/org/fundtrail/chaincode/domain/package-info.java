/**
 * Fundtrail's domain: the records the ledger holds (organisations, allocations, transfers,
 * expenditures, outcomes, returns, reversals), exact money, validation of submitted values, and
 * the canonical JSON every endorsing peer must produce byte for byte.
 *
 * <p>Nothing here touches a Fabric stub; the rules of money movement are in
 * {@link org.fundtrail.chaincode.ledger}.
 */
package org.fundtrail.chaincode.domain;

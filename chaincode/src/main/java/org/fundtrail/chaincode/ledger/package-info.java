/**
 * The rules of money movement, over an abstract {@link org.fundtrail.chaincode.ledger.WorldState}:
 * {@link org.fundtrail.chaincode.ledger.Treasury} applies one submitted transaction (parse, check
 * authority, check the rules, write), {@link org.fundtrail.chaincode.ledger.Tracer} follows money
 * down and up. Neither needs a Fabric {@code Context}, so every rule is tested without a stub.
 */
package org.fundtrail.chaincode.ledger;

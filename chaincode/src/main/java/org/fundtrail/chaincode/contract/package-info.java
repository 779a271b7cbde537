/**
 * The Fabric contract {@code spending}: thin transaction functions that read the caller's
 * certificate, hand the request to {@link org.fundtrail.chaincode.ledger.Treasury} or
 * {@link org.fundtrail.chaincode.ledger.Tracer} over the transaction's stub, emit one event and
 * return canonical JSON. Run it as chaincode-as-a-service with the shaded jar
 * ({@code java -jar fundtrail-chaincode-*-service.jar}, main class {@code ContractRouter}).
 */
package org.fundtrail.chaincode.contract;

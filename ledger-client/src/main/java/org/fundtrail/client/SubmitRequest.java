package org.fundtrail.client;

/**
 * A request to one of the contract's submit transactions. Each is a record whose JSON is exactly
 * what the chaincode reads; its {@link #id()} names the record it creates, so a retry is safe.
 */
public sealed interface SubmitRequest permits OrganizationRequest, AppropriationRequest, TransferRequest,
        ExpenditureRequest, OutcomeRequest, ReturnRequest, ReversalRequest {
    /** @return the id of the record the transaction creates */
    String id();

    /** @return the chaincode transaction name, e.g. {@code "Transfer"} */
    String transactionName();

    /** @return the type of the record named {@link #id()} (an appropriation creates an allocation) */
    org.fundtrail.chaincode.domain.RecordType recordType();
}

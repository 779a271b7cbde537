package org.fundtrail.chaincode.ledger;

/**
 * Who submits a transaction, as proved by their certificate: the MSP that issued it, the
 * {@code fundtrail.org} attribute (the organisation they act for) and {@code fundtrail.role}.
 *
 * @param mspId the MSP ID of the certificate
 * @param orgId the {@code fundtrail.org} attribute, or null when the certificate has none
 * @param role the {@code fundtrail.role} attribute ({@code officer}, {@code admin}, {@code auditor}), or null
 */
public record Caller(String mspId, String orgId, String role) {
    /** Role that may move money. */
    public static final String OFFICER = "officer";
    /** Role that may register organisations. */
    public static final String ADMIN = "admin";
    /** Role that may only read. */
    public static final String AUDITOR = "auditor";
}

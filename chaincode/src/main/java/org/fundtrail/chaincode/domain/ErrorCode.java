package org.fundtrail.chaincode.domain;

/**
 * The stable error codes a refused transaction carries as its {@code ChaincodeException} payload.
 * Clients switch on these; they never change meaning.
 */
public enum ErrorCode {
    /** A value is malformed, missing, of the wrong type, too long or out of range. */
    INVALID_ARGUMENT,
    /** A referenced record does not exist. */
    NOT_FOUND,
    /** The id is already used by another record (ids are global), or the record was already reversed. */
    ALREADY_EXISTS,
    /** The caller's identity does not allow this transaction. */
    FORBIDDEN,
    /** The allocation's available balance is smaller than the amount. */
    INSUFFICIENT_FUNDS,
    /** Money may not move this way (tiers, returns above an appropriation, spending by the ministry). */
    FLOW_NOT_ALLOWED,
    /** The amount's currency differs from the allocation tree's currency. */
    CURRENCY_MISMATCH,
    /** The record cannot be reversed (a transfer whose child allocation was already used). */
    NOT_REVERSIBLE,
    /** A running total would exceed what the ledger can represent exactly. */
    LIMIT_EXCEEDED
}

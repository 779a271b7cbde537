package org.fundtrail.chaincode.domain;

/**
 * A document backing a record: its SHA-256 and where to find it.
 *
 * @param sha256 64 lowercase hex digits
 * @param uri where the document is published
 */
public record Evidence(String sha256, String uri) {
}

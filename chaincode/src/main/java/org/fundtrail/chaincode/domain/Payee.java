package org.fundtrail.chaincode.domain;

/**
 * Who was paid.
 *
 * @param name the payee's name
 * @param identifier a registry identifier (company number, VAT id), or null
 */
public record Payee(String name, String identifier) {
}

package org.fundtrail.chaincode.domain;

/**
 * The budget classification of an allocation.
 *
 * @param cofog the COFOG function, e.g. {@code "07"}, {@code "07.3"} or {@code "07.3.1"}
 * @param programme the programme code of the budget law
 * @param economic the economic classification (e.g. GFS {@code "2.2"}), or null
 */
public record Classification(String cofog, String programme, String economic) {
}

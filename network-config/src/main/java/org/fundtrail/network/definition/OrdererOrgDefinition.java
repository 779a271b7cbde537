package org.fundtrail.network.definition;

import java.util.List;
import java.util.Objects;

/**
 * The ordering service's organisation: one MSP and its orderer nodes, each named
 * {@code <orderer>.<domain>} (e.g. {@code orderer0.orderer.fundtrail.local}).
 *
 * <pre>{@code
 * new OrdererOrgDefinition("OrdererMSP", "orderer.fundtrail.local", List.of("orderer0"));
 * }</pre>
 *
 * @param mspId the MSP id, e.g. {@code OrdererMSP}
 * @param domain the org's DNS domain
 * @param orderers host names of the orderer nodes (at least one), relative to the domain
 */
public record OrdererOrgDefinition(String mspId, String domain, List<String> orderers) {

    /**
     * Checks presence and copies the list.
     *
     * @throws NullPointerException if a component or an element is null
     */
    public OrdererOrgDefinition {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(domain, "domain");
        orderers = List.copyOf(Objects.requireNonNull(orderers, "orderers"));
    }

    /**
     * The fully qualified host name of an orderer node.
     *
     * @param orderer an element of {@link #orderers()}
     * @return e.g. {@code orderer0.orderer.fundtrail.local}
     */
    public String hostName(String orderer) {
        return orderer + "." + domain;
    }
}

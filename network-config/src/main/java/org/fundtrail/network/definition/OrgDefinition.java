package org.fundtrail.network.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An application organisation: one Fabric MSP with one peer ({@code peer0.<domain>}), hosting one
 * or more Fundtrail organisations and issuing certificates to its users.
 *
 * <pre>{@code
 * OrgDefinition health = def.org("HealthMSP");
 * String peerHost = health.peerHostName();   // peer0.health.fundtrail.local
 * }</pre>
 *
 * @param mspId the MSP id, e.g. {@code HealthMSP}
 * @param domain the org's DNS domain, e.g. {@code health.fundtrail.local}
 * @param hosts the Fundtrail organisations this org hosts (at least one; the first is its primary)
 * @param users the users to issue certificates to (at least one node admin)
 */
public record OrgDefinition(String mspId, String domain, List<FundtrailOrgDefinition> hosts,
        List<UserDefinition> users) {

    /** The peer's host name relative to the domain: every org has exactly one peer. */
    public static final String PEER = "peer0";

    /**
     * Checks presence and copies the lists.
     *
     * @throws NullPointerException if a component or an element is null
     */
    public OrgDefinition {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(domain, "domain");
        hosts = List.copyOf(Objects.requireNonNull(hosts, "hosts"));
        users = List.copyOf(Objects.requireNonNull(users, "users"));
    }

    /**
     * The fully qualified host name of the org's peer.
     *
     * @return e.g. {@code peer0.health.fundtrail.local}
     */
    public String peerHostName() {
        return PEER + "." + domain;
    }

    /**
     * A user by name.
     *
     * @param userName the user's name, e.g. {@code officer@health}
     * @return the user, or empty when this org has no such user
     */
    public Optional<UserDefinition> user(String userName) {
        return users.stream().filter(u -> u.name().equals(userName)).findFirst();
    }

    /**
     * Whether this org hosts a Fundtrail organisation.
     *
     * @param fundtrailOrgId a Fundtrail organisation id, e.g. {@code HEALTH-PH}
     * @return true when it is one of {@link #hosts()}
     */
    public boolean hosts(String fundtrailOrgId) {
        return hosts.stream().anyMatch(h -> h.id().equals(fundtrailOrgId));
    }
}

package org.fundtrail.network.definition;

import java.util.Objects;

/**
 * A user of one Fabric org, issued one certificate (folder {@code users/<name>@<domain>}). The
 * certificate carries the Fabric CA attributes {@code fundtrail.role} = {@link #role()} and
 * {@code fundtrail.org} = {@link #fundtrailOrg()}, and the NodeOU {@code admin} when
 * {@link #nodeAdmin()} is set, {@code client} otherwise.
 *
 * <pre>{@code
 * new UserDefinition("officer@health", "officer", "HEALTH", false);
 * }</pre>
 *
 * <p>Checked when the enclosing {@link NetworkDefinition} is built: the name is filesystem-safe
 * ({@code [A-Za-z0-9][A-Za-z0-9._@-]{0,63}}) and unique in its org, the role is one of
 * {@link #ROLES}, and the Fundtrail org is hosted by the same Fabric org.
 *
 * @param name the user name, e.g. {@code officer@health}; also the {@code hf.EnrollmentID}
 * @param role {@code admin}, {@code officer} or {@code auditor}
 * @param fundtrailOrg the id of the Fundtrail org the user acts for
 * @param nodeAdmin whether the certificate is a Fabric org admin (NodeOU {@code admin})
 */
public record UserDefinition(String name, String role, String fundtrailOrg, boolean nodeAdmin) {

    /** The values of {@link #role()}. */
    public static final java.util.List<String> ROLES = java.util.List.of("admin", "officer", "auditor");

    /**
     * Checks the components are present.
     *
     * @throws NullPointerException if {@code name}, {@code role} or {@code fundtrailOrg} is null
     */
    public UserDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(fundtrailOrg, "fundtrailOrg");
    }

    /**
     * The NodeOU the user's certificate carries.
     *
     * @return {@code admin} for a node admin, otherwise {@code client}
     */
    public String nodeOu() {
        return nodeAdmin ? "admin" : "client";
    }
}

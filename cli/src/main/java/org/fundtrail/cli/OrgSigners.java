package org.fundtrail.cli;

import java.util.Optional;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;

/**
 * Whether anyone can act for an organisation about to be registered. The chaincode lets only a
 * certificate whose {@code fundtrail.org} attribute names an organisation (and whose MSP is the
 * organisation's) move its money; those certificates come from the users of the network definition.
 * An organisation with no such officer could receive money that nobody can ever spend, transfer or
 * return, and a registration cannot be undone: so {@code org register} checks first.
 *
 * <pre>{@code
 * Optional<String> problem = OrgSigners.problem(definition, "HEALTH-LAB", "HealthMSP", Tier.AGENCY);
 * }</pre>
 */
final class OrgSigners {
    private OrgSigners() {
    }

    /**
     * @param definition the network definition in force
     * @param orgId the organisation's id
     * @param mspId the MSP it is registered with
     * @param tier its tier: an auditor needs any user, every other tier an officer
     * @return what is missing, or empty when a user of {@code mspId} can act for it
     */
    static Optional<String> problem(NetworkDefinition definition, String orgId, String mspId, Tier tier) {
        String role = tier == Tier.AUDITOR ? null : "officer";
        String wanted = "user with fundtrailOrg: " + orgId + (role == null ? "" : " and role: " + role);
        for (OrgDefinition org : definition.organizations()) {
            for (UserDefinition user : org.users()) {
                if (orgId.equals(user.fundtrailOrg()) && (role == null || role.equals(user.role()))) {
                    if (org.mspId().equals(mspId)) {
                        return Optional.empty();
                    }
                    return Optional.of("its officer " + user.name() + " belongs to " + org.mspId() + ", not to "
                            + mspId + " (--org-msp), so the ledger would refuse every move it signs");
                }
            }
        }
        return Optional.of("no certificate can act for it (the network definition has no " + wanted + ")");
    }

    /**
     * @param dir the data folder
     * @param orgId the organisation
     * @param mspId its MSP
     * @return one line saying how to add the organisation and its officer, and how to issue the certificate
     */
    static String howToAdd(DataDir dir, String orgId, String mspId) {
        return "add it to " + dir.networkFile() + " under the organisation with mspId " + mspId + " (hosts: - { id: "
                + orgId + ", name: ..., tier: ..., parentId: ... }; users: - { name: officer@" + orgId
                .toLowerCase(java.util.Locale.ROOT) + ", role: officer, fundtrailOrg: " + orgId + " }), issue its "
                + "certificate with: fundtrail network init --data " + dir.root() + ", then register it again "
                + "(README: Adding an organisation)";
    }
}

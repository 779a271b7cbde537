package org.fundtrail.network.definition;

import java.util.Objects;

/**
 * A Fundtrail organisation (a ministry, department, agency or audit office) as the chaincode knows
 * it, hosted by one Fabric org ({@link OrgDefinition#hosts()}). Its {@code id} is the value of the
 * {@code fundtrail.org} certificate attribute of that org's users.
 *
 * <pre>{@code
 * new FundtrailOrgDefinition("HEALTH-HOSP", "National Hospitals Agency", "AGENCY", "HEALTH",
 *     "XM-FT-HEALTH-HOSP");
 * }</pre>
 *
 * <p>Values are checked when the enclosing {@link NetworkDefinition} is built: the id is a valid
 * record id ({@link org.fundtrail.chaincode.domain.Ids}) and is unique in the network, the tier is a
 * {@link org.fundtrail.chaincode.domain.Tier}, the parent exists and is one the chaincode accepts
 * ({@link org.fundtrail.chaincode.domain.Tier#acceptsParent}).
 *
 * @param id the Fundtrail organisation id, e.g. {@code HEALTH}
 * @param name the display name, e.g. {@code Ministry of Health}
 * @param tier {@code MINISTRY}, {@code DEPARTMENT}, {@code AGENCY} or {@code AUDITOR}
 * @param parentId the parent organisation's id; {@code null} for a ministry (and may be for an auditor)
 * @param orgIdentifier the external (IATI-style) organisation identifier, or {@code null}
 */
public record FundtrailOrgDefinition(String id, String name, String tier, String parentId, String orgIdentifier) {

    /**
     * Checks the required components are present.
     *
     * @throws NullPointerException if {@code id}, {@code name} or {@code tier} is null
     */
    public FundtrailOrgDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
    }
}

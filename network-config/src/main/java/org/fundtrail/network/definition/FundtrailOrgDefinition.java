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
 * record id ({@link org.fundtrail.chaincode.domain.Ids}) and is unique in the network, the tier is one of {@link #TIERS},
 * the parent exists and sits one tier up.
 *
 * @param id the Fundtrail organisation id, e.g. {@code HEALTH}
 * @param name the display name, e.g. {@code Ministry of Health}
 * @param tier {@code MINISTRY}, {@code DEPARTMENT}, {@code AGENCY} or {@code AUDITOR}
 * @param parentId the parent organisation's id; {@code null} for a ministry or an auditor
 * @param orgIdentifier the external (IATI-style) organisation identifier, or {@code null}
 */
public record FundtrailOrgDefinition(String id, String name, String tier, String parentId, String orgIdentifier) {

    /** The tiers, in the order money flows (the auditor last, outside the flow). */
    public static final java.util.List<String> TIERS = java.util.List.of("MINISTRY", "DEPARTMENT", "AGENCY", "AUDITOR");

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

package org.fundtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.fundtrail.network.definition.FundtrailOrgDefinition;
import org.fundtrail.network.definition.NetworkDefinition;
import org.fundtrail.network.definition.OrgDefinition;
import org.fundtrail.network.definition.UserDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoNetworkTest {
    @TempDir
    Path dir;

    private List<FundtrailOrgDefinition> orgs(NetworkDefinition def, String tier) {
        return def.organizations().stream().flatMap(o -> o.hosts().stream()).filter(h -> h.tier().equals(tier))
                .toList();
    }

    @Test
    void demo_network_loads_from_a_file_with_a_ministry_six_departments_and_at_least_25_agencies() throws Exception {
        NetworkDefinition def = NetworkDefinition.load(DemoNetwork.copyTo(dir.resolve("sub/network.yaml")));

        assertThat(def.mspIds()).containsExactly("FinanceMSP", "HealthMSP", "EducationMSP", "InfraMSP", "AuditMSP");
        assertThat(orgs(def, "MINISTRY")).extracting(FundtrailOrgDefinition::id).containsExactly("MOF");
        assertThat(orgs(def, "DEPARTMENT")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(orgs(def, "AGENCY")).hasSizeGreaterThanOrEqualTo(25);
        assertThat(orgs(def, "AUDITOR")).extracting(FundtrailOrgDefinition::id).containsExactly("AUDIT");
        assertThat(def.orgHosting("SOCIAL")).map(OrgDefinition::mspId).contains("HealthMSP");
        assertThat(def.orgHosting("CULTURE")).map(OrgDefinition::mspId).contains("EducationMSP");
        assertThat(def.orgHosting("ENV")).map(OrgDefinition::mspId).contains("InfraMSP");
        assertThat(def.endorsementPolicy()).isEqualTo(NetworkDefinition.defaults().endorsementPolicy());
        assertThat(def.channel()).isEqualTo(NetworkDefinition.defaults().channel());
        assertThat(def.chaincode()).isEqualTo(NetworkDefinition.defaults().chaincode());
    }

    @Test
    void every_organisation_has_an_officer_every_msp_an_admin_and_there_are_auditors() {
        NetworkDefinition def = DemoNetwork.definition();
        for (OrgDefinition msp : def.organizations()) {
            assertThat(msp.user("Admin")).map(UserDefinition::nodeAdmin).contains(true);
            for (FundtrailOrgDefinition org : msp.hosts()) {
                assertThat(msp.user("officer@" + org.id().toLowerCase(Locale.ROOT)))
                        .as("officer of %s", org.id())
                        .hasValueSatisfying(u -> {
                            assertThat(u.role()).isEqualTo("officer");
                            assertThat(u.fundtrailOrg()).isEqualTo(org.id());
                        });
                assertThat(org.orgIdentifier()).isEqualTo("XM-FT-" + org.id());
            }
        }
        assertThat(def.org("AuditMSP").user("auditor")).map(UserDefinition::role).contains("auditor");
        assertThat(def.org("FinanceMSP").user("auditor")).map(UserDefinition::role).contains("auditor");
    }

    @Test
    void every_department_and_agency_of_the_network_has_a_budget_programme() {
        NetworkDefinition def = DemoNetwork.definition();
        List<String> budgeted = Programmes.DEPARTMENTS.stream()
                .flatMap(d -> d.programmes().stream().map(p -> p.agencyId() == null ? d.id() : p.agencyId()))
                .toList();
        assertThat(budgeted).doesNotHaveDuplicates();
        assertThat(budgeted).containsExactlyInAnyOrderElementsOf(
                def.organizations().stream().flatMap(o -> o.hosts().stream())
                        .filter(h -> h.tier().equals("DEPARTMENT") || h.tier().equals("AGENCY"))
                        .map(FundtrailOrgDefinition::id).toList());
    }
}

package org.fundtrail.network.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fundtrail.chaincode.domain.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkDefinitionTest {
    private static final Path NETWORK_YAML = Path.of("network.yaml"); // surefire runs in network-config/

    @TempDir
    Path dir;

    @Test
    void default_network_has_the_ministry_three_departments_and_the_audit_office() {
        NetworkDefinition def = NetworkDefinition.defaults();

        assertThat(def.name()).isEqualTo("fundtrail");
        assertThat(def.channel()).isEqualTo("fundtrail");
        assertThat(def.chaincode()).isEqualTo("spending");
        assertThat(def.endorsementPolicy()).isEqualTo("AND('FinanceMSP.peer','AuditMSP.peer')");
        assertThat(def.orderer()).isEqualTo(new OrdererOrgDefinition("OrdererMSP", "orderer.fundtrail.local",
                List.of("orderer0")));
        assertThat(def.mspIds()).containsExactly("FinanceMSP", "HealthMSP", "EducationMSP", "InfraMSP", "AuditMSP");
        assertThat(def.org("FinanceMSP").hosts()).containsExactly(
                new FundtrailOrgDefinition("MOF", "Ministry of Finance", "MINISTRY", null, "XM-FT-MOF"));
        assertThat(def.org("HealthMSP").hosts()).extracting(FundtrailOrgDefinition::id)
                .containsExactly("HEALTH", "HEALTH-HOSP", "HEALTH-PH");
        assertThat(def.fundtrailOrg("HEALTH-PH")).contains(new FundtrailOrgDefinition("HEALTH-PH",
                "Public Health Institute", "AGENCY", "HEALTH", "XM-FT-HEALTH-PH"));
        assertThat(def.fundtrailOrg("INFRA")).map(FundtrailOrgDefinition::parentId).contains("MOF");
        assertThat(def.fundtrailOrg("AUDIT")).map(FundtrailOrgDefinition::tier).contains("AUDITOR");
        assertThat(def.ports()).isEqualTo(PortsDefinition.DEFAULTS);
        assertThat(def.org("AuditMSP").peerHostName()).isEqualTo("peer0.audit.fundtrail.local");
    }

    @Test
    void every_org_has_a_node_admin_and_an_officer_for_each_org_it_hosts() {
        NetworkDefinition def = NetworkDefinition.defaults();
        for (OrgDefinition org : def.organizations()) {
            assertThat(org.user("Admin")).get().satisfies(admin -> {
                assertThat(admin.nodeAdmin()).isTrue();
                assertThat(admin.role()).isEqualTo("admin");
                assertThat(admin.fundtrailOrg()).isEqualTo(org.hosts().get(0).id());
            });
            for (FundtrailOrgDefinition hosted : org.hosts()) {
                assertThat(org.user("officer@" + hosted.id().toLowerCase()))
                        .contains(new UserDefinition("officer@" + hosted.id().toLowerCase(), "officer", hosted.id(), false));
            }
        }
        assertThat(def.org("AuditMSP").user("auditor")).contains(new UserDefinition("auditor", "auditor", "AUDIT", false));
    }

    @Test
    void looks_up_orgs_by_msp_and_by_hosted_fundtrail_org() {
        NetworkDefinition def = NetworkDefinition.defaults();

        assertThat(def.orgHosting("EDU-UNI")).map(OrgDefinition::mspId).contains("EducationMSP");
        assertThat(def.orgHosting("MOF")).map(OrgDefinition::mspId).contains("FinanceMSP");
        assertThat(def.orgHosting("NOPE")).isEmpty();
        assertThatThrownBy(() -> def.org("NopeMSP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown MSP 'NopeMSP'");
        assertThatThrownBy(() -> def.org("OrdererMSP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaults_are_the_network_yaml_of_the_module() throws IOException {
        assertThat(NetworkDefinition.load(NETWORK_YAML)).isEqualTo(NetworkDefinition.defaults());
    }

    @Test
    void endorsement_policy_parses_to_finance_and_audit() {
        assertThat(NetworkDefinition.defaults().endorsement()).isEqualTo(new SignaturePolicy.OutOf(2, List.of(
                new SignaturePolicy.SignedBy("FinanceMSP", "peer"), new SignaturePolicy.SignedBy("AuditMSP", "peer"))));
    }

    @Test
    void duplicate_msp_id_is_refused_naming_its_path() throws IOException {
        assertProblems(edit("mspId: EducationMSP", "mspId: HealthMSP"),
                "organizations[2].mspId: duplicate 'HealthMSP'");
    }

    @Test
    void duplicate_domain_and_fundtrail_org_id_are_refused() throws IOException {
        assertProblems(edit("domain: infra.fundtrail.local", "domain: health.fundtrail.local"),
                "organizations[3].domain: duplicate 'health.fundtrail.local'");
        assertProblems(edit("id: EDU-UNI", "id: EDU-SCHOOLS"),
                "organizations[2].hosts[2].id: duplicate 'EDU-SCHOOLS'");
    }

    @Test
    void unknown_parent_is_refused_naming_its_path() throws IOException {
        assertProblems(edit("parentId: EDU, orgIdentifier: XM-FT-EDU-UNI", "parentId: EDUC, orgIdentifier: XM-FT-EDU-UNI"),
                "organizations[2].hosts[2].parentId: unknown organisation 'EDUC'");
    }

    @Test
    void parent_must_sit_one_tier_up() throws IOException {
        assertProblems(edit("parentId: INFRA, orgIdentifier: XM-FT-INFRA-ROADS", "parentId: MOF, orgIdentifier: XM-FT-INFRA-ROADS"),
                "organizations[3].hosts[1].parentId: the parent of an AGENCY must be a DEPARTMENT, 'MOF' is a MINISTRY");
        assertProblems(edit("tier: AUDITOR,", "tier: AUDITOR, parentId: HEALTH,"),
                "organizations[4].hosts[0].parentId: the parent of an AUDITOR must be a MINISTRY (or none), "
                        + "'HEALTH' is a DEPARTMENT");
        assertProblems(edit("tier: AUDITOR,", "tier: MINISTRY, parentId: MOF,"),
                "organizations[4].hosts[0].parentId: a MINISTRY has no parent");
    }

    /** The network definition and the chaincode answer alike for every tier and parent (they once had two rules). */
    @Test
    void the_parent_rule_is_the_chaincode_s() throws IOException {
        String audit = "{ id: AUDIT, name: National Audit Office, tier: AUDITOR, orgIdentifier: XM-FT-AUDIT }";
        java.util.Map<String, Tier> parents = new java.util.LinkedHashMap<>();
        parents.put(null, null);
        parents.put("MOF", Tier.MINISTRY);
        parents.put("HEALTH", Tier.DEPARTMENT);
        parents.put("HEALTH-HOSP", Tier.AGENCY);
        for (Tier child : Tier.values()) {
            for (java.util.Map.Entry<String, Tier> parent : parents.entrySet()) {
                String yaml = edit(audit, "{ id: AUDIT, name: National Audit Office, tier: " + child
                        + (parent.getKey() == null ? "" : ", parentId: " + parent.getKey())
                        + ", orgIdentifier: XM-FT-AUDIT }");
                List<String> problems = problems(yaml).stream()
                        .filter(p -> p.startsWith("organizations[4].hosts[0].parentId")).toList();
                assertThat(problems.isEmpty()).as("%s under %s: %s", child, parent.getValue(), problems)
                        .isEqualTo(child.acceptsParent(parent.getValue()));
            }
        }
    }

    private List<String> problems(String yaml) throws IOException {
        try {
            NetworkDefinition.load(write(yaml));
            return List.of();
        } catch (NetworkDefinitionException e) {
            return e.problems();
        }
    }

    @Test
    void unknown_tier_is_refused_naming_its_path() throws IOException {
        assertProblems(edit("name: Roads Agency, tier: AGENCY", "name: Roads Agency, tier: BUREAU"),
                "organizations[3].hosts[1].tier: 'BUREAU' is not one of [MINISTRY, DEPARTMENT, AGENCY, AUDITOR]");
    }

    @Test
    void missing_field_is_refused_naming_its_path() throws IOException {
        assertProblems(edit("    domain: finance.fundtrail.local\n", ""), "organizations[0].domain: missing");
        assertProblems(edit("chaincode: spending\n", ""), "chaincode: missing");
        assertProblems(edit("{ name: officer@edu-uni, role: officer, fundtrailOrg: EDU-UNI }",
                "{ name: officer@edu-uni, fundtrailOrg: EDU-UNI }"), "organizations[2].users[3].role: missing");
    }

    @Test
    void unknown_field_and_wrong_type_are_refused_naming_their_path() throws IOException {
        assertProblems(edit("  orderers: [orderer0]", "  orderers: [orderer0]\n  raft: true"), "orderer.raft: unknown field");
        assertProblems(edit("nodeAdmin: true }", "nodeAdmin: yes please }"),
                "organizations[0].users[0].nodeAdmin: expected true or false, found 'yes please'");
        assertProblems(edit("  gateway: 7051", "  gateway: seven"), "ports.gateway: expected an integer, found 'seven'");
        assertProblems(edit("  orderers: [orderer0]", "  orderers: orderer0"), "orderer.orderers: expected a list");
    }

    @Test
    void duplicate_yaml_key_is_refused() throws IOException {
        Path file = write(edit("channel: fundtrail\n", "channel: fundtrail\nchannel: other\n"));
        assertThatThrownBy(() -> NetworkDefinition.load(file)).isInstanceOf(NetworkDefinitionException.class)
                .hasMessageContaining("Duplicate field 'channel'");
    }

    @Test
    void user_must_act_for_an_org_its_msp_hosts() throws IOException {
        assertProblems(edit("{ name: officer@health-ph, role: officer, fundtrailOrg: HEALTH-PH }",
                        "{ name: officer@health-ph, role: officer, fundtrailOrg: EDU }"),
                "organizations[1].users[3].fundtrailOrg: 'EDU' is not hosted by HealthMSP, expected one of"
                        + " [HEALTH, HEALTH-HOSP, HEALTH-PH]");
    }

    @Test
    void user_names_must_be_filesystem_safe_roles_known_and_each_org_needs_a_node_admin() throws IOException {
        assertProblems(edit("{ name: officer@mof,", "{ name: ../officer,"), "organizations[0].users[1].name: '../officer' must match");
        assertProblems(edit("{ name: auditor, role: auditor, fundtrailOrg: MOF }", "{ name: auditor, role: boss, fundtrailOrg: MOF }"),
                "organizations[0].users[2].role: 'boss' is not one of [admin, officer, auditor]");
        assertProblems(edit("{ name: Admin, role: admin, fundtrailOrg: AUDIT, nodeAdmin: true }",
                "{ name: Admin, role: admin, fundtrailOrg: AUDIT }"),
                "organizations[4].users: no user with nodeAdmin: true");
    }

    @Test
    void endorsement_policy_must_parse_and_name_known_msps() throws IOException {
        assertProblems(edit("AND('FinanceMSP.peer','AuditMSP.peer')", "AND('FinanceMSP.peer','TaxMSP.peer')"),
                "endorsementPolicy: unknown MSP 'TaxMSP'");
        assertProblems(edit("AND('FinanceMSP.peer','AuditMSP.peer')", "AND('FinanceMSP.peer' 'AuditMSP.peer')"),
                "endorsementPolicy: expected ')' at position 22");
    }

    @Test
    void every_problem_is_reported_at_once() throws IOException {
        String yaml = edit("mspId: EducationMSP", "mspId: HealthMSP").replace("channel: fundtrail", "channel: Fund Trail");
        NetworkDefinitionException e = loadFails(yaml);
        assertThat(e.problems()).hasSize(2);
        assertThat(e.getMessage()).contains("channel: 'Fund Trail' must be lower case")
                .contains("organizations[2].mspId: duplicate 'HealthMSP'");
    }

    @Test
    void definitions_built_in_code_are_validated_too() {
        OrgDefinition org = new OrgDefinition("AMSP", "a.example", List.of(
                new FundtrailOrgDefinition("A", "Agency", "AGENCY", "X", null)),
                List.of(new UserDefinition("Admin", "admin", "A", true)));
        assertThatThrownBy(() -> new NetworkDefinition("n", "ch", "cc", "OR('AMSP.peer')",
                new OrdererOrgDefinition("OMSP", "o.example", List.of("orderer0")), List.of(org)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("organizations[0].hosts[0].parentId: unknown organisation 'X'");
    }

    private static String edit(String from, String to) throws IOException {
        String yaml = Files.readString(NETWORK_YAML);
        assertThat(yaml).as("test fixture").contains(from);
        return yaml.replace(from, to);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("network-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private NetworkDefinitionException loadFails(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            NetworkDefinition.load(file);
        } catch (NetworkDefinitionException e) {
            assertThat(e.getMessage()).startsWith(file.toString());
            return e;
        }
        throw new AssertionError("expected the definition to be refused");
    }

    private void assertProblems(String yaml, String expected) throws IOException {
        NetworkDefinitionException e = loadFails(yaml);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(expected));
    }
}

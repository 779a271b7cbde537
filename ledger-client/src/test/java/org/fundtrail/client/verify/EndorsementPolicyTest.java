package org.fundtrail.client.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.junit.jupiter.api.Test;

class EndorsementPolicyTest {
    private static EndorsementPolicy.Signer signer(String msp, String role, String id) {
        return new EndorsementPolicy.Signer(msp, role, ByteString.copyFromUtf8(id));
    }

    @Test
    void builds_the_envelope_fabrics_policydsl_builds() throws Exception {
        EndorsementPolicy p = EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");

        SignaturePolicy rule = p.envelope().getRule();
        assertThat(rule.getNOutOf().getN()).isEqualTo(2);
        assertThat(rule.getNOutOf().getRulesList()).extracting(SignaturePolicy::getSignedBy).containsExactly(0, 1);
        assertThat(p.envelope().getIdentitiesList()).hasSize(2);
        MSPPrincipal first = p.envelope().getIdentities(0);
        assertThat(first.getPrincipalClassification()).isEqualTo(MSPPrincipal.Classification.ROLE);
        MSPRole role = MSPRole.parseFrom(first.getPrincipal());
        assertThat(role.getMspIdentifier()).isEqualTo("FinanceMSP");
        assertThat(role.getRole()).isEqualTo(MSPRole.MSPRoleType.PEER);
        assertThat(p).hasToString("AND('FinanceMSP.peer', 'AuditMSP.peer')");
    }

    @Test
    void shares_one_identity_between_equal_principals_and_reads_nested_rules() {
        EndorsementPolicy p = EndorsementPolicy.parse(
                "OutOf(2, 'A.peer', OR('B.peer', 'A.peer'), and('C.member', \"D.admin\"))");

        assertThat(p.envelope().getIdentitiesList()).hasSize(4);
        assertThat(p).hasToString("OutOf(2, 'A.peer', OR('B.peer', 'A.peer'), AND('C.member', 'D.admin'))");
        assertThat(EndorsementPolicy.fromEnvelope(p.envelope())).isEqualTo(p);
    }

    @Test
    void uses_each_signer_at_most_once() {
        EndorsementPolicy twoOfA = EndorsementPolicy.parse("AND('A.member','A.member')");

        assertThat(twoOfA.isSatisfiedBy(List.of(signer("A", "peer", "p1")))).isFalse();
        assertThat(twoOfA.isSatisfiedBy(List.of(signer("A", "peer", "p1"), signer("A", "client", "c1")))).isTrue();
    }

    @Test
    void matches_roles_as_fabric_msps_do() {
        EndorsementPolicy p = EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");

        assertThat(p.isSatisfiedBy(List.of(signer("FinanceMSP", "peer", "f"), signer("AuditMSP", "peer", "a"))))
                .isTrue();
        assertThat(p.isSatisfiedBy(List.of(signer("FinanceMSP", "peer", "f"), signer("AuditMSP", "client", "a"))))
                .isFalse();
        assertThat(p.isSatisfiedBy(List.of(signer("FinanceMSP", "peer", "f"), signer("HealthMSP", "peer", "h"))))
                .isFalse();
        assertThat(EndorsementPolicy.parse("OR('A.admin','B.member')")
                .isSatisfiedBy(List.of(signer("B", "client", "b")))).isTrue();
    }

    @Test
    void refuses_what_is_not_a_signature_policy() {
        assertThatThrownBy(() -> EndorsementPolicy.parse("AND('A.peer'")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndorsementPolicy.parse("XOR('A.peer')")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xor");
        assertThatThrownBy(() -> EndorsementPolicy.parse("OR('A.owner')")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A.owner");
        assertThatThrownBy(() -> EndorsementPolicy.parse("OutOf(3, 'A.peer', 'B.peer')"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndorsementPolicy.parse("OR('A.peer') x")).isInstanceOf(IllegalArgumentException.class);
    }
}

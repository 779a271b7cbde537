package org.fundtrail.network.node.endorse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.fundtrail.network.node.endorse.EndorsementPolicy.Principal;
import org.junit.jupiter.api.Test;

class EndorsementPolicyTest {
    private static final Principal FINANCE_PEER = new Principal("FinanceMSP", "peer");
    private static final Principal AUDIT_PEER = new Principal("AuditMSP", "peer");
    private static final Principal HEALTH_PEER = new Principal("HealthMSP", "peer");

    @Test
    void and_needs_every_principal() {
        EndorsementPolicy p = EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");
        assertThat(p.isSatisfiedBy(Set.of(FINANCE_PEER, AUDIT_PEER))).isTrue();
        assertThat(p.isSatisfiedBy(Set.of(FINANCE_PEER, HEALTH_PEER))).isFalse();
        assertThat(p.isSatisfiedBy(Set.of(FINANCE_PEER, new Principal("AuditMSP", "client")))).isFalse();
        assertThat(p.endorsingOrgs()).containsExactly("FinanceMSP", "AuditMSP");
    }

    @Test
    void out_of_and_or_and_member_roles() {
        EndorsementPolicy p = EndorsementPolicy.parse(
                "OutOf(2, 'FinanceMSP.member', OR('AuditMSP.peer', 'HealthMSP.peer'), 'EducationMSP.peer')");
        assertThat(p.isSatisfiedBy(Set.of(FINANCE_PEER, HEALTH_PEER))).isTrue();
        assertThat(p.isSatisfiedBy(Set.of(AUDIT_PEER))).isFalse();
        assertThat(p.endorsingOrgs()).containsExactly("FinanceMSP", "AuditMSP");
    }

    @Test
    void refuses_malformed_text() {
        assertThatThrownBy(() -> EndorsementPolicy.parse("AND('FinanceMSP')")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EndorsementPolicy.parse("XOR('A.peer')")).isInstanceOf(IllegalArgumentException.class);
    }
}

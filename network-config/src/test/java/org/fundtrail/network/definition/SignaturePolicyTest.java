package org.fundtrail.network.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiPredicate;
import org.fundtrail.network.definition.SignaturePolicy.SignedBy;
import org.junit.jupiter.api.Test;

class SignaturePolicyTest {
    /** A signer: MSP id and NodeOU role. */
    record Signer(String msp, String role) {
    }

    private static final BiPredicate<Signer, SignedBy> MATCHES = (s, p) -> s.msp().equals(p.mspId())
            && (p.role().equals("member") || p.role().equals(s.role()));

    @Test
    void and_needs_every_principal() {
        SignaturePolicy policy = SignaturePolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");

        assertThat(policy.isSatisfiedBy(List.of(new Signer("FinanceMSP", "peer"), new Signer("AuditMSP", "peer")), MATCHES)).isTrue();
        assertThat(policy.isSatisfiedBy(List.of(new Signer("FinanceMSP", "peer")), MATCHES)).isFalse();
        assertThat(policy.isSatisfiedBy(List.of(new Signer("FinanceMSP", "peer"), new Signer("AuditMSP", "client")), MATCHES)).isFalse();
    }

    @Test
    void one_signature_satisfies_at_most_one_principal() {
        SignaturePolicy policy = SignaturePolicy.parse("AND('A.member', 'A.member')");

        assertThat(policy.isSatisfiedBy(List.of(new Signer("A", "peer")), MATCHES)).isFalse();
        assertThat(policy.isSatisfiedBy(List.of(new Signer("A", "peer"), new Signer("A", "client")), MATCHES)).isTrue();
    }

    @Test
    void out_of_counts_satisfied_rules() {
        SignaturePolicy policy = SignaturePolicy.parse("OutOf(2, 'A.peer', 'B.peer', OR('C.peer', 'D.admin'))");

        assertThat(policy.isSatisfiedBy(List.of(new Signer("B", "peer"), new Signer("D", "admin")), MATCHES)).isTrue();
        assertThat(policy.isSatisfiedBy(List.of(new Signer("D", "admin"), new Signer("D", "peer")), MATCHES)).isFalse();
        assertThat(policy.mspIds()).containsExactly("A", "B", "C", "D");
    }

    @Test
    void prints_back_in_the_policy_language() {
        String text = "OutOf(2, 'A.peer', AND('B.member', 'C.client'), OR('D.admin', 'E.orderer'))";
        assertThat(SignaturePolicy.parse(text)).hasToString(text);
        assertThat(SignaturePolicy.parse(" and ( \"A.peer\" ) ")).hasToString("AND('A.peer')");
    }

    @Test
    void malformed_expressions_are_refused_with_their_position() {
        assertThatThrownBy(() -> SignaturePolicy.parse("AND('A.peer'")).hasMessageContaining("expected ')' at position 12");
        assertThatThrownBy(() -> SignaturePolicy.parse("AND('A.boss')")).hasMessageContaining("expected a principal");
        assertThatThrownBy(() -> SignaturePolicy.parse("XOR('A.peer')")).hasMessageContaining("expected AND, OR, OutOf");
        assertThatThrownBy(() -> SignaturePolicy.parse("OutOf(3, 'A.peer', 'B.peer')")).hasMessageContaining("between 1 and 2");
        assertThatThrownBy(() -> SignaturePolicy.parse("OR('A.peer') x")).hasMessageContaining("unexpected 'x'");
    }

    @Test
    void endorsing_orgs_are_those_of_the_first_n_rules_without_repeats() {
        assertThat(SignaturePolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')").endorsingOrgs())
                .containsExactly("FinanceMSP", "AuditMSP");
        assertThat(SignaturePolicy.parse("OutOf(2, 'FinanceMSP.member', OR('AuditMSP.peer', 'HealthMSP.peer'), "
                + "'EducationMSP.peer')").endorsingOrgs()).containsExactly("FinanceMSP", "AuditMSP");
        assertThat(SignaturePolicy.parse("AND('FinanceMSP.peer','FinanceMSP.admin')").endorsingOrgs())
                .containsExactly("FinanceMSP");
    }
}

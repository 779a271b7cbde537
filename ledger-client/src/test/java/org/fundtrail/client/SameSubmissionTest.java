package org.fundtrail.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.Payee;
import org.junit.jupiter.api.Test;

class SameSubmissionTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Evidence EVIDENCE = new Evidence(SHA, "https://example.org/i.pdf");
    private static final Expenditure STORED = new Expenditure("E-1", "G", "1000.00", "EUR",
            new Payee("MedSupply Ltd", null), "2.2.1", "2026-03-14", EVIDENCE, "tx1", "2026-03-14T10:00:00Z");

    private static ExpenditureRequest spend(String amount, Payee payee, String date) {
        return new ExpenditureRequest("E-1", "G", amount, "EUR", payee, "2.2.1", date, EVIDENCE);
    }

    @Test
    void recognises_the_same_request_with_amounts_compared_by_value() {
        assertThat(SameSubmission.matches(spend("1000.00", new Payee("MedSupply Ltd", null), "2026-03-14"), STORED))
                .isTrue();
        assertThat(SameSubmission.matches(spend("1000", new Payee("MedSupply Ltd", null), "2026-03-14"), STORED))
                .isTrue();
    }

    @Test
    void tells_apart_a_request_that_differs_in_any_field_or_in_type() {
        assertThat(SameSubmission.matches(spend("1000.01", new Payee("MedSupply Ltd", null), "2026-03-14"), STORED))
                .isFalse();
        assertThat(SameSubmission.matches(spend("1000.00", new Payee("MedSupply Ltd", "GB-1"), "2026-03-14"), STORED))
                .as("an optional field given only now").isFalse();
        assertThat(SameSubmission.matches(spend("1000.00", new Payee("MedSupply", null), "2026-03-14"), STORED))
                .isFalse();
        assertThat(SameSubmission.matches(spend("1000.00", new Payee("MedSupply Ltd", null), "2026-03-15"), STORED))
                .isFalse();
        assertThat(SameSubmission.matches(new ReturnRequest("E-1", "G", "1000.00", "EUR",
                org.fundtrail.chaincode.domain.ReasonCode.UNSPENT, "x"), STORED)).as("another type").isFalse();
    }

    @Test
    void an_appropriation_is_not_the_allocation_a_transfer_created_under_that_id() {
        Classification c = new Classification("07", "P", null);
        Allocation root = new Allocation("X", "MOF", null, null, 2026, "EUR", "10.00", c, "Health", null, "tx", "t");
        Allocation child = new Allocation("X", "MOF", "A", "T-1", 2026, "EUR", "10.00", c, "Health", null, "tx", "t");
        AppropriationRequest request = new AppropriationRequest("X", 2026, "10.00", "EUR", c, "Health", null);
        assertThat(SameSubmission.matches(request, root)).isTrue();
        assertThat(SameSubmission.matches(request, child)).isFalse();
        assertThat(SameSubmission.matches(new AppropriationRequest("X", 2027, "10.00", "EUR", c, "Health", null),
                root)).isFalse();
    }

    @Test
    void compares_outcome_measures_by_value_and_allocation_lists_in_order() {
        Outcome stored = new Outcome("O-1", List.of("G", "H"), "Beds", "beds", "100", "120", "118.5", "2026", EVIDENCE,
                "tx", "t");
        assertThat(SameSubmission.matches(new OutcomeRequest("O-1", List.of("G", "H"), "Beds", "beds", "100.0",
                "120", "118.50", "2026", EVIDENCE), stored)).isTrue();
        assertThat(SameSubmission.matches(new OutcomeRequest("O-1", List.of("G"), "Beds", "beds", "100", "120",
                "118.5", "2026", EVIDENCE), stored)).isFalse();
    }
}

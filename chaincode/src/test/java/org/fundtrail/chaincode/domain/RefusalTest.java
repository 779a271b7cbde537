package org.fundtrail.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalTest {

    @Test
    void message_names_the_field_and_ends_with_the_code() {
        Refusal refusal = Refusal.of(ErrorCode.INSUFFICIENT_FUNDS, "amount", "10.00 EUR exceeds 5.00 EUR");
        assertThat(refusal.getMessage()).isEqualTo("amount: 10.00 EUR exceeds 5.00 EUR [INSUFFICIENT_FUNDS]");
        assertThat(new String(refusal.getPayload())).isEqualTo("INSUFFICIENT_FUNDS");
    }

    @Test
    void parse_reads_code_and_field_back_from_a_gateway_message() {
        var parsed = Refusal.parse("chaincode response 500, payee.name: is required [INVALID_ARGUMENT]");
        assertThat(parsed).isPresent();
        assertThat(parsed.get().code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(parsed.get().field()).isEqualTo("payee.name");
        assertThat(parsed.get().detail()).isEqualTo("is required");
        assertThat(Refusal.parse("allocationIds[1]: 'G' is listed twice [INVALID_ARGUMENT]").get().field())
                .isEqualTo("allocationIds[1]");
    }

    @Test
    void parse_ignores_text_that_is_not_a_refusal() {
        assertThat(Refusal.parse("connection refused")).isEmpty();
        assertThat(Refusal.parse("x: y [NOT_A_CODE]")).isEmpty();
        assertThat(Refusal.parse(null)).isEmpty();
    }
}

package org.fundtrail.chaincode.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void refuses_dot_ids_naming_the_field() {
        for (String dots : List.of(".", "..")) {
            assertThat(Ids.isValid(dots)).as(dots).isFalse();
            Refusal refusal = catchThrowableOfType(Refusal.class, () -> Ids.require("allocationId", dots));
            assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThat(refusal.field()).isEqualTo("allocationId");
            assertThat(refusal.getMessage()).isEqualTo("allocationId: '" + dots + "' is not a valid id (1 to 64 of "
                    + "A-Z a-z 0-9 . _ -, and not '.' or '..') [INVALID_ARGUMENT]");
        }
    }

    @Test
    void accepts_the_documented_characters_up_to_64_and_nothing_else() {
        assertThat(List.of("A", "APP-2026-07.3_b", "...", ".a", "a..", "x".repeat(64)))
                .allSatisfy(id -> assertThat(Ids.isValid(id)).as(id).isTrue());
        assertThat(List.of("", "x".repeat(65), "a b", "a/b", "é", "٢٠٢٧", "a\n", "\n.", ".\n", "..\n"))
                .allSatisfy(id -> assertThat(Ids.isValid(id)).as(id).isFalse());
        assertThat(Ids.isValid(null)).isFalse();
    }
}

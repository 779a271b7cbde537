package org.fundtrail.chaincode.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Refusal;
import org.junit.jupiter.api.Test;

/**
 * The test ledger's "a refused transaction leaves the state unchanged" check can fail: a body that
 * writes and then refuses is caught, and one that only refuses passes.
 */
class LedgerHarnessTest {

    @Test
    void a_refused_transaction_that_wrote_something_fails_the_check() {
        Ledger ledger = Ledger.withOrganizations();
        assertThatThrownBy(() -> ledger.tryRun((view, stamp) -> {
            view.put("leak", "half a transfer".getBytes(StandardCharsets.UTF_8));
            throw Refusal.of(ErrorCode.INSUFFICIENT_FUNDS, "amount", "refused after writing");
        }, "a leaky transfer")).isInstanceOf(AssertionError.class).hasMessageContaining("changed the state")
                .hasMessageContaining("leak");
    }

    @Test
    void a_refused_transaction_that_wrote_nothing_passes_the_check() {
        Ledger ledger = Ledger.withOrganizations();
        Refusal refusal = ledger.tryRun((view, stamp) -> {
            throw Refusal.of(ErrorCode.INSUFFICIENT_FUNDS, "amount", "refused cleanly");
        }, "a clean refusal");
        assertThat(refusal.code()).isEqualTo(ErrorCode.INSUFFICIENT_FUNDS);
        assertThat(ledger.tryRun((view, stamp) -> List.of(), "a no-op")).isNull();
    }
}

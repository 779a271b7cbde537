package org.fundtrail.chaincode.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.hyperledger.fabric.shim.Chaincode;
import org.junit.jupiter.api.Test;

class ContractRunnerTest {

    private static final TestIdentity OFFICER = TestIdentities.officer("FinanceMSP", "treasury");

    private final MemoryLedger ledger = new MemoryLedger();
    private final ContractRunner runner = new ContractRunner();

    @Test
    void successful_submit_returns_200_with_payload_and_commits() {
        final Chaincode.Response response = runner.invoke(ledger, OFFICER, "probe:Put", "k", "v");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        assertThat(response.getStringPayload()).isEqualTo("v");
        assertThat(ledger.getString("k")).isEqualTo("v");
        assertThat(runner.lastStub().eventName()).isEqualTo(ProbeContract.PUT_EVENT);
        assertThat(runner.lastStub().eventPayload()).isEqualTo("k".getBytes(UTF_8));
    }

    @Test
    void chaincode_exception_returns_500_with_message_and_payload_and_commits_nothing() {
        runner.invoke(ledger, OFFICER, "probe:Put", "existing", "1");
        final MemoryLedger.Snapshot before = ledger.snapshot();

        final Chaincode.Response response =
                runner.invoke(ledger, OFFICER, "probe:Refuse", "k", "not enough funds", "INSUFFICIENT_FUNDS");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).isEqualTo("not enough funds");
        assertThat(response.getStringPayload()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(runner.lastStub().writes()).containsKey("k");
        assertThat(ledger.snapshot()).isEqualTo(before);
    }

    @Test
    void other_exceptions_reach_the_client_as_a_generic_error_without_their_message() {
        final Chaincode.Response response = runner.invoke(ledger, OFFICER, "probe:Crash");

        // Shim 2.5.10 wraps the cause in ContractRuntimeException, itself a ChaincodeException, so the client sees
        // this generic message (not "Unexpected error") and nothing of the cause.
        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).isEqualTo("Error during contract method execution");
        assertThat(response.getPayload()).isNull();
    }

    @Test
    void unknown_function_is_refused() {
        final Chaincode.Response response = runner.invoke(ledger, OFFICER, "probe:NoSuchFunction");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.INTERNAL_SERVER_ERROR);
        assertThat(response.getMessage()).isEqualTo("Undefined contract method called");
    }

    @Test
    void contract_sees_the_callers_msp_and_certificate_attributes() {
        final TestIdentity auditor = TestIdentities.auditor("AuditMSP", "court-of-audit");

        final Chaincode.Response response = runner.evaluate(ledger, auditor, "probe:WhoAmI");

        assertThat(response.getStringPayload())
                .isEqualTo("AuditMSP|court-of-audit|auditor|" + auditor.clientId());
    }

    @Test
    void transactions_get_deterministic_ids_and_one_second_apart_timestamps() {
        final ContractRunner other = new ContractRunner();

        final String first = runner.evaluate(ledger, OFFICER, "probe:When").getStringPayload();
        final String second = runner.evaluate(ledger, OFFICER, "probe:When").getStringPayload();
        final String otherFirst = other.evaluate(ledger, OFFICER, "probe:When").getStringPayload();

        assertThat(first).matches("[0-9a-f]{64}@2026-01-01T00:00:00Z");
        assertThat(second).matches("[0-9a-f]{64}@2026-01-01T00:00:01Z");
        assertThat(first.substring(0, 64)).isNotEqualTo(second.substring(0, 64));
        assertThat(otherFirst).isEqualTo(first);
    }

    @Test
    void start_and_step_are_configurable_and_invoke_at_overrides_one_timestamp() {
        final ContractRunner custom = new ContractRunner(Instant.parse("2030-06-01T12:00:00Z"), Duration.ofMinutes(1));

        custom.invoke(ledger, OFFICER, "probe:Put", "a", "1");
        custom.invokeAt(Instant.parse("2031-01-01T00:00:00Z"), ledger, OFFICER, "probe:Put", "b", "2");
        custom.invoke(ledger, OFFICER, "probe:Put", "c", "3");

        assertThat(ledger.history("a").get(0).getTimestamp()).isEqualTo(Instant.parse("2030-06-01T12:00:00Z"));
        assertThat(ledger.history("b").get(0).getTimestamp()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(ledger.history("c").get(0).getTimestamp()).isEqualTo(Instant.parse("2030-06-01T12:02:00Z"));
    }

    @Test
    void evaluate_never_commits() {
        final Chaincode.Response response = runner.evaluate(ledger, OFFICER, "probe:Put", "k", "v");

        assertThat(response.getStatus()).isEqualTo(Chaincode.Response.Status.SUCCESS);
        assertThat(runner.lastStub().writes()).containsKey("k");
        assertThat(ledger.keys()).isEmpty();
    }

    @Test
    void history_records_the_runners_transaction_ids() {
        runner.invoke(ledger, OFFICER, "probe:Put", "k", "1");
        final String firstTx = runner.lastStub().getTxId();
        runner.invoke(ledger, OFFICER, "probe:Put", "k", "2");

        assertThat(ledger.history("k")).extracting(m -> m.getTxId())
                .containsExactly(runner.lastStub().getTxId(), firstTx);
    }

    @Test
    void last_stub_before_any_transaction_is_an_error() {
        assertThatThrownBy(() -> new ContractRunner().lastStub()).isInstanceOf(IllegalStateException.class);
    }
}

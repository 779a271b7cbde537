package org.fundtrail.cli.demo;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.client.SubmitRequest;

/**
 * One submission of a sample budget: who submits it, what, and whether the ledger is expected to
 * refuse it.
 *
 * <pre>{@code
 * Step s = budget.steps().get(0);
 * FundtrailLedger ledger = open(s.mspId(), s.user());
 * if (s.expectedRefusal().isPresent()) { ... }
 * }</pre>
 *
 * @param index the step's position in its budget, from 0
 * @param phase the phase it belongs to
 * @param mspId the MSP of the submitting user, e.g. {@code HealthMSP}
 * @param user the user name in that MSP, e.g. {@code officer@health-hosp}
 * @param request the submission
 * @param expectedCode the code the ledger must refuse it with, or null when it must commit
 * @param balances the allocations whose balances it creates or changes; two steps of a phase that
 *     share one must run in list order, one after the other
 * @param note a one-line description of a planned refusal or correction, or null
 */
public record Step(int index, Phase phase, String mspId, String user, SubmitRequest request, ErrorCode expectedCode,
                   Set<String> balances, String note) {
    /**
     * Copies the set and checks the required components.
     *
     * @throws NullPointerException when phase, mspId, user, request or balances is null
     */
    public Step {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(request, "request");
        balances = Set.copyOf(Objects.requireNonNull(balances, "balances"));
    }

    /** @return the code the ledger must refuse this step with, or empty when it must commit */
    public Optional<ErrorCode> expectedRefusal() {
        return Optional.ofNullable(expectedCode);
    }

    /** @return the submitting identity as {@code mspId/user} */
    public String identity() {
        return mspId + "/" + user;
    }

    @Override
    public String toString() {
        return "#" + index + " " + phase + " " + request.transactionName() + " " + request.id() + " as " + identity()
                + (expectedCode == null ? "" : " (expect " + expectedCode + ")");
    }
}

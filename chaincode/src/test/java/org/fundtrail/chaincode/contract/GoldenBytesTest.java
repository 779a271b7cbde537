package org.fundtrail.chaincode.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundtrail.chaincode.contract.Budget.map;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fundtrail.chaincode.contract.TestIdentities.TestIdentity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the exact bytes each transaction writes and the event it emits: every endorsing peer must
 * produce them identically, and clients and the projector read them. A change here is a change to
 * the ledger format and needs a migration story, not a regenerated file.
 *
 * <p>Expected files live in {@code src/test/resources/org/fundtrail/chaincode/contract/golden/};
 * {@code -Dfundtrail.golden.update=true} rewrites them (then review the diff).
 */
class GoldenBytesTest {
    private static final Path SOURCE = Path.of("src/test/resources/org/fundtrail/chaincode/contract/golden");

    private record Step(String name, TestIdentity caller, String function, Map<String, Object> request) {
    }

    @TestFactory
    Stream<DynamicTest> each_transaction_writes_exactly_the_pinned_bytes_and_event() {
        Budget budget = new Budget();
        List<Step> steps = List.of(
            new Step("01-register-ministry", budget.mofAdmin, "RegisterOrganization", map("id", "MOF", "name",
                    "Ministry of Finance", "tier", "MINISTRY", "mspId", "FinanceMSP", "orgIdentifier", "XM-FT-MOF")),
            new Step("02-register-department", budget.mofAdmin, "RegisterOrganization", map("id", "HEALTH", "name",
                    "Ministry of Health", "tier", "DEPARTMENT", "parentId", "MOF", "mspId", "HealthMSP")),
            new Step("03-register-agency", budget.mofAdmin, "RegisterOrganization", map("id", "HOSP", "name",
                    "National Hospitals Agency — Zürich «Ost»", "tier", "AGENCY", "parentId", "HEALTH", "mspId",
                    "HealthMSP")),
            new Step("04-appropriate", budget.mof, "Appropriate", Budget.appropriation("A", "1000000.00")),
            new Step("05-transfer-to-department", budget.mof, "Transfer",
                    Budget.transfer("T-D", "A", "HEALTH", "D", "600000.00")),
            new Step("06-transfer-to-agency", budget.health, "Transfer",
                    Budget.transfer("T-G", "D", "HOSP", "G", "250000.00")),
            new Step("07-expenditure", budget.hosp, "RecordExpenditure", Budget.expenditure("E-1", "G", "1234.56")),
            new Step("08-outcome", budget.hosp, "RecordOutcome", Budget.outcome("O-1", List.of("G"))),
            new Step("09-return", budget.hosp, "ReturnFunds", map("id", "R-1", "allocationId", "G", "amount",
                    "1000.00", "currency", "EUR", "reasonCode", "UNSPENT", "reason", "Under budget")),
            new Step("10-reverse-expenditure", budget.hosp, "Reverse", map("id", "V-1", "originalId", "E-1",
                    "reasonCode", "DATA_ENTRY_ERROR", "reason", "Wrong invoice")),
            new Step("11-transfer-again", budget.health, "Transfer",
                    Budget.transfer("T-G2", "D", "HOSP", "G2", "5.00")),
            new Step("12-reverse-transfer", budget.health, "Reverse", map("id", "V-2", "originalId", "T-G2",
                    "reasonCode", "CANCELLED", "reason", "Grant withdrawn")));
        return steps.stream().map(step -> DynamicTest.dynamicTest(step.name(), () -> {
            budget.ok(step.caller(), step.function(), step.request());
            MemoryStub stub = budget.runner.lastStub();
            String actual = render(stub);
            if (Boolean.getBoolean("fundtrail.golden.update")) {
                Files.createDirectories(SOURCE);
                Files.writeString(SOURCE.resolve(step.name() + ".txt"), actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(expected(step.name()));
        }));
    }

    /** One line per write, key with U+0000 shown as '/', then the event. */
    private static String render(MemoryStub stub) {
        StringBuilder out = new StringBuilder();
        stub.writes().forEach((key, value) -> out.append("write ").append(printable(key)).append('\n')
                .append(value == null ? "<delete>" : new String(value, StandardCharsets.UTF_8)).append('\n'));
        out.append("event ").append(stub.eventName()).append('\n')
                .append(new String(stub.eventPayload(), StandardCharsets.UTF_8)).append('\n');
        return out.toString();
    }

    private static String printable(String key) {
        return key.replace('\u0000', '/');
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = GoldenBytesTest.class.getResourceAsStream("golden/" + name + ".txt")) {
            assertThat(in).as("golden file %s (generate with -Dfundtrail.golden.update=true)", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package org.fundtrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.fundtrail.chaincode.domain.Evidence;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.client.readmodel.LedgerRef;
import org.fundtrail.client.readmodel.RecordRow;
import org.junit.jupiter.api.Test;

/** {@code list} and {@code search} tables: ids and amounts whole at any width, only free text shortened. */
class RecordTableTest {
    static final String LONG_ID = "EX-2025-HEALTH-HOSPITALS-NORTH-REGION-CAPITAL-WORKS-0000000000001"; // 64
    static final String PAYEE = "Northern Regional Hospital Construction and Maintenance Consortium Ltd";

    private static RecordRow expenditure(String id, String payee, String amount, String reversedBy) {
        Expenditure e = new Expenditure(id, "AL-2025-HEALTH-HOSPITALS-NORTH", amount, "EUR", new Payee(payee, "X"),
                "CAPITAL", "2025-03-14", new Evidence("0".repeat(64), null), "tx", "2025-03-14T10:00:00Z");
        return new RecordRow(e, new LedgerRef("tx", 3), null, null, reversedBy);
    }

    private static List<String> print(int width, RecordRow... rows) {
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            RecordTable.print(out, RecordType.EXPENDITURE, List.of(rows), width);
        }
        return s.toString().lines().toList();
    }

    @Test
    void at_80_columns_ids_and_amounts_stay_whole_and_only_the_payee_is_shortened() {
        List<String> lines = print(80, expenditure(LONG_ID, PAYEE, "1250000000.00", "RV-2025-HEALTH-0001"),
                expenditure("E-1", "Short", "5.00", null));
        assertThat(lines.get(0)).startsWith("ID").contains("DATE", "PAYEE", "AMOUNT", "REVERSED");
        assertThat(lines.get(1)).contains(LONG_ID, "1,250,000,000.00 EUR", "RV-2025-HEALTH-0001", "Norther…")
                .doesNotContain(PAYEE);
        assertThat(lines.get(2)).startsWith("E-1 ").contains("Short", "5.00 EUR");
        int amountEnd = lines.get(1).indexOf(" EUR") + 4;
        assertThat(lines.get(2).indexOf(" EUR") + 4).as("amounts are right-aligned").isEqualTo(amountEnd);
    }

    @Test
    void piped_output_cuts_nothing() {
        List<String> lines = print(TraceView.UNLIMITED, expenditure(LONG_ID, PAYEE, "1.00", null));
        assertThat(lines.get(1)).contains(LONG_ID, PAYEE).doesNotContain("…");
    }

    @Test
    void short_rows_fit_80_columns_without_shortening() {
        List<String> lines = print(80, expenditure("E-1", "MedSupply Ltd", "100.00", null));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
        assertThat(lines.get(1)).contains("MedSupply Ltd").doesNotContain("…");
    }
}

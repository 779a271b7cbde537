package org.fundtrail.client.readmodel;

import java.util.List;

/**
 * The totals of the read model at one ledger height, read in one transaction so that its parts
 * agree with each other however the projector moves on meanwhile: the totals per fiscal year,
 * department and COFOG division ({@link SummaryGrouping} says what each covers), the outcome
 * tallies, and the flows of the year's flow chart.
 *
 * <pre>{@code
 * Summary s = readModel.summary(2026, Duration.ofSeconds(30));
 * s.byDepartment().forEach(row -> System.out.println(row.name() + " " + row.spent()));
 * }</pre>
 *
 * @param checkpoint the last block the totals include, or -1 when none is projected
 * @param byFiscalYear totals per fiscal year and currency
 * @param byDepartment totals per department (with its agencies), fiscal year and currency
 * @param byCofog totals per COFOG division, fiscal year and currency
 * @param outcomes outcome tallies per fiscal year
 * @param flows the flow chart's bands, per organisation pair
 */
public record Summary(long checkpoint, List<SummaryRow> byFiscalYear, List<SummaryRow> byDepartment,
                      List<SummaryRow> byCofog, List<OutcomeTally> outcomes, List<FlowRow> flows) {
    /** Copies the lists. */
    public Summary {
        byFiscalYear = List.copyOf(byFiscalYear);
        byDepartment = List.copyOf(byDepartment);
        byCofog = List.copyOf(byCofog);
        outcomes = List.copyOf(outcomes);
        flows = List.copyOf(flows);
    }

    /** @return the ledger height the totals stand at: the number of blocks they include */
    public long height() {
        return checkpoint + 1;
    }
}

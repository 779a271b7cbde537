package org.fundtrail.client.readmodel;

/**
 * How the outcomes reported for a fiscal year stand against their targets. A target or actual
 * counts as numeric when it starts with a digit.
 *
 * <pre>{@code
 * for (OutcomeTally t : readModel.summary(2026, Duration.ofSeconds(30)).outcomes()) {
 *     System.out.println(t.actualAtOrAboveTarget() + " of " + t.numericTarget() + " met their target");
 * }
 * }</pre>
 *
 * @param fiscalYear the fiscal year
 * @param reported how many outcomes were reported
 * @param numericTarget how many have a numeric target and a numeric actual
 * @param actualAtOrAboveTarget how many of those have an actual at or above the target
 */
public record OutcomeTally(int fiscalYear, long reported, long numericTarget, long actualAtOrAboveTarget) {
}

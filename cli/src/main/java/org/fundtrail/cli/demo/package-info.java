/**
 * The sample national budget of {@code fundtrail demo}: the demo network
 * ({@link org.fundtrail.cli.demo.DemoNetwork}), a deterministic generator of the budget's
 * transactions ({@link org.fundtrail.cli.demo.SampleBudget}, a list of
 * {@link org.fundtrail.cli.demo.Step}s) and the loader that submits them to a ledger with many
 * in flight ({@link org.fundtrail.cli.demo.BudgetLoader}, reporting a
 * {@link org.fundtrail.cli.demo.LoadSummary}).
 *
 * <pre>{@code
 * SampleBudget budget = SampleBudget.newInstance().build();            // seed and scale by default
 * LoadSummary summary = BudgetLoader.newInstance()
 *     .ledgers((mspId, user) -> openLedger(mspId, user))
 *     .progress((done, total) -> System.out.printf("%d/%d%n", done, total))
 *     .build()
 *     .load(budget.steps());
 * }</pre>
 */
package org.fundtrail.cli.demo;

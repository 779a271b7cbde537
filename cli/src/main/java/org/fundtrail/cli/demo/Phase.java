package org.fundtrail.cli.demo;

/**
 * The phases of loading a budget, in order. Every step of a phase may rely on every step of the
 * earlier phases having committed; within a phase, only steps that change the same allocation's
 * balance are ordered (see {@link Step#balances()}).
 *
 * <pre>{@code
 * budget.steps().stream().filter(s -> s.phase() == Phase.AGENCY_TRANSFERS).count();
 * }</pre>
 */
public enum Phase {
    /** The finance ministry registers itself (its Admin: the ledger's bootstrap). */
    MINISTRY,
    /** The ministry registers the departments and the audit office. */
    DEPARTMENTS,
    /** The ministry registers the agencies under their departments. */
    AGENCIES,
    /** The ministry appropriates the budget lines of both fiscal years. */
    APPROPRIATIONS,
    /** Quarterly tranches: ministry to departments. */
    DEPARTMENT_TRANSFERS,
    /** Instalments: departments to agencies (and a transfer later cancelled). */
    AGENCY_TRANSFERS,
    /** Expenditures and outcomes. */
    SPENDING,
    /** Reversals, corrected expenditures and returns of unspent money. */
    CORRECTIONS,
    /** Submissions the ledger must refuse (overspend, wrong organisation, wrong direction, ...). */
    REFUSALS
}

package org.fundtrail.chaincode.domain;

/**
 * The tier of an organisation, which fixes the direction money may flow:
 * MINISTRY → DEPARTMENT → AGENCY, and back up only by a return. Auditors hold no money.
 */
public enum Tier {
    /** The finance ministry: registers organisations, appropriates. */
    MINISTRY,
    /** A spending department. */
    DEPARTMENT,
    /** A delivery agency hosted by a department. */
    AGENCY,
    /** An audit office: reads, holds no money. */
    AUDITOR;

    /**
     * @param to the receiving tier
     * @return whether a transfer from this tier to {@code to} is allowed
     */
    public boolean mayTransferTo(Tier to) {
        return (this == MINISTRY && to == DEPARTMENT) || (this == DEPARTMENT && to == AGENCY);
    }

    /** @return whether this tier may record expenditure */
    public boolean maySpend() {
        return this == DEPARTMENT || this == AGENCY;
    }

    /**
     * @param parent the tier of the parent organisation, or null for none
     * @return whether an organisation of this tier may have such a parent
     */
    public boolean acceptsParent(Tier parent) {
        return switch (this) {
            case MINISTRY -> parent == null;
            case DEPARTMENT -> parent == MINISTRY;
            case AGENCY -> parent == DEPARTMENT;
            case AUDITOR -> parent == null || parent == MINISTRY;
        };
    }
}

package org.fundtrail.network.definition;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * A Fabric signature policy (the {@code SignaturePolicyEnvelope} rule tree), parsed from Fabric's
 * policy language — {@code AND(...)}, {@code OR(...)}, {@code OutOf(n, ...)} over principals
 * {@code 'MspId.role'} with role {@code member}, {@code admin}, {@code client}, {@code peer} or
 * {@code orderer} — and evaluated as Fabric's {@code cauthdsl} does.
 *
 * <pre>{@code
 * SignaturePolicy policy = SignaturePolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");
 * boolean ok = policy.isSatisfiedBy(endorsers, (endorser, principal) ->
 *     endorser.mspId().equals(principal.mspId()) && roleMatches(endorser, principal.role()));
 * }</pre>
 */
public sealed interface SignaturePolicy permits SignaturePolicy.SignedBy, SignaturePolicy.OutOf {

    /** The roles a principal may name, as in Fabric's {@code MSPRole}. */
    List<String> ROLES = List.of("member", "admin", "client", "peer", "orderer");

    /**
     * A principal: satisfied by one signature from an identity of an MSP in a role.
     *
     * @param mspId the MSP id
     * @param role one of {@link #ROLES}
     */
    record SignedBy(String mspId, String role) implements SignaturePolicy {
        /**
         * Checks the components.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if the role is not one of {@link #ROLES}
         */
        public SignedBy {
            Objects.requireNonNull(mspId, "mspId");
            Objects.requireNonNull(role, "role");
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "', expected one of " + ROLES);
            }
        }

        @Override
        public String toString() {
            return "'" + mspId + "." + role + "'";
        }
    }

    /**
     * At least {@code n} of the rules must be satisfied, each by different signatures.
     * {@code AND} is {@code OutOf(count)}, {@code OR} is {@code OutOf(1)}.
     *
     * @param n how many rules must be satisfied, 1 to {@code rules.size()}
     * @param rules the sub-policies
     */
    record OutOf(int n, List<SignaturePolicy> rules) implements SignaturePolicy {
        /**
         * Checks and copies the components.
         *
         * @throws NullPointerException if {@code rules} or an element is null
         * @throws IllegalArgumentException if {@code n} is not within 1 and the number of rules
         */
        public OutOf {
            rules = List.copyOf(rules);
            if (n < 1 || n > rules.size()) {
                throw new IllegalArgumentException("OutOf(" + n + ", ...) over " + rules.size() + " rules");
            }
        }

        @Override
        public String toString() {
            String op = n == rules.size() ? "AND(" : n == 1 ? "OR(" : "OutOf(" + n + ", ";
            StringBuilder sb = new StringBuilder(op);
            for (int i = 0; i < rules.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(rules.get(i));
            }
            return sb.append(')').toString();
        }
    }

    /**
     * Parses an expression in Fabric's policy language.
     *
     * @param expression e.g. {@code OutOf(2, 'A.peer', 'B.peer', 'C.member')}
     * @return the rule tree
     * @throws NullPointerException if {@code expression} is null
     * @throws IllegalArgumentException if the expression is malformed; the message gives the position
     */
    static SignaturePolicy parse(String expression) {
        return new SignaturePolicyParser(Objects.requireNonNull(expression, "expression")).parseAll();
    }

    /**
     * The MSP ids named by the principals, in order of appearance.
     *
     * @return the distinct MSP ids
     */
    default Set<String> mspIds() {
        Set<String> ids = new LinkedHashSet<>();
        collect(this, ids);
        return Collections.unmodifiableSet(ids);
    }

    private static void collect(SignaturePolicy p, Set<String> ids) {
        if (p instanceof SignedBy s) {
            ids.add(s.mspId());
        } else {
            ((OutOf) p).rules().forEach(r -> collect(r, ids));
        }
    }

    /**
     * Evaluates the policy over the identities that signed, as Fabric does: each identity satisfies
     * at most one principal, and rules are tried in order, the first unused identity matching a
     * principal being taken. Pass distinct identities (Fabric drops duplicate signers first).
     *
     * @param <T> the identity type
     * @param identities the signers whose signatures were already verified
     * @param matches whether an identity satisfies a principal (MSP id and role; for {@code member},
     *     any valid identity of the MSP)
     * @return whether the policy is satisfied
     */
    /**
     * A small set of MSPs whose endorsements satisfy the policy: for {@code OutOf(n, ...)} those of
     * its first {@code n} rules. What a gateway asks to endorse when the client names no orgs.
     *
     * @return MSP IDs, in the policy's order, without repeats
     */
    default List<String> endorsingOrgs() {
        java.util.LinkedHashSet<String> orgs = new java.util.LinkedHashSet<>();
        collectEndorsingOrgs(this, orgs);
        return List.copyOf(orgs);
    }

    private static void collectEndorsingOrgs(SignaturePolicy p, java.util.Set<String> orgs) {
        if (p instanceof SignedBy s) {
            orgs.add(s.mspId());
            return;
        }
        OutOf o = (OutOf) p;
        for (int i = 0; i < o.n(); i++) {
            collectEndorsingOrgs(o.rules().get(i), orgs);
        }
    }

    default <T> boolean isSatisfiedBy(List<T> identities, BiPredicate<? super T, SignedBy> matches) {
        return evaluate(this, identities, new boolean[identities.size()], matches);
    }

    private static <T> boolean evaluate(SignaturePolicy p, List<T> ids, boolean[] used,
            BiPredicate<? super T, SignedBy> matches) {
        if (p instanceof SignedBy s) {
            for (int i = 0; i < ids.size(); i++) {
                if (!used[i] && matches.test(ids.get(i), s)) {
                    used[i] = true;
                    return true;
                }
            }
            return false;
        }
        OutOf o = (OutOf) p;
        int verified = 0;
        boolean[] trial = new boolean[used.length];
        for (SignaturePolicy rule : o.rules()) {
            System.arraycopy(used, 0, trial, 0, used.length);
            if (evaluate(rule, ids, trial, matches)) {
                verified++;
                System.arraycopy(trial, 0, used, 0, used.length);
            }
        }
        return verified >= o.n();
    }
}

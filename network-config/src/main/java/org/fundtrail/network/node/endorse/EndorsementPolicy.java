package org.fundtrail.network.node.endorse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An endorsement policy in Fabric's signature-policy syntax: {@code AND(...)}, {@code OR(...)},
 * {@code OutOf(n, ...)} over principals {@code 'MSPID.role'} (role {@code member}, {@code peer},
 * {@code client}, {@code admin}, {@code orderer}).
 *
 * <pre>{@code
 * EndorsementPolicy p = EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");
 * p.isSatisfiedBy(Set.of(new Principal("FinanceMSP", "peer"), new Principal("AuditMSP", "peer")));
 * }</pre>
 */
public final class EndorsementPolicy {
    /**
     * A signer: MSP ID and NodeOU role.
     *
     * @param mspId the MSP ID
     * @param role the role ({@code member} matches every role)
     */
    public record Principal(String mspId, String role) {
    }

    private final String text;
    private final Node root;

    private EndorsementPolicy(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @param text the policy
     * @return the parsed policy
     * @throws IllegalArgumentException when the text is not a signature policy
     */
    public static EndorsementPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser p = new Parser(text);
        Node n = p.expression();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected text at " + p.pos + " in policy " + text);
        }
        return new EndorsementPolicy(text, n);
    }

    /**
     * @param signers the principals of the valid endorsements (each signer counts once per rule)
     * @return whether they satisfy the policy
     */
    public boolean isSatisfiedBy(Set<Principal> signers) {
        return root.satisfied(signers);
    }

    /** @return a small set of MSP IDs whose peers' endorsements satisfy the policy */
    public List<String> endorsingOrgs() {
        Set<String> out = new LinkedHashSet<>();
        root.choose(out);
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        boolean satisfied(Set<Principal> signers);

        void choose(Set<String> orgs);
    }

    private record Leaf(Principal principal) implements Node {
        @Override
        public boolean satisfied(Set<Principal> signers) {
            for (Principal s : signers) {
                if (s.mspId().equals(principal.mspId())
                        && (principal.role().equals("member") || principal.role().equals(s.role()))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void choose(Set<String> orgs) {
            orgs.add(principal.mspId());
        }
    }

    private record OutOf(int n, List<Node> rules) implements Node {
        @Override
        public boolean satisfied(Set<Principal> signers) {
            int count = 0;
            for (Node r : rules) {
                if (r.satisfied(signers)) {
                    count++;
                }
            }
            return count >= n;
        }

        @Override
        public void choose(Set<String> orgs) {
            for (int i = 0; i < n && i < rules.size(); i++) {
                rules.get(i).choose(orgs);
            }
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Node expression() {
            skipSpaces();
            if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                char quote = s.charAt(pos++);
                int end = s.indexOf(quote, pos);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated principal in policy " + s);
                }
                String principal = s.substring(pos, end);
                pos = end + 1;
                int dot = principal.lastIndexOf('.');
                if (dot <= 0) {
                    throw new IllegalArgumentException("principal must be 'MSPID.role': " + principal);
                }
                return new Leaf(new Principal(principal.substring(0, dot), principal.substring(dot + 1).toLowerCase(Locale.ROOT)));
            }
            int open = s.indexOf('(', pos);
            if (open < 0) {
                throw new IllegalArgumentException("expected AND, OR or OutOf at " + pos + " in policy " + s);
            }
            String op = s.substring(pos, open).trim();
            pos = open + 1;
            List<Node> args = new ArrayList<>();
            Integer n = null;
            if (op.equalsIgnoreCase("OutOf")) {
                skipSpaces();
                int comma = s.indexOf(',', pos);
                n = Integer.parseInt(s.substring(pos, comma).trim());
                pos = comma + 1;
            } else if (!op.equalsIgnoreCase("AND") && !op.equalsIgnoreCase("OR")) {
                throw new IllegalArgumentException("unknown operator " + op + " in policy " + s);
            }
            while (true) {
                args.add(expression());
                skipSpaces();
                char c = s.charAt(pos++);
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or ) at " + (pos - 1) + " in policy " + s);
                }
            }
            int required = n != null ? n : op.equalsIgnoreCase("AND") ? args.size() : 1;
            return new OutOf(required, List.copyOf(args));
        }
    }
}

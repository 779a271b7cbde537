package org.fundtrail.client.verify;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicy;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * A chaincode endorsement policy: a Fabric {@code SignaturePolicyEnvelope} over MSP role principals.
 * Built from Fabric's policy syntax ({@code AND(...)}, {@code OR(...)}, {@code OutOf(n, ...)} over
 * {@code 'MSPID.role'}, role one of {@code member}, {@code admin}, {@code client}, {@code peer},
 * {@code orderer}) exactly as Fabric's {@code policydsl} builds it, or taken from an envelope.
 * Evaluated as Fabric's {@code cauthdsl} does: rules in order, each signer used at most once.
 *
 * <pre>{@code
 * EndorsementPolicy p = EndorsementPolicy.parse("AND('FinanceMSP.peer','AuditMSP.peer')");
 * SignaturePolicyEnvelope envelope = p.envelope();   // NOutOf(2, [SignedBy(0), SignedBy(1)])
 * }</pre>
 */
public final class EndorsementPolicy {
    private static final Map<String, MSPRole.MSPRoleType> ROLES = Map.of("member", MSPRole.MSPRoleType.MEMBER,
            "admin", MSPRole.MSPRoleType.ADMIN, "client", MSPRole.MSPRoleType.CLIENT, "peer",
            MSPRole.MSPRoleType.PEER, "orderer", MSPRole.MSPRoleType.ORDERER);

    private final SignaturePolicyEnvelope envelope;
    /** Decoded principals, by index; null where a principal is not a role (never satisfied). */
    private final List<MSPRole> principals;
    private final String text;

    private EndorsementPolicy(SignaturePolicyEnvelope envelope) {
        this.envelope = envelope;
        List<MSPRole> decoded = new ArrayList<>();
        for (MSPPrincipal p : envelope.getIdentitiesList()) {
            MSPRole role = null;
            if (p.getPrincipalClassification() == MSPPrincipal.Classification.ROLE) {
                try {
                    role = MSPRole.parseFrom(p.getPrincipal());
                } catch (InvalidProtocolBufferException e) {
                    role = null;
                }
            }
            decoded.add(role);
        }
        this.principals = java.util.Collections.unmodifiableList(decoded);
        this.text = render(envelope.getRule());
    }

    /**
     * @param text a policy in Fabric's syntax, e.g. {@code OutOf(2, 'A.peer', 'B.peer', 'C.peer')}
     * @return the policy
     * @throws IllegalArgumentException when the text is not a signature policy
     */
    public static EndorsementPolicy parse(String text) {
        Objects.requireNonNull(text, "text");
        Parser p = new Parser(text);
        SignaturePolicy rule = p.expression();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("unexpected text at " + p.pos + " in policy " + text);
        }
        return new EndorsementPolicy(SignaturePolicyEnvelope.newBuilder().setVersion(0).setRule(rule)
                .addAllIdentities(p.identities).build());
    }

    /**
     * @param envelope a signature policy envelope (e.g. from a channel configuration)
     * @return the policy
     * @throws IllegalArgumentException when a rule names a principal index the envelope lacks
     */
    public static EndorsementPolicy fromEnvelope(SignaturePolicyEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        checkIndices(envelope.getRule(), envelope.getIdentitiesCount());
        return new EndorsementPolicy(envelope);
    }

    private static void checkIndices(SignaturePolicy rule, int identities) {
        if (rule.hasNOutOf()) {
            for (SignaturePolicy r : rule.getNOutOf().getRulesList()) {
                checkIndices(r, identities);
            }
        } else if (rule.getSignedBy() < 0 || rule.getSignedBy() >= identities) {
            throw new IllegalArgumentException("signed_by " + rule.getSignedBy() + " names no identity of "
                    + identities);
        }
    }

    /** @return the policy as a Fabric {@code SignaturePolicyEnvelope} */
    public SignaturePolicyEnvelope envelope() {
        return envelope;
    }

    /** @return the policy in Fabric's syntax */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndorsementPolicy other && other.envelope.equals(envelope);
    }

    @Override
    public int hashCode() {
        return envelope.hashCode();
    }

    /** A valid signer: its MSP, the role its MSP gave it, and its serialized identity. */
    record Signer(String mspId, String role, ByteString identity) {
        @Override
        public String toString() {
            return mspId + "." + role;
        }
    }

    /**
     * @param signers distinct valid signers (one per identity)
     * @return whether they satisfy the policy, each used for at most one principal
     */
    boolean isSatisfiedBy(List<Signer> signers) {
        return evaluate(envelope.getRule(), signers, new boolean[signers.size()]);
    }

    private boolean evaluate(SignaturePolicy rule, List<Signer> signers, boolean[] used) {
        if (rule.hasNOutOf()) {
            int verified = 0;
            boolean[] attempt = new boolean[used.length];
            for (SignaturePolicy r : rule.getNOutOf().getRulesList()) {
                System.arraycopy(used, 0, attempt, 0, used.length);
                if (evaluate(r, signers, attempt)) {
                    verified++;
                    System.arraycopy(attempt, 0, used, 0, used.length);
                }
            }
            return verified >= rule.getNOutOf().getN();
        }
        MSPRole principal = principals.get(rule.getSignedBy());
        for (int i = 0; i < signers.size(); i++) {
            if (!used[i] && satisfies(signers.get(i), principal)) {
                used[i] = true;
                return true;
            }
        }
        return false;
    }

    private static boolean satisfies(Signer s, MSPRole principal) {
        if (principal == null || !principal.getMspIdentifier().equals(s.mspId())) {
            return false;
        }
        return switch (principal.getRole()) {
            case MEMBER -> true;
            case ADMIN -> s.role().equals("admin");
            case CLIENT -> s.role().equals("client");
            case PEER -> s.role().equals("peer");
            case ORDERER -> s.role().equals("orderer");
            default -> false;
        };
    }

    private String render(SignaturePolicy rule) {
        if (rule.hasNOutOf()) {
            List<String> parts = new ArrayList<>();
            for (SignaturePolicy r : rule.getNOutOf().getRulesList()) {
                parts.add(render(r));
            }
            int n = rule.getNOutOf().getN();
            String args = String.join(", ", parts);
            if (n == 1) {
                return "OR(" + args + ")";
            }
            return n == parts.size() ? "AND(" + args + ")" : "OutOf(" + n + ", " + args + ")";
        }
        int i = rule.getSignedBy();
        MSPRole role = i >= 0 && i < principals.size() ? principals.get(i) : null;
        return role == null ? "<principal " + i + ">"
                : "'" + role.getMspIdentifier() + "." + role.getRole().name().toLowerCase(Locale.ROOT) + "'";
    }

    private static final class Parser {
        private final String s;
        private final List<MSPPrincipal> identities = new ArrayList<>();
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos + " in policy " + s);
        }

        SignaturePolicy expression() {
            skipSpaces();
            if (pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
                return SignaturePolicy.newBuilder().setSignedBy(principal(quoted())).build();
            }
            int open = s.indexOf('(', pos);
            if (open < 0) {
                throw error("expected AND, OR or OutOf");
            }
            String op = s.substring(pos, open).trim().toLowerCase(Locale.ROOT);
            pos = open + 1;
            Integer n = null;
            if (op.equals("outof")) {
                skipSpaces();
                int comma = s.indexOf(',', pos);
                if (comma < 0) {
                    throw error("expected OutOf(n, ...)");
                }
                String count = s.substring(pos, comma).trim().replace("'", "").replace("\"", "");
                try {
                    n = Integer.parseInt(count);
                } catch (NumberFormatException e) {
                    throw error("OutOf needs a number, not '" + count + "'");
                }
                pos = comma + 1;
            } else if (!op.equals("and") && !op.equals("or")) {
                throw error("unknown operator '" + op + "'");
            }
            List<SignaturePolicy> rules = new ArrayList<>();
            while (true) {
                rules.add(expression());
                skipSpaces();
                if (pos >= s.length()) {
                    throw error("expected , or )");
                }
                char c = s.charAt(pos++);
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw error("expected , or )");
                }
            }
            int required = n != null ? n : op.equals("and") ? rules.size() : 1;
            if (required < 0 || required > rules.size()) {
                throw error("OutOf(" + required + ", ...) with " + rules.size() + " rule(s)");
            }
            return SignaturePolicy.newBuilder().setNOutOf(SignaturePolicy.NOutOf.newBuilder().setN(required)
                    .addAllRules(rules)).build();
        }

        private String quoted() {
            char quote = s.charAt(pos++);
            int end = s.indexOf(quote, pos);
            if (end < 0) {
                throw error("unterminated principal");
            }
            String text = s.substring(pos, end);
            pos = end + 1;
            return text;
        }

        private int principal(String text) {
            int dot = text.lastIndexOf('.');
            MSPRole.MSPRoleType role = dot <= 0 ? null : ROLES.get(text.substring(dot + 1));
            if (role == null) {
                throw error("principal must be 'MSPID.role' with role one of " + ROLES.keySet() + ", not '" + text + "'");
            }
            MSPPrincipal p = MSPPrincipal.newBuilder().setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                    .setPrincipal(MSPRole.newBuilder().setMspIdentifier(text.substring(0, dot)).setRole(role).build()
                            .toByteString()).build();
            int existing = identities.indexOf(p);
            if (existing >= 0) {
                return existing;
            }
            identities.add(p);
            return identities.size() - 1;
        }
    }
}

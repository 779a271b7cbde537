package org.fundtrail.network.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fundtrail.network.definition.SignaturePolicy.OutOf;
import org.fundtrail.network.definition.SignaturePolicy.SignedBy;

import static org.fundtrail.network.definition.SignaturePolicy.ROLES;

/** A recursive-descent parser of the policy language. */
final class SignaturePolicyParser {
    private static final Pattern PRINCIPAL = Pattern.compile("^([A-Za-z0-9.-]+)\\.(admin|member|client|peer|orderer)$");
    private final String text;
    private int pos;

    SignaturePolicyParser(String text) {
        this.text = text;
    }

    SignaturePolicy parseAll() {
        SignaturePolicy p = policy();
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected '" + text.charAt(pos) + "'");
        }
        return p;
    }

    private SignaturePolicy policy() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expected a policy");
        }
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return principal(c);
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String op = text.substring(start, pos).toLowerCase(Locale.ROOT);
        if (!op.equals("and") && !op.equals("or") && !op.equals("outof")) {
            pos = start;
            throw error("expected AND, OR, OutOf or a quoted principal");
        }
        expect('(');
        int n = -1;
        if (op.equals("outof")) {
            skipSpace();
            int numStart = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (numStart == pos) {
                throw error("expected the number of OutOf");
            }
            n = Integer.parseInt(text.substring(numStart, pos));
            expect(',');
        }
        List<SignaturePolicy> rules = new ArrayList<>();
        rules.add(policy());
        skipSpace();
        while (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
            rules.add(policy());
            skipSpace();
        }
        expect(')');
        int required = op.equals("and") ? rules.size() : op.equals("or") ? 1 : n;
        if (required < 1 || required > rules.size()) {
            throw error("OutOf(" + n + ", ...) needs between 1 and " + rules.size());
        }
        return new OutOf(required, rules);
    }

    private SignaturePolicy principal(char quote) {
        int start = ++pos;
        int end = text.indexOf(quote, start);
        if (end < 0) {
            throw error("unterminated principal");
        }
        Matcher m = PRINCIPAL.matcher(text.substring(start, end));
        if (!m.matches()) {
            pos = start;
            throw error("expected a principal 'MspId.role' with role one of " + ROLES);
        }
        pos = end + 1;
        return new SignedBy(m.group(1), m.group(2));
    }

    private void expect(char c) {
        skipSpace();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at position " + pos + " of \"" + text + "\"");
    }
}

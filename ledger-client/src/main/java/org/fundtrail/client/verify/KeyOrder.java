package org.fundtrail.client.verify;

import java.util.Comparator;

/**
 * Fabric's order of state keys: Go compares strings by their UTF-8 bytes, and a LevelDB or CouchDB peer
 * iterates state in that order. UTF-8 preserves code point order, so comparing code points gives the same
 * result. {@link String#compareTo} does not: it compares UTF-16 units, which puts every supplementary
 * character (U+10000 and up, a surrogate pair) before U+E000..U+FFFF.
 *
 * <pre>{@code TreeMap<String, Version> byKey = new TreeMap<>(KeyOrder.UTF8);}</pre>
 *
 * <p>The embedded node's {@code org.fundtrail.network.node.store.KeyOrder} states the same rule; this one is
 * written apart from it, as every Fabric rule in this package is (see the package documentation).
 */
final class KeyOrder {
    /** Orders keys by code point, which is the unsigned order of their UTF-8 bytes. */
    static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    /** @return negative, zero or positive as {@code left} sorts before, with or after {@code right} in Fabric */
    static int compare(String left, String right) {
        int i = 0;
        while (i < left.length() && i < right.length()) {
            int a = left.codePointAt(i);
            int b = right.codePointAt(i);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
        }
        return Integer.compare(left.length() - i, right.length() - i);
    }
}

package org.fundtrail.network.node.store;

import java.util.Comparator;

/**
 * Fabric's order of state keys: by their UTF-8 bytes, compared unsigned, as Go compares strings and as
 * {@link LedgerStore} (RocksDB's bytewise comparator over UTF-8) iterates them. UTF-8 preserves code point
 * order, so this compares code points. {@link String#compareTo} compares UTF-16 units instead and puts
 * supplementary characters (U+10000 and up, surrogate pairs 0xD800..0xDFFF) before U+E000..U+FFFF, so a key
 * such as {@code "n\uFF21"} would fall outside the partial-composite-key range {@code [n, n U+10FFFF)}.
 * Anything that sorts keys or filters them against range bounds outside the store must use this order.
 *
 * <pre>{@code
 * TreeMap<String, Version> byKey = new TreeMap<>(KeyOrder.UTF8);
 * boolean inside = KeyOrder.UTF8.compare(key, start) >= 0 && KeyOrder.UTF8.compare(key, end) < 0;
 * }</pre>
 *
 * <p>The ledger verifier ({@code org.fundtrail.client.verify}) writes the same rule again on purpose, as it
 * does every Fabric rule; see its package documentation.
 */
public final class KeyOrder {
    /** Orders keys by code point, which is the unsigned order of their UTF-8 bytes. */
    public static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    /**
     * @param left a key
     * @param right another key
     * @return negative, zero or positive as {@code left}'s UTF-8 bytes sort before, equal or after {@code right}'s
     */
    public static int compare(String left, String right) {
        int n = Math.min(left.length(), right.length());
        for (int i = 0; i < n; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                // Before the first difference both strings agree, so a surrogate here starts (or ends) the same
                // kind of pair in both; only where one unit is a surrogate and the other is U+E000..U+FFFF do
                // UTF-16 and code point order disagree: any surrogate stands for a code point above U+FFFF.
                if (Character.isSurrogate(a) != Character.isSurrogate(b)) {
                    return Character.isSurrogate(a) ? 1 : -1;
                }
                return Character.compare(a, b);
            }
        }
        return Integer.compare(left.length(), right.length());
    }
}

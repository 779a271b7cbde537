package org.fundtrail.client.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The verifier's {@link KeyOrder} is Fabric's: the unsigned order of the keys' UTF-8 bytes (the node's
 * own {@code KeyOrder}, written apart, has the randomised test).
 */
class KeyOrderTest {
    @Test
    void orders_as_utf8_bytes_where_java_string_order_differs() {
        assertThat("\uD83D\uDE00".compareTo("\uFF21")).isNegative(); // UTF-16 units: 0xD83D < 0xFF21
        assertThat(KeyOrder.compare("\uD83D\uDE00", "\uFF21")).isPositive(); // code points: U+1F600 > U+FF21
        assertThat(KeyOrder.compare("n\uFF21", "n\uDBFF\uDFFF")).isNegative(); // inside a composite-key range
        String[] keys = {"", "\u0000", "a", "ab", "a\uFF21", "a\uD83D\uDE00", "\u07ff", "\u0800", "\uE000", "\uFFFF",
            "\uD800\uDC00", "\uDBFF\uDFFF"};
        for (String left : keys) {
            for (String right : keys) {
                int bytes = Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8),
                        right.getBytes(StandardCharsets.UTF_8));
                assertThat(Integer.signum(KeyOrder.compare(left, right))).as("%s vs %s", left.codePoints().boxed()
                        .toList(), right.codePoints().boxed().toList()).isEqualTo(Integer.signum(bytes));
            }
        }
    }
}

package org.fundtrail.network.node.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link KeyOrder} agrees with comparing the keys' UTF-8 bytes unsigned, which is how RocksDB and Fabric order them. */
class KeyOrderTest {
    private static final List<String> SAMPLES = List.of("", "a", "ab", "\u0000", "\u0000obj\u0000", "\u007f", "\u0080",
            "\u07ff", "\u0800", "\uD7FF", "\uE000", "\uFF21", "\uFFFF", "\uD800\uDC00", "\uD83D\uDE00", "\uDBFF\uDFFF",
            "a\uD83D\uDE00", "a\uFF21", "a\uFF21b", "a\uD83D\uDE00b", "\uD83D\uDE00\uFF21", "\uD83D\uDE01");

    private static int bytewise(String left, String right) {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void orders_as_utf8_bytes_where_java_string_order_differs() {
        assertThat("\uD83D\uDE00".compareTo("\uFF21")).isNegative(); // UTF-16 units: 0xD83D < 0xFF21
        assertThat(KeyOrder.compare("\uD83D\uDE00", "\uFF21")).isPositive(); // code points: U+1F600 > U+FF21
        assertThat(KeyOrder.compare("n\uFF21", "n\uDBFF\uDFFF")).isNegative(); // inside a composite-key range
    }

    @Test
    void agrees_with_unsigned_utf8_bytes_on_boundary_samples() {
        for (String left : SAMPLES) {
            for (String right : SAMPLES) {
                assertThat(Integer.signum(KeyOrder.compare(left, right))).as("%s vs %s", escape(left), escape(right))
                        .isEqualTo(Integer.signum(bytewise(left, right)));
            }
        }
    }

    @Test
    void agrees_with_unsigned_utf8_bytes_on_random_keys() {
        Random random = new Random(42);
        int[] points = {0x00, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFF21, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder key = new StringBuilder();
            for (int n = random.nextInt(4); n >= 0; n--) {
                key.appendCodePoint(points[random.nextInt(points.length)]);
            }
            keys.add(key.toString());
        }
        for (int i = 0; i + 1 < keys.size(); i++) {
            String left = keys.get(i);
            String right = keys.get(i + 1);
            assertThat(Integer.signum(KeyOrder.compare(left, right))).as("%s vs %s", escape(left), escape(right))
                    .isEqualTo(Integer.signum(bytewise(left, right)));
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString().trim();
    }
}

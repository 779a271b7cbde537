package org.fundtrail.client.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.fundtrail.chaincode.domain.Money;

/**
 * Where a page ended: the last row's sort key and id, opaque to the caller (URL-safe base64). A
 * cursor only continues a list in the order it came from.
 *
 * @param order the list's order
 * @param currency for an amount order, the last row's currency, else null
 * @param key for an amount order the amount in minor units, for a date order the date, else null
 * @param id the last row's id
 */
record ListCursor(ListOrder order, String currency, String key, String id) {
    private static final String SEPARATOR = "\n";
    private static final int MAX_TEXT = 200;

    /** @return the cursor after {@code row} in a list in {@code order} */
    static ListCursor after(ListOrder order, RecordRow row) {
        return switch (order) {
            case ID -> new ListCursor(order, null, null, row.id());
            case AMOUNT, AMOUNT_DESCENDING -> {
                Money amount = ListOrder.amountOf(row.record());
                yield new ListCursor(order, amount.currency(), Long.toString(amount.minorUnits()), row.id());
            }
            case DATE, DATE_DESCENDING -> new ListCursor(order, null, ListOrder.dateOf(row.record()), row.id());
        };
    }

    String encode() {
        String text = order == ListOrder.ID ? "v1:" + id
                : "v2:" + String.join(SEPARATOR, order.name(), currency == null ? "" : currency, key, id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param cursor a cursor from {@link #encode()}
     * @param order the order of the list it is to continue
     * @return the cursor
     * @throws IllegalArgumentException naming {@code cursor} when it is not one, or from a list in another order
     */
    static ListCursor decode(String cursor, ListOrder order) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this API", e);
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this API");
        }
        if (text.startsWith("v1:")) {
            String id = text.substring(3);
            if (id.length() > 64 || id.contains(SEPARATOR)) {
                throw new IllegalArgumentException("cursor: not a cursor returned by this API");
            }
            same(order, ListOrder.ID);
            return new ListCursor(ListOrder.ID, null, null, id);
        }
        String[] parts = text.startsWith("v2:") ? text.substring(3).split(SEPARATOR, -1) : new String[0];
        if (parts.length != 4 || parts[3].isEmpty() || parts[3].length() > 64) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this API");
        }
        ListOrder from;
        try {
            from = ListOrder.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this API", e);
        }
        same(order, from);
        boolean amount = from.byAmount();
        if (from == ListOrder.ID || (amount && (!parts[1].matches("[A-Z]{3}") || !parts[2].matches("[0-9]{1,19}")))
                || (!amount && !parts[1].isEmpty())) {
            throw new IllegalArgumentException("cursor: not a cursor returned by this API");
        }
        return new ListCursor(from, amount ? parts[1] : null, parts[2], parts[3]);
    }

    private static void same(ListOrder wanted, ListOrder from) {
        if (wanted != from) {
            throw new IllegalArgumentException("cursor: it continues a list in " + from + " order, not " + wanted
                    + "; start again without it");
        }
    }
}

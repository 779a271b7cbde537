package org.fundtrail.client.readmodel;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, in key order, with the opaque cursor of the next page.
 *
 * <pre>{@code
 * String cursor = null;
 * do {
 *     Page<RecordRow> page = readModel.list(RecordType.EXPENDITURE, Filter.all(), cursor, 500);
 *     page.items().forEach(System.out::println);
 *     cursor = page.next().orElse(null);
 * } while (cursor != null);
 * }</pre>
 *
 * @param items the items of this page
 * @param nextCursor the cursor of the next page, or null when this is the last
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextCursor) {
    /** Copies the list. */
    public Page {
        items = List.copyOf(items);
    }

    /** @return the cursor of the next page, empty when this is the last */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}

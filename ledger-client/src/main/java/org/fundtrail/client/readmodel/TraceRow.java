package org.fundtrail.client.readmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * What a downward trace reads of one allocation: the fields of its {@code trace_text}, a stored
 * generated column of {@code allocations} (see the migration) that packs them in {@link #COLUMNS}
 * order, separated by char(31). The trace reads one such text per node, joined with char(30) by
 * {@code group_concat}, because sqlite-jdbc pays a JNI call per column read: reading the 14 columns
 * of a 100,000-node tree one by one costs more than the whole trace does this way (see
 * {@code docs/BENCHMARKS.md}). {@code QueryTest} checks that decoding the text gives what the columns
 * hold, so the generated column and this record cannot drift apart.
 *
 * @param id the allocation
 * @param holderOrgId its holder
 * @param parentAllocationId its parent, null for an appropriation
 * @param receivedMinor {@code received_minor}
 * @param transferredMinor {@code transferred_minor}
 * @param spentMinor {@code spent_minor}
 * @param returnedInMinor {@code returned_in_minor}
 * @param returnedOutMinor {@code returned_out_minor}
 * @param reversedMinor {@code reversed_minor}
 * @param availableMinor {@code available_minor}
 * @param expenditureCount {@code expenditure_count}
 * @param outcomeCount {@code outcome_count}
 * @param childCount {@code child_count}
 * @param depth {@code depth}: levels below its appropriation
 */
record TraceRow(String id, String holderOrgId, String parentAllocationId, long receivedMinor, long transferredMinor,
                long spentMinor, long returnedInMinor, long returnedOutMinor, long reversedMinor, long availableMinor,
                int expenditureCount, int outcomeCount, int childCount, int depth) {
    /** The columns {@code trace_text} packs, in order (an empty parent stands for NULL). */
    static final List<String> COLUMNS = List.of("id", "holder_org_id", "parent_allocation_id", "received_minor",
            "transferred_minor", "spent_minor", "returned_in_minor", "returned_out_minor", "reversed_minor",
            "available_minor", "expenditure_count", "outcome_count", "child_count", "depth");

    private static final char UNIT = '\u001f';
    private static final char RECORD = '\u001e';

    /**
     * @param packed {@code trace_text} values joined by char(30), or null for none
     * @return the rows, in the text's order
     * @throws IllegalArgumentException when the text is not packed rows
     */
    static List<TraceRow> decodeAll(String packed) {
        List<TraceRow> rows = new ArrayList<>();
        if (packed == null) {
            return rows;
        }
        Fields f = new Fields(packed);
        while (f.hasMore()) {
            String id = f.text();
            String holder = f.text();
            String parent = f.text();
            rows.add(new TraceRow(id, holder, parent.isEmpty() ? null : parent, f.number(), f.number(), f.number(),
                    f.number(), f.number(), f.number(), f.number(), (int) f.number(), (int) f.number(),
                    (int) f.number(), (int) f.number()));
        }
        return rows;
    }

    /** Reads packed fields one after another; each ends at a unit or record separator. */
    private static final class Fields {
        private final String packed;
        private int at;

        Fields(String packed) {
            this.packed = packed;
        }

        boolean hasMore() {
            return at < packed.length();
        }

        String text() {
            int end = at;
            int length = packed.length();
            while (end < length && packed.charAt(end) != UNIT && packed.charAt(end) != RECORD) {
                end++;
            }
            String value = packed.substring(at, end);
            at = end + 1;
            return value;
        }

        long number() {
            String text = text();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("trace_text: '" + text + "' where a number belongs", e);
            }
        }
    }
}

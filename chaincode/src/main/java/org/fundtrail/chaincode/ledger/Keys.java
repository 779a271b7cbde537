package org.fundtrail.chaincode.ledger;

import org.fundtrail.chaincode.domain.RecordType;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * The key layout of the world state. Every key is a Fabric composite key whose object type starts
 * with {@code ft.}:
 * <ul>
 *   <li>{@code ft.<type>/<id>} — a record, e.g. {@code ft.transfer/T-1}; {@code ft.balance/<allocationId>}
 *   <li>{@code ft.id/<id>} — which type holds an id (ids are unique across the ledger)
 *   <li>{@code ft.ministry} — the id of the finance ministry
 *   <li>{@code ft.child/<parent>/<child>}, {@code ft.spending/<allocation>/<expenditure>},
 *       {@code ft.outcome/<allocation>/<outcome>}, {@code ft.return/<allocation>/<return>} — indexes
 *   <li>{@code ft.reversedby/<original>} — the reversal of a record
 * </ul>
 */
public final class Keys {
    static final String ID = "ft.id";
    static final String MINISTRY = "ft.ministry";
    static final String CHILD = "ft.child";
    static final String SPENDING = "ft.spending";
    static final String OUTCOME = "ft.outcome";
    static final String RETURN = "ft.return";
    static final String REVERSED_BY = "ft.reversedby";

    private Keys() {
    }

    /**
     * @param type a record type
     * @param id the record id (the allocation id for a balance)
     * @return the record's key
     */
    public static String record(RecordType type, String id) {
        return key(objectType(type), id);
    }

    /**
     * @param type a record type
     * @return the object type of its keys, e.g. {@code ft.transfer}
     */
    public static String objectType(RecordType type) {
        return "ft." + type.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String key(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes).toString();
    }

    static CompositeKey partial(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }
}

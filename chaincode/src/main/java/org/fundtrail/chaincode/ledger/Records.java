package org.fundtrail.chaincode.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.hyperledger.fabric.shim.ledger.CompositeKey;

/**
 * Typed access to the records in a {@link WorldState}: reads that refuse with NOT_FOUND naming the
 * field, and writes that keep the id index and the list of what this transaction wrote.
 */
public final class Records {
    private static final int PAGE = 1000;

    private final WorldState state;
    private final List<LedgerRecord> written = new ArrayList<>();

    /** @param state the transaction's view of the world state */
    public Records(WorldState state) {
        this.state = state;
    }

    /**
     * @param id any record id
     * @return the type of the record holding the id, if any
     */
    public Optional<RecordType> typeOf(String id) {
        byte[] type = state.get(Keys.key(Keys.ID, id));
        return type == null ? Optional.empty() : Optional.of(RecordType.valueOf(new String(type,
                StandardCharsets.UTF_8)));
    }

    /**
     * Reads a record by type and id.
     *
     * @param type the record type
     * @param id the id
     * @param recordClass the record's class
     * @param <T> the record's class
     * @return the record, if present
     */
    public <T extends LedgerRecord> Optional<T> find(RecordType type, String id, Class<T> recordClass) {
        byte[] bytes = state.get(Keys.record(type, id));
        return bytes == null ? Optional.empty() : Optional.of(CanonicalJson.read(bytes, recordClass));
    }

    /**
     * Reads a record that must exist.
     *
     * @throws Refusal NOT_FOUND naming {@code field}
     */
    public <T extends LedgerRecord> T require(String field, RecordType type, String id, Class<T> recordClass) {
        return find(type, id, recordClass).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND, field,
                "no " + type.name().toLowerCase(java.util.Locale.ROOT) + " with id '" + id + "'"));
    }

    /** Reads an organisation that must exist. */
    public Organization organization(String field, String id) {
        return require(field, RecordType.ORGANIZATION, id, Organization.class);
    }

    /** Reads an allocation that must exist. */
    public Allocation allocation(String field, String id) {
        return require(field, RecordType.ALLOCATION, id, Allocation.class);
    }

    /** Reads the balance of an existing allocation. */
    public Balance balance(String allocationId) {
        return require("allocationId", RecordType.BALANCE, allocationId, Balance.class);
    }

    /** @return the finance ministry's id, once one is registered */
    public Optional<String> ministryId() {
        byte[] id = state.get(Keys.key(Keys.MINISTRY));
        return id == null ? Optional.empty() : Optional.of(new String(id, StandardCharsets.UTF_8));
    }

    /**
     * Refuses an id already used by any record.
     *
     * @throws Refusal ALREADY_EXISTS naming {@code field}
     */
    public void requireUnused(String field, String id) {
        Optional<RecordType> existing = typeOf(id);
        if (existing.isPresent()) {
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, field, "'" + id + "' is already used by a "
                    + existing.get().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Writes a new record and indexes its id (balances are not indexed: they share the allocation's id). */
    public void create(LedgerRecord record) {
        if (record.type() != RecordType.BALANCE) {
            state.put(Keys.key(Keys.ID, record.id()), record.type().name().getBytes(StandardCharsets.UTF_8));
        }
        write(record);
    }

    /** Writes a balance (the one record rewritten in place). */
    public void update(Balance balance) {
        write(balance);
    }

    private void write(LedgerRecord record) {
        state.put(Keys.record(record.type(), record.id()), CanonicalJson.bytes(record));
        written.add(record);
    }

    void markMinistry(String id) {
        state.put(Keys.key(Keys.MINISTRY), id.getBytes(StandardCharsets.UTF_8));
    }

    void link(String index, String from, String to) {
        state.put(Keys.key(index, from, to), to.getBytes(StandardCharsets.UTF_8));
    }

    void markReversed(String originalId, String reversalId) {
        state.put(Keys.key(Keys.REVERSED_BY, originalId), reversalId.getBytes(StandardCharsets.UTF_8));
    }

    Optional<String> reversalOf(String originalId) {
        byte[] id = state.get(Keys.key(Keys.REVERSED_BY, originalId));
        return id == null ? Optional.empty() : Optional.of(new String(id, StandardCharsets.UTF_8));
    }

    /** Lists every id linked from {@code from} in an index, in id order. */
    List<String> linked(String index, String from) {
        List<String> ids = new ArrayList<>();
        String bookmark = "";
        do {
            WorldState.Page page = linkedPage(index, from, PAGE, bookmark);
            ids.addAll(page.keys());
            bookmark = page.bookmark();
        } while (!bookmark.isEmpty());
        return ids;
    }

    /** Lists one page of ids linked from {@code from} in an index. */
    WorldState.Page linkedPage(String index, String from, int limit, String bookmark) {
        WorldState.Page page = state.keysUnder(Keys.partial(index, from), limit, bookmark);
        List<String> ids = new ArrayList<>();
        for (String key : page.keys()) {
            List<String> attributes = CompositeKey.parseCompositeKey(key).getAttributes();
            ids.add(attributes.get(attributes.size() - 1));
        }
        return new WorldState.Page(ids, page.bookmark());
    }

    /** @return the records this transaction wrote, in order */
    public List<LedgerRecord> written() {
        return List.copyOf(written);
    }
}

package org.fundtrail.client.readmodel;

import java.io.IOException;
import java.util.Optional;
import org.fundtrail.chaincode.domain.RecordType;

/**
 * Reads records from ledger state (the trusted side of a reconciliation), e.g. through the Gateway
 * client's evaluate calls or, in tests, from a world state.
 *
 * <pre>{@code
 * LedgerReader ledger = (type, id) -> Optional.ofNullable(state.get(Keys.record(type, id)))
 *         .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
 * }</pre>
 */
@FunctionalInterface
public interface LedgerReader {
    /**
     * @param type the record type; BALANCE reads an allocation's balance
     * @param id the record id (the allocation id for a balance)
     * @return the canonical JSON the ledger holds for it, empty when it holds none
     * @throws IOException when the ledger cannot be reached
     */
    Optional<String> recordJson(RecordType type, String id) throws IOException;
}

package org.fundtrail.chaincode.contract;

import java.util.ArrayList;
import java.util.List;
import org.fundtrail.chaincode.ledger.WorldState;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/** The {@link WorldState} of one Fabric transaction, over its {@link ChaincodeStub}. */
final class StubWorldState implements WorldState {
    private final ChaincodeStub stub;

    StubWorldState(ChaincodeStub stub) {
        this.stub = stub;
    }

    @Override
    public byte[] get(String key) {
        byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? null : value;
    }

    @Override
    public void put(String key, byte[] value) {
        stub.putState(key, value);
    }

    @Override
    public Page keysUnder(CompositeKey partial, int limit, String bookmark) {
        List<String> keys = new ArrayList<>();
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                     stub.getStateByPartialCompositeKeyWithPagination(partial, limit, bookmark)) {
            for (KeyValue kv : results) {
                keys.add(kv.getKey());
            }
            String next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
            boolean more = results.getMetadata() != null && results.getMetadata().getFetchedRecordsCount() == limit;
            return new Page(keys, more && next != null ? next : "");
        } catch (Exception e) {
            throw new IllegalStateException("range query failed", e);
        }
    }
}

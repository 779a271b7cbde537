package org.fundtrail.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.CanonicalJson;
import org.fundtrail.chaincode.domain.LedgerRecord;

/**
 * Decides whether the record the ledger holds under a request's id is that very submission, already
 * committed: the same record type and, field by field, the same values the request gave (decimals
 * compared by value, an absent optional field equal only to an absent one). Anything else is another
 * record that merely uses the id.
 */
final class SameSubmission {
    /** Fields holding decimals that the chaincode may canonicalise ({@code "1000"} is stored {@code "1000.00"}). */
    private static final Set<String> DECIMALS = Set.of("amount", "baseline", "target", "actual");
    private static final ObjectMapper REQUESTS = new ObjectMapper();

    private SameSubmission() {
    }

    /**
     * @param request what was submitted
     * @param existing the record the ledger holds under {@code request.id()}
     * @return whether {@code existing} is what {@code request} writes
     */
    static boolean matches(SubmitRequest request, LedgerRecord existing) {
        if (existing.type() != request.recordType() || !existing.id().equals(request.id())) {
            return false;
        }
        if (request instanceof AppropriationRequest && existing instanceof Allocation a
                && a.parentAllocationId() != null) {
            return false;
        }
        JsonNode stored = CanonicalJson.mapper().valueToTree(existing);
        Set<String> storedFields = componentNames(existing.getClass());
        for (RecordComponent component : request.getClass().getRecordComponents()) {
            if (!storedFields.contains(component.getName())) {
                continue;
            }
            JsonNode submitted = REQUESTS.valueToTree(value(component, request));
            if (!same(component.getName(), submitted, stored.get(component.getName()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String name, JsonNode submitted, JsonNode stored) {
        boolean submittedAbsent = submitted == null || submitted.isNull();
        boolean storedAbsent = stored == null || stored.isNull();
        if (submittedAbsent || storedAbsent) {
            return submittedAbsent && storedAbsent;
        }
        if (submitted.isObject() && stored.isObject()) {
            Set<String> names = new TreeSet<>();
            submitted.fieldNames().forEachRemaining(names::add);
            stored.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                if (!same(field, submitted.get(field), stored.get(field))) {
                    return false;
                }
            }
            return true;
        }
        if (submitted.isArray() && stored.isArray()) {
            if (submitted.size() != stored.size()) {
                return false;
            }
            Iterator<JsonNode> a = submitted.elements();
            Iterator<JsonNode> b = stored.elements();
            while (a.hasNext()) {
                if (!same(name, a.next(), b.next())) {
                    return false;
                }
            }
            return true;
        }
        if (submitted.isContainerNode() || stored.isContainerNode()) {
            return false;
        }
        if (DECIMALS.contains(name)) {
            try {
                return new BigDecimal(submitted.asText()).compareTo(new BigDecimal(stored.asText())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return submitted.asText().equals(stored.asText());
    }

    private static Set<String> componentNames(Class<?> recordClass) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(recordClass.getRecordComponents()).forEach(c -> names.add(c.getName()));
        return names;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }
}

package org.fundtrail.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.client.readmodel.RecordRow;

/**
 * The record collections of the API, one per record type: their path, the filters that apply to
 * them, their CSV columns, and how one record is shown (the ledger's own JSON plus its ledger
 * reference and links to where its money came from and went).
 */
enum Resource {
    ORGANISATIONS("organisations", RecordType.ORGANIZATION, Organization.class,
            List.of("org", "includeDescendants", "tier", "q"),
            List.of(col("id"), col("name"), col("tier"), col("parentId"), col("mspId"), col("orgIdentifier"))),
    ALLOCATIONS("allocations", RecordType.ALLOCATION, Allocation.class,
            List.of("fiscalYear", "org", "includeDescendants", "cofog", "minAmount", "maxAmount", "currency", "from", "to",
                    "q", "parent"),
            List.of(col("id"), col("holderOrgId"), col("parentAllocationId"), col("transferId"), col("fiscalYear"),
                    col("currency"), col("amount"), col("cofog", "/classification/cofog"),
                    col("programme", "/classification/programme"), col("economic", "/classification/economic"),
                    col("purpose"), col("legalReference"), col("received", "/balance/received"),
                    col("transferred", "/balance/transferred"), col("spent", "/balance/spent"),
                    col("returnedIn", "/balance/returnedIn"), col("returnedOut", "/balance/returnedOut"),
                    col("reversed", "/balance/reversed"), col("available", "/balance/available"))),
    TRANSFERS("transfers", RecordType.TRANSFER, Transfer.class, money("allocation"),
            List.of(col("id"), col("fromAllocationId"), col("toOrgId"), col("toAllocationId"), col("amount"),
                    col("currency"), col("purpose"), col("reference"), col("reversedBy"))),
    EXPENDITURES("expenditures", RecordType.EXPENDITURE, Expenditure.class, money("allocation"),
            List.of(col("id"), col("allocationId"), col("amount"), col("currency"), col("payeeName", "/payee/name"),
                    col("payeeIdentifier", "/payee/identifier"), col("category"), col("date"),
                    col("evidenceSha256", "/evidence/sha256"), col("evidenceUri", "/evidence/uri"), col("reversedBy"))),
    OUTCOMES("outcomes", RecordType.OUTCOME, Outcome.class,
            List.of("fiscalYear", "org", "includeDescendants", "cofog", "from", "to", "q", "allocation"),
            List.of(col("id"), col("allocationIds"), col("indicator"), col("unit"), col("baseline"), col("target"),
                    col("actual"), col("period"), col("evidenceSha256", "/evidence/sha256"),
                    col("evidenceUri", "/evidence/uri"))),
    RETURNS("returns", RecordType.RETURN, FundsReturn.class, money("allocation"),
            List.of(col("id"), col("allocationId"), col("toAllocationId"), col("amount"), col("currency"),
                    col("reasonCode"), col("reason"))),
    REVERSALS("reversals", RecordType.REVERSAL, Reversal.class, money("allocation"),
            List.of(col("id"), col("originalId"), col("originalType"), col("allocationId"), col("amount"),
                    col("currency"), col("reasonCode"), col("reason")));

    /** A CSV column: its header and where its value is in the record's JSON. */
    record Column(String header, String pointer) {
    }

    static final String BASE = "/api/v1";

    final String path;
    final RecordType type;
    final Class<? extends LedgerRecord> recordClass;
    final List<String> filters;
    final List<Column> columns;

    Resource(String path, RecordType type, Class<? extends LedgerRecord> recordClass, List<String> filters,
             List<Column> columns) {
        this.path = path;
        this.type = type;
        this.recordClass = recordClass;
        this.filters = filters;
        this.columns = new java.util.ArrayList<>(columns);
        this.columns.addAll(List.of(col("txId", "/ledger/txId"), col("blockNumber", "/ledger/blockNumber"),
                col("recordedAt")));
    }

    private static List<String> money(String allocationFilter) {
        return List.of("fiscalYear", "org", "includeDescendants", "cofog", "minAmount", "maxAmount", "currency", "from",
                "to", "q", allocationFilter);
    }

    private static Column col(String name) {
        return new Column(name, "/" + name);
    }

    private static Column col(String name, String pointer) {
        return new Column(name, pointer);
    }

    /** @return the schema name of one record in the document */
    String schemaName() {
        return recordClass.getSimpleName();
    }

    static Resource of(RecordType type) {
        for (Resource r : values()) {
            if (r.type == type) {
                return r;
            }
        }
        throw new IllegalArgumentException("no resource for " + type);
    }

    /** @return the API path of a record of this collection */
    String link(String id) {
        return BASE + "/" + path + "/" + id;
    }

    /**
     * @param row a record of the read model
     * @return the record as the API shows it
     */
    static ObjectNode view(RecordRow row) {
        ObjectNode node = Json.canonical(row.record());
        if (row.type() == RecordType.TRANSFER || row.type() == RecordType.EXPENDITURE) {
            // null unless a reversal undid it: its amount then no longer counts as moved or spent
            node.put("reversedBy", row.reversedBy());
        }
        node.set("ledger", Json.ref(row.ref()));
        if (row.balance() != null) {
            ObjectNode balance = Json.canonical(row.balance());
            balance.remove("type");
            balance.remove("allocationId");
            if (row.balanceRef() != null) {
                balance.set("ledger", Json.ref(row.balanceRef()));
            }
            node.set("balance", balance);
        }
        node.set("links", links(row));
        return node;
    }

    private static ObjectNode links(RecordRow row) {
        ObjectNode links = Json.object();
        String id = row.id();
        Resource self = of(row.type());
        links.put("self", self.link(id));
        LedgerRecord record = row.record();
        if (record instanceof Organization o) {
            if (o.parentId() != null) {
                links.put("parent", ORGANISATIONS.link(o.parentId()));
            }
            links.put("children", BASE + "/organisations?org=" + id + "&includeDescendants=true");
            links.put("allocations", BASE + "/allocations?org=" + id);
        } else if (record instanceof Allocation a) {
            links.put("holder", ORGANISATIONS.link(a.holderOrgId()));
            if (a.parentAllocationId() != null) {
                links.put("parent", ALLOCATIONS.link(a.parentAllocationId()));
                links.put("transfer", TRANSFERS.link(a.transferId()));
            }
            links.put("children", BASE + "/allocations?parent=" + id);
            links.put("transfers", BASE + "/transfers?allocation=" + id);
            links.put("expenditures", BASE + "/expenditures?allocation=" + id);
            links.put("outcomes", BASE + "/outcomes?allocation=" + id);
            links.put("returns", BASE + "/returns?allocation=" + id);
            links.put("traceDown", BASE + "/trace/" + id + "?direction=down");
        } else if (record instanceof Transfer t) {
            links.put("parent", ALLOCATIONS.link(t.fromAllocationId()));
            links.put("children", ALLOCATIONS.link(t.toAllocationId()));
            links.put("recipient", ORGANISATIONS.link(t.toOrgId()));
        } else if (record instanceof Expenditure e) {
            links.put("parent", ALLOCATIONS.link(e.allocationId()));
        } else if (record instanceof Outcome o) {
            ArrayNode parents = links.putArray("parents");
            o.allocationIds().forEach(a -> parents.add(ALLOCATIONS.link(a)));
        } else if (record instanceof FundsReturn r) {
            links.put("parent", ALLOCATIONS.link(r.allocationId()));
            links.put("to", ALLOCATIONS.link(r.toAllocationId()));
        } else if (record instanceof Reversal r) {
            links.put("parent", ALLOCATIONS.link(r.allocationId()));
            links.put("original", of(r.originalType()).link(r.originalId()));
        }
        if (row.reversedBy() != null) {
            links.put("reversal", REVERSALS.link(row.reversedBy()));
        }
        if (row.type() != RecordType.ORGANIZATION) {
            links.put("traceUp", BASE + "/trace/" + id + "?direction=up");
        }
        links.put("history", BASE + "/records/" + id + "/history");
        links.put("transaction", BASE + "/transactions/" + row.ref().txId());
        links.put("block", BASE + "/blocks/" + row.ref().blockNumber());
        return links;
    }
}

package org.fundtrail.chaincode.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fundtrail.chaincode.domain.Allocation;
import org.fundtrail.chaincode.domain.Balance;
import org.fundtrail.chaincode.domain.Classification;
import org.fundtrail.chaincode.domain.ErrorCode;
import org.fundtrail.chaincode.domain.Expenditure;
import org.fundtrail.chaincode.domain.FiscalYear;
import org.fundtrail.chaincode.domain.FundsReturn;
import org.fundtrail.chaincode.domain.JsonInput;
import org.fundtrail.chaincode.domain.LedgerRecord;
import org.fundtrail.chaincode.domain.Money;
import org.fundtrail.chaincode.domain.Organization;
import org.fundtrail.chaincode.domain.Outcome;
import org.fundtrail.chaincode.domain.Payee;
import org.fundtrail.chaincode.domain.ReasonCode;
import org.fundtrail.chaincode.domain.RecordType;
import org.fundtrail.chaincode.domain.Refusal;
import org.fundtrail.chaincode.domain.Reversal;
import org.fundtrail.chaincode.domain.Tier;
import org.fundtrail.chaincode.domain.Transfer;
import org.fundtrail.chaincode.domain.TxStamp;

/**
 * Applies one submitted transaction to the world state: parse the request, prove the caller's
 * authority, check the rules of money movement, write. Every check happens before the first write,
 * so a refusal leaves the state untouched.
 *
 * <p>The rules: <b>conservation</b> (an allocation's available balance never goes below zero),
 * <b>flow</b> (MINISTRY → DEPARTMENT → AGENCY, up only by a return), <b>authority</b> (only the
 * holder moves or spends; only the ministry registers and appropriates; an organisation is acted for
 * only from its own MSP), <b>append-only</b> (records are created, never rewritten, except balances),
 * <b>one currency per tree</b> with exact, positive, bounded amounts.
 *
 * <pre>{@code
 * Treasury treasury = new Treasury(state, TxStamp.of(txId, timestamp));
 * List<LedgerRecord> written = treasury.transfer(caller, "{\"id\":\"T-1\", ...}");
 * }</pre>
 */
public final class Treasury {
    private static final int NAME = 200;
    private static final int TEXT = 1000;

    private final Records records;
    private final TxStamp stamp;

    /**
     * @param state the transaction's view of the world state
     * @param stamp the transaction's id and timestamp
     */
    public Treasury(WorldState state, TxStamp stamp) {
        this.records = new Records(Objects.requireNonNull(state, "state"));
        this.stamp = Objects.requireNonNull(stamp, "stamp");
    }

    /**
     * Registers an organisation. The first registration must be the finance ministry itself,
     * submitted by an admin of the ministry's own MSP whose {@code fundtrail.org} is the new id;
     * after that only the ministry registers.
     *
     * <p>Request: {@code {id, name, tier, parentId?, mspId, orgIdentifier?}}.
     *
     * @return the organisation written
     */
    public List<LedgerRecord> registerOrganization(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "name", "tier", "parentId", "mspId", "orgIdentifier");
        String id = in.id("id");
        String name = in.text("name", NAME);
        Tier tier = in.choice("tier", Tier.class);
        String parentId = in.optionalId("parentId");
        String mspId = in.text("mspId", 64);
        String orgIdentifier = in.optionalText("orgIdentifier", 100);
        if (!mspId.matches("[A-Za-z0-9.-]{1,64}")) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "mspId", "'" + mspId + "' is not a valid MSP ID");
        }
        if (records.ministryId().isEmpty()) {
            requireBootstrap(caller, id, tier, mspId);
        } else {
            Organization ministry = actingOrg(caller);
            requireRole(caller, Caller.ADMIN, Caller.OFFICER);
            if (ministry.tier() != Tier.MINISTRY) {
                throw Refusal.of(ErrorCode.FORBIDDEN, "fundtrail.org", "only the finance ministry registers "
                        + "organisations, not '" + ministry.id() + "'");
            }
            if (tier == Tier.MINISTRY) {
                throw Refusal.of(ErrorCode.ALREADY_EXISTS, "tier", "a finance ministry ('" + ministry.id()
                        + "') is already registered");
            }
        }
        records.requireUnused("id", id);
        Tier parentTier = null;
        if (parentId != null) {
            parentTier = records.organization("parentId", parentId).tier();
        }
        if (!tier.acceptsParent(parentTier)) {
            throw Refusal.of(ErrorCode.FLOW_NOT_ALLOWED, "parentId", "an organisation of tier " + tier
                    + (parentTier == null ? " needs a parent" : " cannot have a parent of tier " + parentTier));
        }
        Organization org = new Organization(id, name, tier, parentId, mspId, orgIdentifier, stamp.txId(),
                stamp.recordedAt());
        records.create(org);
        if (tier == Tier.MINISTRY) {
            records.markMinistry(id);
        }
        return records.written();
    }

    private void requireBootstrap(Caller caller, String id, Tier tier, String mspId) {
        if (tier != Tier.MINISTRY) {
            throw Refusal.of(ErrorCode.FLOW_NOT_ALLOWED, "tier", "the first organisation registered must be the "
                    + "finance ministry (tier MINISTRY), not " + tier);
        }
        if (!id.equals(caller.orgId())) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "fundtrail.org", "the ministry '" + id
                    + "' must be registered by one of its own admins, not by '" + caller.orgId() + "'");
        }
        if (!mspId.equals(caller.mspId())) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "mspId", "the ministry's MSP '" + mspId
                    + "' differs from the caller's MSP '" + caller.mspId() + "'");
        }
        requireRole(caller, Caller.ADMIN);
    }

    /**
     * Appropriates money to the finance ministry: the root of an allocation tree.
     *
     * <p>Request: {@code {id, fiscalYear, amount, currency, classification: {cofog, programme,
     * economic?}, purpose, legalReference?}}.
     *
     * @return the allocation and its opening balance
     */
    public List<LedgerRecord> appropriate(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "fiscalYear", "amount", "currency", "classification", "purpose",
                "legalReference");
        String id = in.id("id");
        int fiscalYear = in.integer("fiscalYear", 2000, 2100);
        String currency = in.currency("currency");
        Money amount = in.amount("amount", currency);
        JsonInput classification = in.object("classification", "cofog", "programme", "economic");
        Classification cls = new Classification(classification.cofog("cofog"),
                classification.text("programme", 64), classification.optionalText("economic", 64));
        String purpose = in.text("purpose", TEXT);
        String legalReference = in.optionalText("legalReference", NAME);

        Organization org = actingOrg(caller);
        requireRole(caller, Caller.OFFICER);
        if (org.tier() != Tier.MINISTRY) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "fundtrail.org", "only the finance ministry appropriates, not '"
                    + org.id() + "' (" + org.tier() + ")");
        }
        records.requireUnused("id", id);
        Allocation allocation = new Allocation(id, org.id(), null, null, fiscalYear, currency, amount.toDecimal(),
                cls, purpose, legalReference, stamp.txId(), stamp.recordedAt());
        records.create(allocation);
        records.create(Balance.opening(allocation));
        return records.written();
    }

    /**
     * Transfers money from an allocation the caller holds to a new child allocation held by an
     * organisation of the next tier down.
     *
     * <p>Request: {@code {id, fromAllocationId, toOrgId, toAllocationId, amount, currency, purpose,
     * reference?}}.
     *
     * @return the transfer, the source's balance, the child allocation and its opening balance
     */
    public List<LedgerRecord> transfer(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "fromAllocationId", "toOrgId", "toAllocationId", "amount",
                "currency", "purpose", "reference");
        String id = in.id("id");
        String fromId = in.id("fromAllocationId");
        String toOrgId = in.id("toOrgId");
        String toAllocationId = in.id("toAllocationId");
        String currency = in.currency("currency");
        Money amount = in.amount("amount", currency);
        String purpose = in.text("purpose", TEXT);
        String reference = in.optionalText("reference", NAME);
        if (id.equals(toAllocationId)) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "toAllocationId", "must differ from the transfer id '"
                    + id + "'");
        }

        Organization holder = actingOrg(caller);
        requireRole(caller, Caller.OFFICER);
        Allocation from = records.allocation("fromAllocationId", fromId);
        requireHolder(holder, from, "fromAllocationId");
        Organization to = records.organization("toOrgId", toOrgId);
        if (!holder.tier().mayTransferTo(to.tier())) {
            throw Refusal.of(ErrorCode.FLOW_NOT_ALLOWED, "toOrgId", "money flows MINISTRY → DEPARTMENT → AGENCY; "
                    + holder.tier() + " '" + holder.id() + "' cannot transfer to " + to.tier() + " '" + to.id() + "'");
        }
        requireCurrency(from, amount);
        records.requireUnused("id", id);
        records.requireUnused("toAllocationId", toAllocationId);
        Balance source = records.balance(fromId);
        requireFunds(source, amount);

        Transfer transfer = new Transfer(id, fromId, toOrgId, toAllocationId, amount.toDecimal(), currency, purpose,
                reference, stamp.txId(), stamp.recordedAt());
        Allocation child = new Allocation(toAllocationId, toOrgId, fromId, id, from.fiscalYear(), currency,
                amount.toDecimal(), from.classification(), purpose, from.legalReference(), stamp.txId(),
                stamp.recordedAt());
        Balance sourceAfter = source.withTransferOut(amount.minorUnits(), stamp);
        records.create(transfer);
        records.update(sourceAfter);
        records.create(child);
        records.create(Balance.opening(child));
        records.link(Keys.CHILD, fromId, toAllocationId);
        return records.written();
    }

    /**
     * Records money spent from an allocation the caller holds (departments and agencies only).
     *
     * <p>Request: {@code {id, allocationId, amount, currency, payee: {name, identifier?}, category,
     * date, evidence: {sha256, uri}}}. The date must fall within the allocation's fiscal year
     * ({@link FiscalYear}).
     *
     * @return the expenditure and the allocation's balance
     */
    public List<LedgerRecord> recordExpenditure(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "allocationId", "amount", "currency", "payee", "category", "date",
                "evidence");
        String id = in.id("id");
        String allocationId = in.id("allocationId");
        String currency = in.currency("currency");
        Money amount = in.amount("amount", currency);
        JsonInput payee = in.object("payee", "name", "identifier");
        Payee who = new Payee(payee.text("name", NAME), payee.optionalText("identifier", 100));
        String category = in.text("category", 64);
        String date = in.date("date");
        var evidence = in.evidence("evidence");

        Organization holder = actingOrg(caller);
        requireRole(caller, Caller.OFFICER);
        Allocation allocation = records.allocation("allocationId", allocationId);
        requireHolder(holder, allocation, "allocationId");
        if (!holder.tier().maySpend()) {
            throw Refusal.of(ErrorCode.FLOW_NOT_ALLOWED, "allocationId", "a " + holder.tier()
                    + " transfers money on; only departments and agencies record expenditure");
        }
        requireCurrency(allocation, amount);
        FiscalYear.requireWithin("date", date, allocation.fiscalYear());
        records.requireUnused("id", id);
        Balance balance = records.balance(allocationId);
        requireFunds(balance, amount);

        Expenditure expenditure = new Expenditure(id, allocationId, amount.toDecimal(), currency, who, category, date,
                evidence, stamp.txId(), stamp.recordedAt());
        Balance after = balance.withSpending(amount.minorUnits(), stamp);
        records.create(expenditure);
        records.update(after);
        records.link(Keys.SPENDING, allocationId, id);
        return records.written();
    }

    /**
     * Records an outcome against allocations the caller holds.
     *
     * <p>Request: {@code {id, allocationIds: [..], indicator, unit, baseline, target, actual, period,
     * evidence: {sha256, uri}}}.
     *
     * @return the outcome
     */
    public List<LedgerRecord> recordOutcome(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "allocationIds", "indicator", "unit", "baseline", "target",
                "actual", "period", "evidence");
        String id = in.id("id");
        List<String> allocationIds = in.ids("allocationIds", 1, 50);
        String indicator = in.text("indicator", NAME);
        String unit = in.text("unit", 64);
        String baseline = in.measure("baseline");
        String target = in.measure("target");
        String actual = in.measure("actual");
        String period = in.period("period");
        var evidence = in.evidence("evidence");

        Organization holder = actingOrg(caller);
        requireRole(caller, Caller.OFFICER);
        for (int i = 0; i < allocationIds.size(); i++) {
            Allocation allocation = records.allocation("allocationIds[" + i + "]", allocationIds.get(i));
            requireHolder(holder, allocation, "allocationIds[" + i + "]");
        }
        records.requireUnused("id", id);
        Outcome outcome = new Outcome(id, allocationIds, indicator, unit, baseline, target, actual, period, evidence,
                stamp.txId(), stamp.recordedAt());
        records.create(outcome);
        for (String allocationId : allocationIds) {
            records.link(Keys.OUTCOME, allocationId, id);
        }
        return records.written();
    }

    /**
     * Returns unspent money from an allocation the caller holds to its parent allocation.
     *
     * <p>Request: {@code {id, allocationId, amount, currency, reasonCode, reason}}.
     *
     * @return the return and both balances
     */
    public List<LedgerRecord> returnFunds(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "allocationId", "amount", "currency", "reasonCode", "reason");
        String id = in.id("id");
        String allocationId = in.id("allocationId");
        String currency = in.currency("currency");
        Money amount = in.amount("amount", currency);
        ReasonCode reasonCode = in.choice("reasonCode", ReasonCode.class);
        String reason = in.text("reason", TEXT);

        Organization holder = actingOrg(caller);
        requireRole(caller, Caller.OFFICER);
        Allocation allocation = records.allocation("allocationId", allocationId);
        requireHolder(holder, allocation, "allocationId");
        if (allocation.isAppropriation()) {
            throw Refusal.of(ErrorCode.FLOW_NOT_ALLOWED, "allocationId", "'" + allocationId
                    + "' is an appropriation; there is no parent allocation to return money to");
        }
        requireCurrency(allocation, amount);
        records.requireUnused("id", id);
        Balance balance = records.balance(allocationId);
        requireFunds(balance, amount);
        Balance parent = records.balance(allocation.parentAllocationId());

        FundsReturn back = new FundsReturn(id, allocationId, allocation.parentAllocationId(), amount.toDecimal(),
                currency, reasonCode, reason, stamp.txId(), stamp.recordedAt());
        Balance after = balance.withReturnOut(amount.minorUnits(), stamp);
        Balance parentAfter = parent.withReturnIn(amount.minorUnits(), stamp);
        records.create(back);
        records.update(after);
        records.update(parentAfter);
        records.link(Keys.RETURN, allocationId, id);
        return records.written();
    }

    /**
     * Reverses a transfer whose child allocation is untouched, or an expenditure, with a new
     * correcting record; the original stays as it was. Submitted by the holder of the allocation the
     * original drew on, or by the finance ministry.
     *
     * <p>Request: {@code {id, originalId, reasonCode, reason}}.
     *
     * @return the reversal and the balances it changed
     */
    public List<LedgerRecord> reverse(Caller caller, String json) {
        JsonInput in = JsonInput.parse(json, "id", "originalId", "reasonCode", "reason");
        String id = in.id("id");
        String originalId = in.id("originalId");
        ReasonCode reasonCode = in.choice("reasonCode", ReasonCode.class);
        String reason = in.text("reason", TEXT);

        Organization actor = actingOrg(caller);
        requireRole(caller, Caller.OFFICER);
        RecordType originalType = records.typeOf(originalId).orElseThrow(() -> Refusal.of(ErrorCode.NOT_FOUND,
                "originalId", "no record with id '" + originalId + "'"));
        if (originalType != RecordType.TRANSFER && originalType != RecordType.EXPENDITURE) {
            throw Refusal.of(ErrorCode.INVALID_ARGUMENT, "originalId", "'" + originalId + "' is a "
                    + originalType.name().toLowerCase(Locale.ROOT) + "; only transfers and expenditures are reversed");
        }
        records.reversalOf(originalId).ifPresent(existing -> {
            throw Refusal.of(ErrorCode.ALREADY_EXISTS, "originalId", "'" + originalId + "' was already reversed by '"
                    + existing + "'");
        });
        records.requireUnused("id", id);
        if (originalType == RecordType.TRANSFER) {
            reverseTransfer(actor, id, records.require("originalId", RecordType.TRANSFER, originalId,
                    Transfer.class), reasonCode, reason);
        } else {
            reverseExpenditure(actor, id, records.require("originalId", RecordType.EXPENDITURE, originalId,
                    Expenditure.class), reasonCode, reason);
        }
        records.markReversed(originalId, id);
        return records.written();
    }

    private void reverseTransfer(Organization actor, String id, Transfer original, ReasonCode reasonCode,
                                 String reason) {
        Allocation from = records.allocation("originalId", original.fromAllocationId());
        requireHolderOrMinistry(actor, from);
        Balance child = records.balance(original.toAllocationId());
        if (!child.isUntouched()) {
            throw Refusal.of(ErrorCode.NOT_REVERSIBLE, "originalId", "the allocation '" + original.toAllocationId()
                    + "' created by transfer '" + original.id() + "' has already moved money; return it instead");
        }
        Balance source = records.balance(from.id());
        Money amount = Money.ofStored(original.amount(), original.currency());
        Balance sourceAfter = source.withTransferReversed(amount.minorUnits(), stamp);
        Balance childAfter = child.withReceiptReversed(stamp);
        records.create(new Reversal(id, original.id(), RecordType.TRANSFER, from.id(), original.amount(),
                original.currency(), reasonCode, reason, stamp.txId(), stamp.recordedAt()));
        records.update(sourceAfter);
        records.update(childAfter);
    }

    private void reverseExpenditure(Organization actor, String id, Expenditure original, ReasonCode reasonCode,
                                    String reason) {
        Allocation allocation = records.allocation("originalId", original.allocationId());
        requireHolderOrMinistry(actor, allocation);
        Balance balance = records.balance(allocation.id());
        Money amount = Money.ofStored(original.amount(), original.currency());
        Balance after = balance.withSpendingReversed(amount.minorUnits(), stamp);
        records.create(new Reversal(id, original.id(), RecordType.EXPENDITURE, allocation.id(), original.amount(),
                original.currency(), reasonCode, reason, stamp.txId(), stamp.recordedAt()));
        records.update(after);
    }

    /** The organisation the caller acts for, proved by MSP ID and the {@code fundtrail.org} attribute. */
    private Organization actingOrg(Caller caller) {
        if (caller.orgId() == null || caller.orgId().isEmpty()) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "fundtrail.org", "the caller's certificate has no fundtrail.org "
                    + "attribute");
        }
        Organization org = records.find(RecordType.ORGANIZATION, caller.orgId(), Organization.class)
                .orElseThrow(() -> Refusal.of(ErrorCode.FORBIDDEN, "fundtrail.org", "'" + caller.orgId()
                        + "' is not a registered organisation"));
        if (!org.mspId().equals(caller.mspId())) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "mspId", "organisation '" + org.id() + "' is registered to MSP '"
                    + org.mspId() + "'; the caller's certificate is from '" + caller.mspId() + "'");
        }
        return org;
    }

    private static void requireRole(Caller caller, String... allowed) {
        for (String role : allowed) {
            if (role.equals(caller.role())) {
                return;
            }
        }
        throw Refusal.of(ErrorCode.FORBIDDEN, "fundtrail.role", "role '" + caller.role() + "' may not submit this "
                + "transaction (needs " + String.join(" or ", allowed) + ")");
    }

    private static void requireHolder(Organization actor, Allocation allocation, String field) {
        if (!allocation.holderOrgId().equals(actor.id())) {
            throw Refusal.of(ErrorCode.FORBIDDEN, field, "allocation '" + allocation.id() + "' is held by '"
                    + allocation.holderOrgId() + "', not by '" + actor.id() + "'");
        }
    }

    private void requireHolderOrMinistry(Organization actor, Allocation allocation) {
        if (!allocation.holderOrgId().equals(actor.id()) && actor.tier() != Tier.MINISTRY) {
            throw Refusal.of(ErrorCode.FORBIDDEN, "originalId", "only the holder of allocation '" + allocation.id()
                    + "' ('" + allocation.holderOrgId() + "') or the finance ministry may reverse it, not '"
                    + actor.id() + "'");
        }
    }

    private static void requireCurrency(Allocation allocation, Money amount) {
        if (!allocation.currency().equals(amount.currency())) {
            throw Refusal.of(ErrorCode.CURRENCY_MISMATCH, "currency", "'" + amount.currency() + "' differs from "
                    + "the currency of allocation '" + allocation.id() + "', " + allocation.currency());
        }
    }

    private static void requireFunds(Balance balance, Money amount) {
        if (amount.minorUnits() > balance.availableMinor()) {
            throw Refusal.of(ErrorCode.INSUFFICIENT_FUNDS, "amount", amount + " exceeds the "
                    + Money.decimal(balance.availableMinor(), balance.currency()) + " " + balance.currency()
                    + " available in allocation '" + balance.allocationId() + "'");
        }
    }
}

-- Fundtrail read model, version 1. Written only by the projector; every record row names the
-- transaction (tx_id) and block (block_number) that wrote it. Amounts are kept twice: as the
-- ledger's canonical decimal text and as an integer of the currency's minor units (for filters,
-- sorting and sums). See docs/READ_MODEL.md.

-- The last block fully applied; moved in the same transaction as that block's rows.
CREATE TABLE projector_checkpoint (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    block_number INTEGER NOT NULL,
    tx_count     INTEGER NOT NULL,
    record_count INTEGER NOT NULL
);

-- One row per transaction of every block, valid or not, config or endorser.
CREATE TABLE ledger_transactions (
    block_number    INTEGER NOT NULL,
    tx_index        INTEGER NOT NULL,
    tx_id           TEXT    NOT NULL,
    header_type     TEXT    NOT NULL,
    event_name      TEXT,
    chaincode       TEXT,
    timestamp       TEXT,
    creator_msp     TEXT,
    creator_subject TEXT,
    validation_code TEXT    NOT NULL,
    record_count    INTEGER NOT NULL,
    PRIMARY KEY (block_number, tx_index)
);
CREATE INDEX ledger_transactions_tx_id ON ledger_transactions (tx_id);

CREATE TABLE organizations (
    id             TEXT PRIMARY KEY,
    name           TEXT    NOT NULL,
    tier           TEXT    NOT NULL,
    parent_id      TEXT,
    msp_id         TEXT    NOT NULL,
    org_identifier TEXT,
    tx_id          TEXT    NOT NULL,
    block_number   INTEGER NOT NULL,
    recorded_at    TEXT    NOT NULL
);
CREATE INDEX organizations_parent ON organizations (parent_id, id);
CREATE INDEX organizations_tier ON organizations (tier, id);

-- An allocation with its current balance (the BALANCE record is folded in: *_minor columns,
-- balance_tx_id/balance_block_number/balance_recorded_at name its last change).
CREATE TABLE allocations (
    id                   TEXT PRIMARY KEY,
    holder_org_id        TEXT    NOT NULL,
    parent_allocation_id TEXT,
    transfer_id          TEXT,
    root_allocation_id   TEXT    NOT NULL,
    depth                INTEGER NOT NULL,
    fiscal_year          INTEGER NOT NULL,
    currency             TEXT    NOT NULL,
    amount               TEXT    NOT NULL,
    amount_minor         INTEGER NOT NULL,
    cofog                TEXT    NOT NULL,
    programme            TEXT    NOT NULL,
    economic             TEXT,
    purpose              TEXT    NOT NULL,
    legal_reference      TEXT,
    received_minor       INTEGER NOT NULL DEFAULT 0,
    transferred_minor    INTEGER NOT NULL DEFAULT 0,
    spent_minor          INTEGER NOT NULL DEFAULT 0,
    returned_in_minor    INTEGER NOT NULL DEFAULT 0,
    returned_out_minor   INTEGER NOT NULL DEFAULT 0,
    reversed_minor       INTEGER NOT NULL DEFAULT 0,
    available_minor      INTEGER NOT NULL DEFAULT 0,
    balance_tx_id        TEXT,
    balance_block_number INTEGER,
    balance_recorded_at  TEXT,
    child_count          INTEGER NOT NULL DEFAULT 0,
    expenditure_count    INTEGER NOT NULL DEFAULT 0,
    outcome_count        INTEGER NOT NULL DEFAULT 0,
    tx_id                TEXT    NOT NULL,
    block_number         INTEGER NOT NULL,
    recorded_at          TEXT    NOT NULL,
    -- What a trace needs of the row, packed (unit separator between fields) and kept current by
    -- SQLite itself: a trace of 100,000 nodes then reads one text per node instead of 16 columns.
    trace_text           TEXT GENERATED ALWAYS AS (
        id || char(31) || holder_org_id || char(31) || ifnull(parent_allocation_id, '') || char(31)
        || received_minor || char(31) || transferred_minor || char(31) || spent_minor || char(31)
        || returned_in_minor || char(31) || returned_out_minor || char(31) || reversed_minor || char(31)
        || available_minor || char(31) || expenditure_count || char(31) || outcome_count || char(31)
        || child_count || char(31) || depth) STORED
);
CREATE INDEX allocations_parent ON allocations (parent_allocation_id, id);
CREATE INDEX allocations_root ON allocations (root_allocation_id, id);
CREATE INDEX allocations_year ON allocations (fiscal_year, id);
CREATE INDEX allocations_holder ON allocations (holder_org_id, id);
CREATE INDEX allocations_cofog ON allocations (cofog, id);
CREATE INDEX allocations_amount ON allocations (amount_minor, id);
CREATE INDEX allocations_recorded ON allocations (recorded_at, id);

-- Every version of every balance, one row per transaction that changed it.
CREATE TABLE balance_history (
    allocation_id      TEXT    NOT NULL,
    block_number       INTEGER NOT NULL,
    tx_index           INTEGER NOT NULL,
    tx_id              TEXT    NOT NULL,
    recorded_at        TEXT    NOT NULL,
    received_minor     INTEGER NOT NULL,
    transferred_minor  INTEGER NOT NULL,
    spent_minor        INTEGER NOT NULL,
    returned_in_minor  INTEGER NOT NULL,
    returned_out_minor INTEGER NOT NULL,
    reversed_minor     INTEGER NOT NULL,
    available_minor    INTEGER NOT NULL,
    PRIMARY KEY (allocation_id, block_number, tx_index)
) WITHOUT ROWID;

-- Records below carry fiscal_year, org_id (the holder of the allocation they draw on) and cofog
-- copied from their allocation at projection time, so each filter is one indexed column.
CREATE TABLE transfers (
    id                 TEXT PRIMARY KEY,
    from_allocation_id TEXT    NOT NULL,
    to_org_id          TEXT    NOT NULL,
    to_allocation_id   TEXT    NOT NULL,
    amount             TEXT    NOT NULL,
    amount_minor       INTEGER NOT NULL,
    currency           TEXT    NOT NULL,
    purpose            TEXT    NOT NULL,
    reference          TEXT,
    reversed_by        TEXT,
    fiscal_year        INTEGER NOT NULL,
    org_id             TEXT    NOT NULL,
    cofog              TEXT    NOT NULL,
    tx_id              TEXT    NOT NULL,
    block_number       INTEGER NOT NULL,
    recorded_at        TEXT    NOT NULL
);
CREATE INDEX transfers_from ON transfers (from_allocation_id, id);
CREATE INDEX transfers_to_org ON transfers (to_org_id, id);
CREATE INDEX transfers_org ON transfers (org_id, id);
CREATE INDEX transfers_year ON transfers (fiscal_year, id);
CREATE INDEX transfers_cofog ON transfers (cofog, id);
CREATE INDEX transfers_amount ON transfers (amount_minor, id);
CREATE INDEX transfers_recorded ON transfers (recorded_at, id);

CREATE TABLE expenditures (
    id                TEXT PRIMARY KEY,
    allocation_id     TEXT    NOT NULL,
    amount            TEXT    NOT NULL,
    amount_minor      INTEGER NOT NULL,
    currency          TEXT    NOT NULL,
    payee_name        TEXT    NOT NULL,
    payee_identifier  TEXT,
    category          TEXT    NOT NULL,
    date              TEXT    NOT NULL,
    evidence_sha256   TEXT    NOT NULL,
    evidence_uri      TEXT    NOT NULL,
    reversed_by       TEXT,
    fiscal_year       INTEGER NOT NULL,
    org_id            TEXT    NOT NULL,
    cofog             TEXT    NOT NULL,
    tx_id             TEXT    NOT NULL,
    block_number      INTEGER NOT NULL,
    recorded_at       TEXT    NOT NULL
);
CREATE INDEX expenditures_allocation ON expenditures (allocation_id, id);
CREATE INDEX expenditures_org ON expenditures (org_id, id);
CREATE INDEX expenditures_year ON expenditures (fiscal_year, id);
CREATE INDEX expenditures_cofog ON expenditures (cofog, id);
CREATE INDEX expenditures_amount ON expenditures (amount_minor, id);
CREATE INDEX expenditures_date ON expenditures (date, id);
CREATE INDEX expenditures_payee ON expenditures (payee_identifier);

CREATE TABLE outcomes (
    id              TEXT PRIMARY KEY,
    indicator       TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    baseline        TEXT    NOT NULL,
    target          TEXT    NOT NULL,
    actual          TEXT    NOT NULL,
    period          TEXT    NOT NULL,
    evidence_sha256 TEXT    NOT NULL,
    evidence_uri    TEXT    NOT NULL,
    fiscal_year     INTEGER NOT NULL,
    org_id          TEXT    NOT NULL,
    cofog           TEXT    NOT NULL,
    tx_id           TEXT    NOT NULL,
    block_number    INTEGER NOT NULL,
    recorded_at     TEXT    NOT NULL
);
CREATE INDEX outcomes_org ON outcomes (org_id, id);
CREATE INDEX outcomes_year ON outcomes (fiscal_year, id);
CREATE INDEX outcomes_cofog ON outcomes (cofog, id);
CREATE INDEX outcomes_recorded ON outcomes (recorded_at, id);

-- The allocations an outcome reports on; position keeps the record's (sorted) order.
CREATE TABLE outcome_allocations (
    allocation_id TEXT    NOT NULL,
    outcome_id    TEXT    NOT NULL,
    position      INTEGER NOT NULL,
    PRIMARY KEY (allocation_id, outcome_id)
) WITHOUT ROWID;
CREATE INDEX outcome_allocations_outcome ON outcome_allocations (outcome_id, position);

CREATE TABLE returns (
    id               TEXT PRIMARY KEY,
    allocation_id    TEXT    NOT NULL,
    to_allocation_id TEXT    NOT NULL,
    amount           TEXT    NOT NULL,
    amount_minor     INTEGER NOT NULL,
    currency         TEXT    NOT NULL,
    reason_code      TEXT    NOT NULL,
    reason           TEXT    NOT NULL,
    fiscal_year      INTEGER NOT NULL,
    org_id           TEXT    NOT NULL,
    cofog            TEXT    NOT NULL,
    tx_id            TEXT    NOT NULL,
    block_number     INTEGER NOT NULL,
    recorded_at      TEXT    NOT NULL
);
CREATE INDEX returns_allocation ON returns (allocation_id, id);
CREATE INDEX returns_org ON returns (org_id, id);
CREATE INDEX returns_year ON returns (fiscal_year, id);
CREATE INDEX returns_amount ON returns (amount_minor, id);

CREATE TABLE reversals (
    id            TEXT PRIMARY KEY,
    original_id   TEXT    NOT NULL,
    original_type TEXT    NOT NULL,
    allocation_id TEXT    NOT NULL,
    amount        TEXT    NOT NULL,
    amount_minor  INTEGER NOT NULL,
    currency      TEXT    NOT NULL,
    reason_code   TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    fiscal_year   INTEGER NOT NULL,
    org_id        TEXT    NOT NULL,
    cofog         TEXT    NOT NULL,
    tx_id         TEXT    NOT NULL,
    block_number  INTEGER NOT NULL,
    recorded_at   TEXT    NOT NULL
);
CREATE INDEX reversals_original ON reversals (original_id);
CREATE INDEX reversals_allocation ON reversals (allocation_id, id);
CREATE INDEX reversals_org ON reversals (org_id, id);
CREATE INDEX reversals_year ON reversals (fiscal_year, id);

-- Full-text search over names, purposes, payees, indicators and reasons (SQLite FTS5).
CREATE VIRTUAL TABLE record_text USING fts5(
    record_id UNINDEXED,
    record_type UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);

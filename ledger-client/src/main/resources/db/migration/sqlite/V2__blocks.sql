-- The raw committed blocks (Fabric common.Block protobuf bytes), written by the projector in the
-- same transaction as the block's rows, so the public API can hand anyone the exact bytes to check
-- with a verifier.
CREATE TABLE blocks (
    block_number INTEGER PRIMARY KEY,
    data         BLOB    NOT NULL
);

-- The header hash (SHA-256 of the DER header, the next block's previous_hash) of every block the
-- projector wrote, and of the last one with the checkpoint: the projector checks that each new block
-- chains to the last one it projected (a ledger that forked or lost blocks stops it), and the API
-- checks stored block bytes against it before serving them. NULL for blocks projected before V3.
ALTER TABLE blocks ADD COLUMN header_hash BLOB;
ALTER TABLE projector_checkpoint ADD COLUMN header_hash BLOB;

-- A report replaced by an import gets the next version (its ETag must change with its content).
ALTER TABLE report ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

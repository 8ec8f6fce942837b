-- Creates already answered, by Idempotency-Key (scoped to the client), so that retries are
-- recognised across restarts and by every instance sharing this file.
CREATE TABLE idempotency_key (
    key         TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    exchange_id TEXT NOT NULL,
    at          TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX idempotency_key_at ON idempotency_key (at);

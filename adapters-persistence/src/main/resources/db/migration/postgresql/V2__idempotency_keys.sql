-- Creates already answered, by Idempotency-Key (scoped to the client), so that retries are
-- recognised across restarts and by every instance sharing this database.
CREATE TABLE idempotency_key (
    key         TEXT COLLATE "C" PRIMARY KEY,
    fingerprint TEXT COLLATE "C" NOT NULL,
    exchange_id TEXT COLLATE "C" NOT NULL,
    at          TEXT COLLATE "C" NOT NULL
);

CREATE INDEX idempotency_key_at ON idempotency_key (at);

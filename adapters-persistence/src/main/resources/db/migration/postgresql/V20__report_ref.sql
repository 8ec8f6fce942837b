-- Reports get the client's own unique key (ref), as exchanges have, so that a re-run script never
-- records a published figure twice; and an idempotency key may now name a created report as well as
-- an exchange.
ALTER TABLE report ADD COLUMN ref TEXT COLLATE "C";

CREATE UNIQUE INDEX report_ref ON report (ref);

ALTER TABLE idempotency_key RENAME COLUMN exchange_id TO record_id;

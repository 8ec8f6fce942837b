-- Loads exchanges-N.csv and lines-N.csv (bench/generate.py) into a ledger file the server migrated,
-- as the server's own rows: the quick way to a 1,000,000-exchange ledger for the statistics targets
-- (the import target is measured through the API). Run by bench/run.sh with the sqlite3 shell.
CREATE TEMP TABLE x (id, sequence, ref, date, kind, operation, returned, handed_over, civilians, notes, version,
                     created_at, updated_at);
CREATE TEMP TABLE l (exchange_id, position, unit_id, cohort_id, count);
.mode csv
.import exchanges.csv x
.import lines.csv l
INSERT INTO exchange (id, sequence, ref, date, kind, operation, returned, handed_over, civilians, notes, version,
                      created_at, updated_at)
SELECT id, sequence, NULLIF(ref, ''), date, kind, NULLIF(operation, ''), returned, NULLIF(handed_over, ''),
       NULLIF(civilians, ''), NULLIF(notes, ''), version, created_at, updated_at FROM x;
INSERT INTO breakdown_line (exchange_id, position, unit_id, cohort_id, count)
SELECT exchange_id, position, unit_id, NULLIF(cohort_id, ''), count FROM l;
UPDATE ledger_state SET exchange_sequence = (SELECT max(sequence) FROM exchange), revision = revision + 1;

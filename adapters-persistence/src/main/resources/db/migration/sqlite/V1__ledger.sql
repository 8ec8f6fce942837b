-- POW Ledger, SQLite schema 1.
-- Dates are 'YYYY-MM-DD' text, timestamps RFC 3339 UTC text (Instant.toString()).
-- Foreign keys are checked at commit (DEFERRABLE INITIALLY DEFERRED) so that one transaction may
-- write a child before its parent (an import in any order); the application checks them first.

-- One row: the revision that every committed write moves on, and the counters of recording order.
CREATE TABLE ledger_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    revision          INTEGER NOT NULL,
    exchange_sequence INTEGER NOT NULL,
    report_sequence   INTEGER NOT NULL
);
INSERT INTO ledger_state (id, revision, exchange_sequence, report_sequence) VALUES (1, 0, 0, 0);

CREATE TABLE unit (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    parent_id  TEXT    REFERENCES unit (id) DEFERRABLE INITIALLY DEFERRED,
    version    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);
CREATE INDEX unit_by_parent ON unit (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE cohort (
    id               TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    size             INTEGER,
    size_approximate INTEGER NOT NULL CHECK (size_approximate IN (0, 1)),
    description      TEXT,
    version          INTEGER NOT NULL,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL
);

-- Live exchange records. Lists read them newest first (date DESC, sequence DESC) and statistics in
-- ledger order (date, sequence): both walk exchange_by_position, forwards or backwards.
CREATE TABLE exchange (
    id          TEXT    NOT NULL PRIMARY KEY,
    sequence    INTEGER NOT NULL UNIQUE,
    ref         TEXT    UNIQUE,
    date        TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('prisoners', 'bodies')),
    operation   TEXT,
    returned    INTEGER NOT NULL,
    handed_over INTEGER,
    civilians   INTEGER,
    notes       TEXT,
    version     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX exchange_by_position ON exchange (date, sequence);
CREATE INDEX exchange_by_kind ON exchange (kind, date, sequence);
CREATE INDEX exchange_by_operation ON exchange (operation, date, sequence) WHERE operation IS NOT NULL;

CREATE TABLE breakdown_line (
    exchange_id TEXT    NOT NULL REFERENCES exchange (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    unit_id     TEXT    REFERENCES unit (id) DEFERRABLE INITIALLY DEFERRED,
    cohort_id   TEXT    REFERENCES cohort (id) DEFERRABLE INITIALLY DEFERRED,
    count       INTEGER NOT NULL CHECK (count >= 1),
    PRIMARY KEY (exchange_id, position),
    CHECK (unit_id IS NOT NULL OR cohort_id IS NOT NULL)
) WITHOUT ROWID;
CREATE INDEX line_by_unit ON breakdown_line (unit_id, exchange_id) WHERE unit_id IS NOT NULL;
CREATE INDEX line_by_cohort ON breakdown_line (cohort_id, exchange_id) WHERE cohort_id IS NOT NULL;

-- name_key is the mediator's name lower-cased (Locale.ROOT) for the case-insensitive filter.
CREATE TABLE exchange_mediator (
    exchange_id TEXT    NOT NULL REFERENCES exchange (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    name_key    TEXT    NOT NULL,
    PRIMARY KEY (exchange_id, position)
) WITHOUT ROWID;
CREATE INDEX mediator_by_key ON exchange_mediator (name_key, exchange_id);

CREATE TABLE exchange_source (
    exchange_id  TEXT    NOT NULL REFERENCES exchange (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    url          TEXT    NOT NULL,
    title        TEXT,
    publisher    TEXT,
    published_on TEXT,
    PRIMARY KEY (exchange_id, position)
) WITHOUT ROWID;

-- The search words of each record (SearchWords.of): a query word matches as a prefix, read as the
-- range word >= w AND word < w || U+10FFFF on the primary key.
CREATE TABLE exchange_word (
    word        TEXT NOT NULL,
    exchange_id TEXT NOT NULL REFERENCES exchange (id) ON DELETE CASCADE,
    PRIMARY KEY (word, exchange_id)
) WITHOUT ROWID;
CREATE INDEX word_by_exchange ON exchange_word (exchange_id);

-- Every version of every exchange, deletions included; the record as it was, as JSON.
CREATE TABLE exchange_history (
    entry_id    INTEGER PRIMARY KEY,
    exchange_id TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
    at          TEXT    NOT NULL,
    actor       TEXT,
    snapshot    TEXT
);
CREATE INDEX history_by_exchange ON exchange_history (exchange_id, version, entry_id);

-- A report's scope is spread over four columns: all null is all time.
CREATE TABLE report (
    id                  TEXT    NOT NULL PRIMARY KEY,
    sequence            INTEGER NOT NULL UNIQUE,
    scope_year          INTEGER,
    scope_cohort        TEXT    REFERENCES cohort (id) DEFERRABLE INITIALLY DEFERRED,
    scope_unit          TEXT    REFERENCES unit (id) DEFERRABLE INITIALLY DEFERRED,
    scope_exchange      TEXT,
    metric              TEXT    NOT NULL,
    value               INTEGER NOT NULL,
    approximate         INTEGER NOT NULL CHECK (approximate IN (0, 1)),
    as_of               TEXT    NOT NULL,
    source_url          TEXT,
    source_title        TEXT,
    source_publisher    TEXT,
    source_published_on TEXT,
    notes               TEXT,
    created_at          TEXT    NOT NULL
);
CREATE INDEX report_by_cohort ON report (scope_cohort) WHERE scope_cohort IS NOT NULL;
CREATE INDEX report_by_unit ON report (scope_unit) WHERE scope_unit IS NOT NULL;
CREATE INDEX report_by_exchange ON report (scope_exchange) WHERE scope_exchange IS NOT NULL;

CREATE TABLE token (
    name       TEXT NOT NULL PRIMARY KEY,
    scope      TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    hash       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

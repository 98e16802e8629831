-- Step 4: the collector's state, the same tables as SQLite's step (see it for what each holds).
-- The collector itself runs on an embedded ledger today; PostgreSQL keeps the schema in step.

CREATE TABLE collect_pages (
    url text COLLATE "C" PRIMARY KEY,
    fingerprint text NOT NULL,
    state text NOT NULL CHECK (state IN ('archived', 'stored', 'failed')),
    failures bigint NOT NULL DEFAULT 0,
    archive text,
    record_offset bigint,
    record_number bigint,
    canonical text COLLATE "C",
    listed_date text,
    listed_title text,
    updated text NOT NULL
);
CREATE INDEX collect_pages_state ON collect_pages(state, url);
CREATE INDEX collect_pages_canonical ON collect_pages(canonical);

CREATE TABLE collect_validators (
    url text COLLATE "C" PRIMARY KEY,
    etag text,
    last_modified text,
    updated text NOT NULL
);

CREATE TABLE collect_hosts (
    host text COLLATE "C" PRIMARY KEY,
    backoff_until text NOT NULL
);

CREATE TABLE collect_archives (
    file text COLLATE "C" PRIMARY KEY,
    committed bigint NOT NULL
);

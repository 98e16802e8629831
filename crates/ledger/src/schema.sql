-- claimtrail ledger schema, version 1. Plain SQL readable by any SQLite tool; spans are byte
-- offsets into documents.text.
CREATE TABLE IF NOT EXISTS documents (
    rowid       INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,      -- content hash of the raw page
    source      TEXT NOT NULL,
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT,                      -- YYYY-MM-DD
    authors     TEXT NOT NULL,             -- JSON array
    agencies    TEXT NOT NULL,             -- JSON array
    syndicated  INTEGER NOT NULL,
    dateline    TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    analysis    TEXT NOT NULL              -- the full analyze record, JSON
);
CREATE INDEX IF NOT EXISTS documents_source ON documents(source);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid'
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, canonical TEXT NOT NULL, role TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT, speaker_mention TEXT,
    speaker_type TEXT, role TEXT, cue TEXT,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);

CREATE TABLE IF NOT EXISTS figures (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value REAL, low REAL, high REAL, hedge TEXT NOT NULL, unit TEXT, counted TEXT,
    source TEXT, date TEXT,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE IF NOT EXISTS times (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    idx INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value TEXT, type TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

-- Step 1: the schema of the first release, which wrote it unversioned (user_version and
-- application_id 0). Kept as that release created it: ledgers it wrote are at this step, and step 2
-- takes them (and a fresh ledger, which runs both steps) to the current schema.
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
    analysis    TEXT NOT NULL,             -- the full analyze record, JSON
    estimated   TEXT                       -- for an undated document: a date the ledger infers
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

-- Across documents (maintained incrementally at ingest).
CREATE TABLE IF NOT EXISTS doc_signatures (
    doc_id TEXT PRIMARY KEY, signature BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh_buckets (band INTEGER NOT NULL, key INTEGER NOT NULL, doc_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS lsh_lookup ON lsh_buckets(band, key);
-- A wire copy or near-duplicate and the earliest appearance it links to.
CREATE TABLE IF NOT EXISTS copies (
    doc_id TEXT PRIMARY KEY, original_id TEXT NOT NULL, similarity REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stories (
    id INTEGER PRIMARY KEY, title TEXT, first_seen TEXT, last_seen TEXT,
    size INTEGER NOT NULL, norm2 REAL NOT NULL   -- squared norm of the centroid
);
CREATE TABLE IF NOT EXISTS story_terms (
    term TEXT NOT NULL, story_id INTEGER NOT NULL, weight REAL NOT NULL,
    PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_terms_heaviest ON story_terms(term, weight DESC);
CREATE INDEX IF NOT EXISTS story_terms_story ON story_terms(story_id);
CREATE TABLE IF NOT EXISTS story_docs (
    doc_id TEXT PRIMARY KEY, story_id INTEGER NOT NULL, similarity REAL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_docs_story ON story_docs(story_id);

CREATE TABLE IF NOT EXISTS quote_registry (
    id INTEGER PRIMARY KEY, text TEXT NOT NULL, speaker TEXT, shingles INTEGER NOT NULL,
    first_doc TEXT NOT NULL, first_date TEXT
);
CREATE TABLE IF NOT EXISTS quote_shingles (
    shingle INTEGER NOT NULL, quote_id INTEGER NOT NULL, PRIMARY KEY (shingle, quote_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS quote_appearances (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, quote_id INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quote_appearances_quote ON quote_appearances(quote_id);

CREATE TABLE IF NOT EXISTS figure_measures (
    doc_id TEXT NOT NULL, idx INTEGER NOT NULL, measure TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS figure_measures_measure ON figure_measures(measure);

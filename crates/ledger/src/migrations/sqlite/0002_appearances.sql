-- Step 2: one row per appearance, one copy of each analysis, consistent names, views.
--
-- * A document is an appearance: its content id (hash of the raw bytes) and its origin (its URL,
--   else its source path made canonical), so the same text from two outlets is two documents.
--   Every other table refers to documents by their integer id.
-- * The analysis is stored once: spans in their tables, authors, agencies and warnings in
--   theirs; the `analysis` JSON column, which repeated all of it, is gone.
-- * Names: `kind` for every kind (no `type`), `start_byte`/`end_byte` (no `end`), `position` for
--   an item's place in its document, `claimed_by` for who claims a figure.
--
-- Ledgers of the first release come through unchanged in content. Their origins are computed by
-- `claimtrail_origin(url, source)`, the function the backend registers for this step: a record's
-- URL (sources `PATH#N`), else the source path made canonical where it still exists.

DROP INDEX documents_source;
DROP INDEX documents_published;
DROP INDEX entities_canonical;
DROP INDEX quotes_speaker;
DROP INDEX lsh_lookup;
DROP INDEX story_docs_story;
DROP INDEX quote_appearances_quote;
DROP INDEX figure_measures_measure;
DROP TABLE documents_fts;
ALTER TABLE documents RENAME TO old_documents;
ALTER TABLE entities RENAME TO old_entities;
ALTER TABLE quotes RENAME TO old_quotes;
ALTER TABLE figures RENAME TO old_figures;
ALTER TABLE times RENAME TO old_times;
ALTER TABLE copies RENAME TO old_copies;
ALTER TABLE quote_registry RENAME TO old_quote_registry;
ALTER TABLE quote_appearances RENAME TO old_quote_appearances;
ALTER TABLE figure_measures RENAME TO old_figure_measures;

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    content_id  TEXT NOT NULL,          -- hash of the raw bytes: the `id` of the analyze JSON
    origin      TEXT NOT NULL,          -- where it came from: its URL, else its canonical path
    source      TEXT NOT NULL,          -- the path as given at ingest (PATH#N: N-th record)
    url         TEXT,
    outlet      TEXT,
    title       TEXT,
    published   TEXT,                   -- YYYY-MM-DD
    syndicated  INTEGER NOT NULL,
    dateline    TEXT,
    language    TEXT,
    text        TEXT NOT NULL,          -- every span is a byte range of it
    estimated   TEXT,                   -- undated documents: a date the ledger infers
    UNIQUE (content_id, origin)
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_origin ON documents(origin);
CREATE INDEX documents_published ON documents(published);
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='id'
);

CREATE TABLE authors (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX authors_name ON authors(name);
CREATE TABLE agencies (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, name TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE TABLE warnings (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, message TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

CREATE TABLE entities (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, canonical TEXT NOT NULL, role TEXT,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE quotes (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, speaker TEXT, speaker_mention TEXT,
    speaker_kind TEXT, role TEXT, cue TEXT,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE figures (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, text TEXT NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,
    value REAL, low REAL, high REAL, hedge TEXT NOT NULL, unit TEXT, counted TEXT,
    claimed_by TEXT, date TEXT,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE TABLE times (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, text TEXT NOT NULL,
    start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, value TEXT, kind TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

-- Across documents (maintained incrementally at ingest).
CREATE TABLE signatures (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id), signature BLOB NOT NULL
);
CREATE TABLE lsh_postings (
    band INTEGER NOT NULL, key INTEGER NOT NULL, document_id INTEGER NOT NULL
);
CREATE INDEX lsh_postings_lookup ON lsh_postings(band, key);
-- A wire copy or near-duplicate and the earliest appearance it links to.
CREATE TABLE copies (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    original_id INTEGER NOT NULL REFERENCES documents(id),
    similarity REAL NOT NULL
);
CREATE INDEX copies_original ON copies(original_id);
CREATE TABLE story_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    story_id INTEGER NOT NULL, similarity REAL
);
CREATE INDEX story_documents_story ON story_documents(story_id);
CREATE TABLE quote_registry (
    id INTEGER PRIMARY KEY, text TEXT NOT NULL, speaker TEXT, shingles INTEGER NOT NULL,
    first_document_id INTEGER NOT NULL REFERENCES documents(id), first_date TEXT
);
CREATE TABLE quote_appearances (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, quote_id INTEGER NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX quote_appearances_quote ON quote_appearances(quote_id);
CREATE TABLE figure_measures (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL, measure TEXT NOT NULL,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE INDEX figure_measures_measure ON figure_measures(measure);

-- The first release's rows, under the new keys (documents keep their rowid as id).
INSERT INTO documents (id, content_id, origin, source, url, outlet, title, published, syndicated,
                       dateline, language, text, estimated)
SELECT rowid, id, claimtrail_origin(CASE WHEN source GLOB '*#[0-9]*' THEN url END, source),
       source, url, outlet, title, published, syndicated, dateline, language, text, estimated
FROM old_documents ORDER BY rowid;
INSERT INTO authors (document_id, position, name)
SELECT d.rowid, j.key, j.value FROM old_documents d, json_each(d.authors) j;
INSERT INTO agencies (document_id, position, name)
SELECT d.rowid, j.key, j.value FROM old_documents d, json_each(d.agencies) j;
INSERT INTO warnings (document_id, position, message)
SELECT d.rowid, j.key, j.value FROM old_documents d, json_each(d.analysis, '$.warnings') j;
INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

INSERT INTO entities
SELECT d.rowid, e.idx, e.text, e.type, e.start, e."end", e.canonical, e.role
FROM old_entities e JOIN old_documents d ON d.id = e.doc_id;
INSERT INTO quotes
SELECT d.rowid, q.idx, q.text, q.kind, q.start, q."end", q.speaker, q.speaker_mention,
       q.speaker_type, q.role, q.cue
FROM old_quotes q JOIN old_documents d ON d.id = q.doc_id;
INSERT INTO figures
SELECT d.rowid, g.idx, g.text, g.start, g."end", g.value, g.low, g.high, g.hedge, g.unit,
       g.counted, g.source, g.date
FROM old_figures g JOIN old_documents d ON d.id = g.doc_id;
INSERT INTO times
SELECT d.rowid, t.idx, t.text, t.start, t."end", t.value, t.type
FROM old_times t JOIN old_documents d ON d.id = t.doc_id;

INSERT INTO signatures (document_id, signature)
SELECT d.rowid, s.signature FROM doc_signatures s JOIN old_documents d ON d.id = s.doc_id;
INSERT INTO lsh_postings (band, key, document_id)
SELECT b.band, b.key, d.rowid FROM lsh_buckets b JOIN old_documents d ON d.id = b.doc_id
ORDER BY b.rowid;
INSERT INTO copies (document_id, original_id, similarity)
SELECT d.rowid, o.rowid, c.similarity FROM old_copies c
JOIN old_documents d ON d.id = c.doc_id JOIN old_documents o ON o.id = c.original_id;
INSERT INTO story_documents (document_id, story_id, similarity)
SELECT d.rowid, s.story_id, s.similarity FROM story_docs s JOIN old_documents d ON d.id = s.doc_id;
INSERT INTO quote_registry (id, text, speaker, shingles, first_document_id, first_date)
SELECT r.id, r.text, r.speaker, r.shingles, d.rowid, r.first_date
FROM old_quote_registry r JOIN old_documents d ON d.id = r.first_doc;
INSERT INTO quote_appearances (document_id, position, quote_id)
SELECT d.rowid, a.idx, a.quote_id FROM old_quote_appearances a JOIN old_documents d ON d.id = a.doc_id;
INSERT INTO figure_measures (document_id, position, measure)
SELECT d.rowid, m.idx, m.measure FROM old_figure_measures m JOIN old_documents d ON d.id = m.doc_id;

DROP TABLE old_entities;
DROP TABLE old_quotes;
DROP TABLE old_figures;
DROP TABLE old_times;
DROP TABLE doc_signatures;
DROP TABLE lsh_buckets;
DROP TABLE old_copies;
DROP TABLE story_docs;
DROP TABLE old_quote_registry;
DROP TABLE old_quote_appearances;
DROP TABLE old_figure_measures;
DROP TABLE old_documents;

-- Views for people who open the file in sqlite3 or datasette.
CREATE VIEW quotes_view AS
SELECT d.content_id AS document, d.source, coalesce(d.published, d.estimated) AS date,
       q.speaker, q.role, q.kind, q.cue, q.text, q.position, q.start_byte, q.end_byte
FROM quotes q JOIN documents d ON d.id = q.document_id;
CREATE VIEW figures_view AS
SELECT d.content_id AS document, d.source, coalesce(g.date, d.published, d.estimated) AS date,
       m.measure, g.text, g.value, g.low, g.high, g.hedge, g.unit, g.counted, g.claimed_by,
       g.position, g.start_byte, g.end_byte
FROM figures g JOIN documents d ON d.id = g.document_id
LEFT JOIN figure_measures m ON m.document_id = g.document_id AND m.position = g.position;
CREATE VIEW documents_view AS
SELECT d.id, d.content_id, d.source, d.origin, d.outlet, d.title, d.published, d.estimated,
       (SELECT group_concat(a.name, '; ' ORDER BY a.position) FROM authors a
        WHERE a.document_id = d.id) AS authors,
       sd.story_id AS story, s.title AS story_title, c.original_id AS copy_of
FROM documents d
LEFT JOIN story_documents sd ON sd.document_id = d.id
LEFT JOIN stories s ON s.id = sd.story_id
LEFT JOIN copies c ON c.document_id = d.id;

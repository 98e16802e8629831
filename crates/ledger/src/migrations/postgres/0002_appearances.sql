-- PostgreSQL's first step: it has no ledgers of the first release, so it creates the schema of
-- step 2 at once, table for table and column for column the SQLite ledger's. Text that is
-- ordered or compared is `COLLATE "C"` (byte order, as SQLite), whatever the database's locale.
-- Ids that queries show or order by (documents, stories, registry quotes) are given by the
-- writer as max + 1, as SQLite gives rowids, under the ledger's write lock (an advisory lock),
-- so that the same input gives the same ids on both backends.

CREATE TABLE documents (
    id          bigint PRIMARY KEY,
    content_id  text COLLATE "C" NOT NULL,
    origin      text COLLATE "C" NOT NULL,
    source      text COLLATE "C" NOT NULL,
    url         text COLLATE "C",
    outlet      text COLLATE "C",
    title       text COLLATE "C",
    published   text COLLATE "C",                -- YYYY-MM-DD
    syndicated  boolean NOT NULL,
    dateline    text COLLATE "C",
    language    text COLLATE "C",
    text        text COLLATE "C" NOT NULL,
    estimated   text COLLATE "C",
    -- Full text over title and article text ('simple': lower-cased words, no stemming, as FTS5's
    -- unicode61 tokenizer).
    fts tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED,
    UNIQUE (content_id, origin)
);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX documents_origin ON documents(origin);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_fts ON documents USING gin (fts);

CREATE TABLE authors (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, name text COLLATE "C" NOT NULL,
    PRIMARY KEY (document_id, position)
);
CREATE INDEX authors_name ON authors(name);
CREATE TABLE agencies (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, name text COLLATE "C" NOT NULL,
    PRIMARY KEY (document_id, position)
);
CREATE TABLE warnings (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, message text COLLATE "C" NOT NULL,
    PRIMARY KEY (document_id, position)
);

CREATE TABLE entities (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, text text COLLATE "C" NOT NULL, kind text COLLATE "C" NOT NULL,
    start_byte bigint NOT NULL, end_byte bigint NOT NULL, canonical text COLLATE "C" NOT NULL,
    role text COLLATE "C",
    PRIMARY KEY (document_id, position)
);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE quotes (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, text text COLLATE "C" NOT NULL, kind text COLLATE "C" NOT NULL,
    start_byte bigint NOT NULL, end_byte bigint NOT NULL, speaker text COLLATE "C",
    speaker_mention text COLLATE "C", speaker_kind text COLLATE "C", role text COLLATE "C",
    cue text COLLATE "C",
    PRIMARY KEY (document_id, position)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE figures (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, text text COLLATE "C" NOT NULL,
    start_byte bigint NOT NULL, end_byte bigint NOT NULL,
    value double precision, low double precision, high double precision,
    hedge text COLLATE "C" NOT NULL, unit text COLLATE "C", counted text COLLATE "C",
    claimed_by text COLLATE "C", date text COLLATE "C",
    PRIMARY KEY (document_id, position)
);
CREATE TABLE times (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, text text COLLATE "C" NOT NULL,
    start_byte bigint NOT NULL, end_byte bigint NOT NULL, value text COLLATE "C",
    kind text COLLATE "C" NOT NULL,
    PRIMARY KEY (document_id, position)
);

-- Across documents (maintained incrementally at ingest).
CREATE TABLE term_df (term text COLLATE "C" PRIMARY KEY, df bigint NOT NULL);
CREATE TABLE stories (
    id bigint PRIMARY KEY, title text COLLATE "C", first_seen text COLLATE "C",
    last_seen text COLLATE "C", size bigint NOT NULL,
    norm2 double precision NOT NULL   -- squared norm of the centroid
);
CREATE TABLE story_terms (
    term text COLLATE "C" NOT NULL, story_id bigint NOT NULL, weight double precision NOT NULL,
    PRIMARY KEY (term, story_id)
);
CREATE INDEX story_terms_heaviest ON story_terms(term, weight DESC, story_id);
CREATE INDEX story_terms_story ON story_terms(story_id);
CREATE TABLE signatures (
    document_id bigint PRIMARY KEY REFERENCES documents(id), signature bytea NOT NULL
);
-- `id` orders postings as SQLite's rowid does (newest last).
CREATE TABLE lsh_postings (
    id bigserial PRIMARY KEY, band bigint NOT NULL, key bigint NOT NULL,
    document_id bigint NOT NULL
);
CREATE INDEX lsh_postings_lookup ON lsh_postings(band, key, id DESC);
CREATE TABLE copies (
    document_id bigint PRIMARY KEY REFERENCES documents(id),
    original_id bigint NOT NULL REFERENCES documents(id),
    similarity double precision NOT NULL
);
CREATE INDEX copies_original ON copies(original_id);
CREATE TABLE story_documents (
    document_id bigint PRIMARY KEY REFERENCES documents(id),
    story_id bigint NOT NULL, similarity double precision
);
CREATE INDEX story_documents_story ON story_documents(story_id);
CREATE TABLE quote_registry (
    id bigint PRIMARY KEY, text text COLLATE "C" NOT NULL, speaker text COLLATE "C",
    shingles bigint NOT NULL,
    first_document_id bigint NOT NULL REFERENCES documents(id), first_date text COLLATE "C"
);
CREATE TABLE quote_shingles (
    shingle bigint NOT NULL, quote_id bigint NOT NULL, PRIMARY KEY (shingle, quote_id)
);
CREATE TABLE quote_appearances (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, quote_id bigint NOT NULL,
    PRIMARY KEY (document_id, position)
);
CREATE INDEX quote_appearances_quote ON quote_appearances(quote_id);
CREATE TABLE figure_measures (
    document_id bigint NOT NULL REFERENCES documents(id),
    position bigint NOT NULL, measure text COLLATE "C" NOT NULL,
    PRIMARY KEY (document_id, position)
);
CREATE INDEX figure_measures_measure ON figure_measures(measure);

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
       (SELECT string_agg(a.name, '; ' ORDER BY a.position) FROM authors a
        WHERE a.document_id = d.id) AS authors,
       sd.story_id AS story, s.title AS story_title, c.original_id AS copy_of
FROM documents d
LEFT JOIN story_documents sd ON sd.document_id = d.id
LEFT JOIN stories s ON s.id = sd.story_id
LEFT JOIN copies c ON c.document_id = d.id;

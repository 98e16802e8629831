-- Step 3: what the server's pages read, kept ready at ingest, so that a page costs the rows it
-- shows rather than a scan of the ledger.
--
-- * documents_listing (replacing documents_published): documents in list order (publication
--   date, source, id), so that a page of a list is read from the index, not sorted out of the
--   whole ledger.
-- * figure_measures.date: the figure's date (its own, else its document's publication or
--   estimated date), with an index in timeline order (measure, date, document, position).
-- * measure_keys: each measure once with its head noun, so that a timeline finds its measures
--   through an index instead of matching a pattern against every figure.
-- * speaker_counts: per speaker, day (coalesce(published, estimated), '' when neither) and
--   outlet ('' when none), how many quotes and documents; speaker_roles: the roles seen. A
--   speaker's page sums a few hundred of these rows instead of reading all their quotes.
-- * quote_registry.documents: how many documents a registry quote appears in, counted as they
--   come (a quote run by thousands of outlets was counted again on every registry page), with
--   an index in registry order and one from a quote's first document (a story's quotes).

DROP INDEX documents_published;
CREATE INDEX documents_listing ON documents(published, source, id);

ALTER TABLE figure_measures ADD COLUMN date TEXT;
UPDATE figure_measures SET date = (
    SELECT coalesce(g.date, d.published, d.estimated)
    FROM figures g JOIN documents d ON d.id = g.document_id
    WHERE g.document_id = figure_measures.document_id AND g.position = figure_measures.position);
DROP INDEX figure_measures_measure;
CREATE INDEX figure_measures_timeline ON figure_measures(measure, date, document_id, position);

CREATE TABLE measure_keys (
    measure TEXT PRIMARY KEY, head TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO measure_keys (measure, head)
SELECT DISTINCT measure, claimtrail_measure_head(measure) FROM figure_measures;
CREATE INDEX measure_keys_head ON measure_keys(head);

CREATE TABLE speaker_counts (
    speaker TEXT NOT NULL, day TEXT NOT NULL, outlet TEXT NOT NULL,
    quotes INTEGER NOT NULL, documents INTEGER NOT NULL,
    PRIMARY KEY (speaker, day, outlet)
) WITHOUT ROWID;
INSERT INTO speaker_counts (speaker, day, outlet, quotes, documents)
SELECT q.speaker, coalesce(d.published, d.estimated, ''), coalesce(d.outlet, ''), count(*),
       count(DISTINCT q.document_id)
FROM quotes q JOIN documents d ON d.id = q.document_id
WHERE q.speaker IS NOT NULL
GROUP BY 1, 2, 3;
CREATE TABLE speaker_roles (
    speaker TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (speaker, role)
) WITHOUT ROWID;
INSERT INTO speaker_roles (speaker, role)
SELECT DISTINCT speaker, role FROM quotes WHERE speaker IS NOT NULL AND role IS NOT NULL;

ALTER TABLE quote_registry ADD COLUMN documents INTEGER NOT NULL DEFAULT 0;
UPDATE quote_registry SET documents = (
    SELECT count(DISTINCT a.document_id) FROM quote_appearances a
    WHERE a.quote_id = quote_registry.id);
CREATE INDEX quote_registry_rank ON quote_registry(documents DESC, first_date, id);
CREATE INDEX quote_registry_first_document ON quote_registry(first_document_id);

-- The documents view without `group_concat(… ORDER BY …)` (SQLite 3.44): a ledger must open in
-- the sqlite3 shell that distributions ship (Debian 12: 3.40), and a view that shell cannot parse
-- makes it refuse the whole file. Authors come in byline order from the ordered subquery.
DROP VIEW documents_view;
CREATE VIEW documents_view AS
SELECT d.id, d.content_id, d.source, d.origin, d.outlet, d.title, d.published, d.estimated,
       (SELECT group_concat(name, '; ') FROM
          (SELECT a.name FROM authors a WHERE a.document_id = d.id ORDER BY a.position)) AS authors,
       sd.story_id AS story, s.title AS story_title, c.original_id AS copy_of
FROM documents d
LEFT JOIN story_documents sd ON sd.document_id = d.id
LEFT JOIN stories s ON s.id = sd.story_id
LEFT JOIN copies c ON c.document_id = d.id;

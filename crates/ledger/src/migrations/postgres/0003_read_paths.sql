-- Step 3: what the server's pages read, kept ready at ingest (see the SQLite step for why).
-- The same tables and keys; a measure's head is the last word before " @place".

DROP INDEX documents_published;
CREATE INDEX documents_listing ON documents(published NULLS FIRST, source, id);

ALTER TABLE figure_measures ADD COLUMN date text COLLATE "C";
UPDATE figure_measures m SET date = coalesce(g.date, d.published, d.estimated)
FROM figures g JOIN documents d ON d.id = g.document_id
WHERE g.document_id = m.document_id AND g.position = m.position;
DROP INDEX figure_measures_measure;
CREATE INDEX figure_measures_timeline
    ON figure_measures(measure, date NULLS FIRST, document_id, position);

CREATE TABLE measure_keys (
    measure text COLLATE "C" PRIMARY KEY, head text COLLATE "C" NOT NULL
);
INSERT INTO measure_keys (measure, head)
SELECT DISTINCT measure, regexp_replace(split_part(measure, ' @', 1), '^.* ', '')
FROM figure_measures;
CREATE INDEX measure_keys_head ON measure_keys(head, measure);

CREATE TABLE speaker_counts (
    speaker text COLLATE "C" NOT NULL, day text COLLATE "C" NOT NULL,
    outlet text COLLATE "C" NOT NULL, quotes bigint NOT NULL, documents bigint NOT NULL,
    PRIMARY KEY (speaker, day, outlet)
);
INSERT INTO speaker_counts (speaker, day, outlet, quotes, documents)
SELECT q.speaker, coalesce(d.published, d.estimated, ''), coalesce(d.outlet, ''), count(*),
       count(DISTINCT q.document_id)
FROM quotes q JOIN documents d ON d.id = q.document_id
WHERE q.speaker IS NOT NULL
GROUP BY 1, 2, 3;
CREATE TABLE speaker_roles (
    speaker text COLLATE "C" NOT NULL, role text COLLATE "C" NOT NULL,
    PRIMARY KEY (speaker, role)
);
INSERT INTO speaker_roles (speaker, role)
SELECT DISTINCT speaker, role FROM quotes WHERE speaker IS NOT NULL AND role IS NOT NULL;

ALTER TABLE quote_registry ADD COLUMN documents bigint NOT NULL DEFAULT 0;
UPDATE quote_registry r SET documents = a.n
FROM (SELECT quote_id, count(DISTINCT document_id) AS n FROM quote_appearances GROUP BY quote_id) a
WHERE a.quote_id = r.id;
CREATE INDEX quote_registry_rank ON quote_registry(documents DESC, first_date NULLS FIRST, id);
CREATE INDEX quote_registry_first_document ON quote_registry(first_document_id);

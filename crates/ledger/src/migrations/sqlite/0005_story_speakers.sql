-- Step 5: a story's speakers kept at ingest. A story's page counted its speakers from every
-- quote of every member document (a story of 80,000 documents, half a million quotes, on each
-- view); these rows are added to as documents join a story and move with them when stories
-- merge, so the page reads one row per speaker.
--
-- * story_speakers: per story and speaker, how many quotes and documents, and the first and
--   last date (coalesce(published, estimated)) of those documents.
-- * story_speaker_roles: the roles a speaker is given in the story's quotes.
-- * figures.day: the date a figure is listed by (its own, else its document's publication or
--   estimated date), with an index in that order, so that a page of a story's (or the ledger's)
--   figures is read in order instead of sorting every figure of the story first.
-- * story_documents.day: the member's date (coalesce(published, estimated)), with an index in
--   member order (undated last), so that a story row lists its earliest members without
--   sorting all of them.

CREATE TABLE story_speakers (
    story_id INTEGER NOT NULL, speaker TEXT NOT NULL,
    quotes INTEGER NOT NULL, documents INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT,
    PRIMARY KEY (story_id, speaker)
) WITHOUT ROWID;
INSERT INTO story_speakers (story_id, speaker, quotes, documents, first_seen, last_seen)
SELECT sd.story_id, q.speaker, count(*), count(DISTINCT q.document_id),
       min(coalesce(d.published, d.estimated)), max(coalesce(d.published, d.estimated))
FROM quotes q JOIN story_documents sd ON sd.document_id = q.document_id
JOIN documents d ON d.id = q.document_id
WHERE q.speaker IS NOT NULL
GROUP BY 1, 2;
CREATE INDEX story_speakers_rank ON story_speakers(story_id, documents DESC, quotes DESC, speaker);

CREATE TABLE story_speaker_roles (
    story_id INTEGER NOT NULL, speaker TEXT NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (story_id, speaker, role)
) WITHOUT ROWID;
INSERT INTO story_speaker_roles (story_id, speaker, role)
SELECT DISTINCT sd.story_id, q.speaker, q.role
FROM quotes q JOIN story_documents sd ON sd.document_id = q.document_id
WHERE q.speaker IS NOT NULL AND q.role IS NOT NULL;

ALTER TABLE figures ADD COLUMN day TEXT;
UPDATE figures SET day = coalesce(date, (
    SELECT coalesce(d.published, d.estimated) FROM documents d WHERE d.id = figures.document_id));
CREATE INDEX figures_listing ON figures(day);

ALTER TABLE story_documents ADD COLUMN day TEXT;
UPDATE story_documents SET day = (
    SELECT coalesce(d.published, d.estimated) FROM documents d
    WHERE d.id = story_documents.document_id);
CREATE INDEX story_documents_members ON story_documents(story_id, day IS NULL, day, document_id);

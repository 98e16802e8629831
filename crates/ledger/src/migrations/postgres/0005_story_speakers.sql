-- Step 5: a story's speakers kept at ingest, the same tables as SQLite's step (see it for
-- what each holds). SQLite's `figures.day` listing column is not kept here: PostgreSQL's
-- planner sorts a story's figures with its own top-N sort, and the server reads SQLite.

CREATE TABLE story_speakers (
    story_id bigint NOT NULL, speaker text COLLATE "C" NOT NULL,
    quotes bigint NOT NULL, documents bigint NOT NULL,
    first_seen text COLLATE "C", last_seen text COLLATE "C",
    PRIMARY KEY (story_id, speaker)
);
INSERT INTO story_speakers (story_id, speaker, quotes, documents, first_seen, last_seen)
SELECT sd.story_id, q.speaker, count(*), count(DISTINCT q.document_id),
       min(coalesce(d.published, d.estimated)), max(coalesce(d.published, d.estimated))
FROM quotes q JOIN story_documents sd ON sd.document_id = q.document_id
JOIN documents d ON d.id = q.document_id
WHERE q.speaker IS NOT NULL
GROUP BY 1, 2;
CREATE INDEX story_speakers_rank ON story_speakers(story_id, documents DESC, quotes DESC, speaker);

CREATE TABLE story_speaker_roles (
    story_id bigint NOT NULL, speaker text COLLATE "C" NOT NULL, role text COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, speaker, role)
);
INSERT INTO story_speaker_roles (story_id, speaker, role)
SELECT DISTINCT sd.story_id, q.speaker, q.role
FROM quotes q JOIN story_documents sd ON sd.document_id = q.document_id
WHERE q.speaker IS NOT NULL AND q.role IS NOT NULL;

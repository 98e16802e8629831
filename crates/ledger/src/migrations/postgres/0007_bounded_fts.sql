-- Step 7: a document's full-text vector within PostgreSQL's limit. to_tsvector refuses a vector
-- over 1 MiB ("string is too long for tsvector"), which a long text of distinct words (a data
-- table, a list of ids, a page of numbers) reaches well inside the 4 MiB of text a document
-- keeps: its insert failed, and with it the batch and the run. claimtrail_fts indexes the whole
-- text when its vector fits, else the longest prefix that does, found by halving; a text under
-- 256 KiB (every real article) takes the plain path, without the subtransaction an exception
-- handler costs.
CREATE FUNCTION claimtrail_fts(doc text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    n integer := length(doc);
BEGIN
    IF octet_length(doc) <= 262144 THEN
        RETURN to_tsvector('simple', doc);
    END IF;
    LOOP
        BEGIN
            RETURN to_tsvector('simple', left(doc, n));
        EXCEPTION WHEN program_limit_exceeded THEN
            n := n / 2;
        END;
    END LOOP;
END
$$;
ALTER TABLE documents DROP COLUMN fts;
ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS
    (claimtrail_fts(coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX documents_fts ON documents USING gin (fts);

-- Step 7: PostgreSQL's full-text vector bounded to its 1 MiB limit (see its step). FTS5 has no
-- such limit: nothing changes here. The step exists so that both backends number their schema
-- alike.
SELECT 1;

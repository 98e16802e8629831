-- Step 6: SQLite's per-story figure and registry columns (see its step) are not kept here:
-- PostgreSQL sorts a story's rows with its own top-N sort, and the server reads SQLite. The
-- step exists so that both backends number their schema alike.
SELECT 1;

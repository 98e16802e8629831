-- Step 4: the collector's state (`claimtrail collect` and `watch`), kept in the ledger so that a
-- restarted collector resumes where it stopped. Nothing here is analysis: these tables say what
-- was fetched, not what the pages hold.
--
-- * collect_pages: every page URL the collector has met (normalised: tracking parameters
--   stripped), with the fingerprint of the listing entry that named it (a changed entry is
--   fetched again), its state ('archived': in a WARC file, not yet in the ledger; 'stored';
--   'failed', with the number of failures in a row), where its response record lies (file,
--   offset of the request/response pair, the response's record number), the canonical URL
--   the page declared (a listing that names the canonical URL is then not fetched again), and
--   the entry's date and title (a failed page is tried again with them).
-- * collect_validators: a feed's or sitemap's ETag and Last-Modified, for conditional GET.
-- * collect_hosts: a host's back-off (after 429 or 5xx), as a UTC RFC 3339 instant.
-- * collect_archives: how many bytes of a WARC file being written hold whole records; after a
--   crash the file is cut back to that length.

CREATE TABLE collect_pages (
    url TEXT PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('archived', 'stored', 'failed')),
    failures INTEGER NOT NULL DEFAULT 0,
    archive TEXT,
    record_offset INTEGER,
    record_number INTEGER,
    canonical TEXT,
    listed_date TEXT,
    listed_title TEXT,
    updated TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX collect_pages_state ON collect_pages(state, url);
CREATE INDEX collect_pages_canonical ON collect_pages(canonical);

CREATE TABLE collect_validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    updated TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE collect_hosts (
    host TEXT PRIMARY KEY,
    backoff_until TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE collect_archives (
    file TEXT PRIMARY KEY,
    committed INTEGER NOT NULL
) WITHOUT ROWID;
